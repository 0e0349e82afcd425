package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the configured database, from its URL or its DataSource, and turns what JDBC throws into
 * Retort's errors. Only commands that write a migration state ({@code upgrade}, {@code stamp})
 * may create an SQLite file; the others say it does not exist and leave the disk as it was.
 */
final class Connections {

    /** Whether a connection may create the SQLite database it names. */
    enum Access {
        READ, CREATE
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, Dialect dialect) throws SQLException;
    }

    private final RetortConfig config;

    Connections(RetortConfig config) {
        this.config = config;
    }

    /** Runs {@code work} on a connection of its own, closed afterwards. */
    <T> T with(Access access, Work<T> work) {
        Connection connection = open(access);
        try (connection) {
            Dialect dialect = dialect(connection);
            dialect.configure(connection, config.lockTimeout());
            try {
                return work.run(connection, dialect);
            } catch (SQLException e) {
                if (dialect.isLockTimeout(e)) {
                    throw new RetortException(ErrorCode.LOCK_TIMEOUT, "another process has held " + database()
                            + " locked for longer than the lock timeout (" + config.lockTimeout().toSeconds() + " s);"
                            + " wait for it to finish and retry, or raise --lock-timeout", e);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.DATABASE_ERROR, "database error on " + database() + ": "
                    + Runner.oneLine(e.getMessage()), e);
        }
    }

    Connection open(Access access) {
        Path file = databaseFile();
        if (access == Access.READ && file != null && !Files.exists(file)) {
            throw new RetortException(ErrorCode.DATABASE_NOT_FOUND, "the SQLite database " + file + " does not exist;"
                    + " check the URL (upgrade creates the file, this command does not)");
        }
        try {
            if (config.dataSource() != null) {
                return config.dataSource().getConnection();
            }
            return config.url().connect(access == Access.CREATE);
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.CONNECTION_FAILED, "cannot connect to " + database() + ": " + reason(e), e);
        }
    }

    /**
     * Why a connection failed, from the network's own exception where there is one: a driver's
     * words for a host that never answers ("An error occurred while setting up the SSL
     * connection") point the wrong way.
     */
    static String reason(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage() + "; check the host name";
            }
            if (t instanceof SocketTimeoutException || t instanceof NoRouteToHostException) {
                return "the server did not answer (" + t.getMessage() + "); check the host, the port and any firewall"
                        + " between (connectTimeout=N in the URL sets the wait, in seconds)";
            }
            if (t instanceof ClassNotFoundException && t.getMessage() != null && t.getMessage().contains("newsclub")) {
                return "a Unix-socket URL needs junixsocket on the class path (com.kohlschutter.junixsocket:"
                        + "junixsocket-core, which the retort command line carries)";
            }
        }
        if (String.valueOf(e.getSQLState()).startsWith("08") && String.valueOf(e.getMessage()).contains("SSL")) {
            // pgjdbc asks for SSL first (sslmode=prefer); a peer that is no PostgreSQL server ends there.
            return "no PostgreSQL server answered: the connection was closed while it was being set up (" + Runner.oneLine(
                    e.getMessage()) + "); check the host and the port, and any firewall or proxy between";
        }
        return Runner.oneLine(e.getMessage());
    }

    Dialect dialect(Connection connection) throws SQLException {
        return config.url() != null
                ? Dialects.named(config.url().kind().name())
                : Dialects.forProduct(connection.getMetaData().getDatabaseProductName());
    }

    /** The SQLite database's file from the URL, or {@code null} (PostgreSQL, in memory, a DataSource). */
    Path databaseFile() {
        if (config.url() == null || config.url().kind() != DatabaseUrl.Kind.SQLITE) {
            return null;
        }
        String path = config.url().jdbcUrl().substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        boolean memory = path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")
                && (path.contains(":memory:") || path.contains("mode=memory"));
        if (memory) {
            return null;
        }
        return Path.of(path.startsWith("file:") ? path.substring("file:".length()) : path);
    }

    /** The database as it may be shown: never with a password. */
    String database() {
        return config.url() != null ? config.url().toString() : "the configured DataSource";
    }
}
