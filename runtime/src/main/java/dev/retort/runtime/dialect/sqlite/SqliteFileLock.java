package dev.retort.runtime.dialect.sqlite;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.runtime.dialect.ThisProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An exclusive operating-system lock on a file beside the database ({@code app.db-retort-lock}),
 * held for the whole run. The operating system releases it when the process dies, so it never
 * stays stuck; it does not touch SQLite's own locks, so the application's other connections go on
 * reading while migrations run. The file stays: deleting it while another process waits on it
 * would let two processes hold two different files' locks.
 *
 * <p>SQLite's own locking cannot do this: a lock that lasts across the run's commits
 * ({@code locking_mode = EXCLUSIVE}) also shuts out every reader, in this process too.
 */
final class SqliteFileLock implements MigrationLock {

    static final String SUFFIX = "-retort-lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static MigrationLock acquire(Connection connection, Duration timeout) throws SQLException {
        String database = mainFile(connection);
        if (database == null || database.isEmpty()) {
            return () -> { }; // an in-memory database has one connection: nothing else can run migrations on it
        }
        Path path = Path.of(database + SUFFIX);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RetortException(ErrorCode.DATABASE_ERROR, "cannot open the migration lock file " + path + ": " + e
                    + "; Retort needs to write beside the database file", e);
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            long pause = 10;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    writeHolder(channel);
                    return new SqliteFileLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw new RetortException(ErrorCode.LOCK_TIMEOUT, "another process (" + holder(path) + ") has held"
                            + " the migration lock of " + database + " (" + path.getFileName() + ") for longer than the"
                            + " lock timeout (" + timeout.toSeconds() + " s); wait for it to finish and retry, or raise"
                            + " --lock-timeout");
                }
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                pause = Math.min(pause * 2, 200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(channel);
            throw new RetortException(ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock");
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /**
     * Who holds the lock, written into the lock file by its holder: the operating system's lock is
     * advisory, so a waiting process can read it to name the holder when it gives up.
     */
    private static void writeHolder(FileChannel channel) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ThisProcess.describe() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            // the lock holds without the note; a waiter's message then says the holder is unknown
        }
    }

    private static String holder(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8).strip();
            return text.isEmpty() || text.length() > 300 ? "unknown" : text;
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unknown";
        }
    }

    /** The lock, or null while another process (or another run in this one) holds it. */
    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another Retort in this JVM holds it
        } catch (IOException e) {
            throw new RetortException(ErrorCode.DATABASE_ERROR, "cannot lock the migration lock file: " + e, e);
        }
    }

    /** The main database's file, or an empty name for an in-memory or temporary database. */
    private static String mainFile(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA database_list")) {
            while (r.next()) {
                if ("main".equals(r.getString("name"))) {
                    return r.getString("file");
                }
            }
        }
        return null;
    }

    static boolean isBusy(SQLException e) {
        return (e.getErrorCode() & 0xff) == 5 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the process's exit releases it in any case
        }
    }
}
