package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consistent copy of the database before a risky change: SQLite's {@code VACUUM INTO} (a
 * transaction-consistent copy while others keep using the file); for PostgreSQL, {@code pg_dump}
 * when it is installed.
 */
final class Backup {

    /** The URL as {@link DatabaseUrl} leaves it: no credentials, no user. */
    /** Where {@link DatabaseUrl} points pgjdbc for a Unix socket: {@code <directory>/.s.PGSQL.<port>}. */
    private static final Pattern SOCKET = Pattern.compile("(/.*)/\\.s\\.PGSQL\\.(\\d+)");
    private static final Pattern PG = Pattern.compile("jdbc:postgresql://([^/:?]+|\\[[^]]+])(?::(\\d+))?/([^?]+)(\\?.*)?");

    private Backup() {
    }

    static void sqlite(Connection connection, Path destination) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA database_list")) {
            while (r.next()) {
                if ("main".equals(r.getString("name")) && (r.getString("file") == null || r.getString("file").isEmpty())) {
                    throw new RetortException(ErrorCode.BACKUP_FAILED, "an in-memory database has no file to back up");
                }
            }
        }
        refuseExisting(destination);
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM INTO '" + destination.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }

    /**
     * Runs pg_dump with the password in its environment, never on its command line; host, port,
     * database, user and {@code sslmode} come from the parsed URL, whichever form it was given in.
     *
     * @param pgDump the pg_dump to run, or {@code null} for the one on the PATH
     */
    static void postgres(DatabaseUrl url, Path destination, String schema, Path pgDump) {
        refuseExisting(destination);
        String program = pgDump != null ? pgDump.toString() : onPath("pg_dump");
        if (program == null || !Files.isExecutable(Path.of(program))) {
            throw new RetortException(ErrorCode.BACKUP_FAILED, (pgDump == null ? "backing up PostgreSQL needs pg_dump on"
                    + " the PATH (Debian: apt install postgresql-client)" : pgDump + " is not an executable pg_dump")
                    + "; nothing was written");
        }
        Matcher m = PG.matcher(url.jdbcUrl());
        if (!m.matches()) {
            throw new RetortException(ErrorCode.BACKUP_FAILED, "backup needs a URL with a host and a database"
                    + " (postgresql://user@host:5432/db); nothing was written");
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String parameter : (m.group(4) == null ? "" : m.group(4).substring(1)).split("&")) {
            String[] kv = parameter.split("=", 2);
            if (kv.length == 2) {
                query.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
            }
        }
        String host = m.group(1);
        String port = m.group(2) == null ? "5432" : m.group(2);
        Matcher socket = SOCKET.matcher(query.getOrDefault("socketfactoryarg", ""));
        if (socket.matches()) {
            // A Unix-socket URL: pg_dump takes the socket's directory as its host, as libpq does.
            host = socket.group(1);
            port = socket.group(2);
        }
        // --no-password: never wait for a prompt nobody sees; the password comes in PGPASSWORD.
        var command = new ArrayList<>(List.of(program, "--no-password", "-h", host, "-p", port, "-d", m.group(3), "-f",
                destination.toString()));
        if (url.user() != null) {
            command.addAll(List.of("-U", url.user()));
        }
        if (schema != null) {
            command.addAll(List.of("-n", schema));
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (url.password() != null) {
            builder.environment().put("PGPASSWORD", url.password());
        }
        if (query.containsKey("sslmode")) {
            builder.environment().put("PGSSLMODE", query.get("sslmode"));
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                Files.deleteIfExists(destination);
                throw new RetortException(ErrorCode.BACKUP_FAILED, "pg_dump failed: " + Runner.oneLine(output)
                        + "; nothing was written");
            }
        } catch (IOException e) {
            throw new RetortException(ErrorCode.BACKUP_FAILED, "cannot run pg_dump: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException(ErrorCode.BACKUP_FAILED, "interrupted while pg_dump ran", e);
        }
    }

    private static void refuseExisting(Path destination) {
        if (Files.exists(destination)) {
            throw new RetortException(ErrorCode.BACKUP_FAILED, destination + " exists; Retort does not overwrite files");
        }
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
