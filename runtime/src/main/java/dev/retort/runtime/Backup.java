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
 * when it is installed; for MySQL and MariaDB, {@code mariadb-dump} (or {@code mysqldump}).
 */
final class Backup {

    /** The URL as {@link DatabaseUrl} leaves it: no credentials, no user. */
    /** Where {@link DatabaseUrl} points pgjdbc for a Unix socket: {@code <directory>/.s.PGSQL.<port>}. */
    private static final Pattern SOCKET = Pattern.compile("(/.*)/\\.s\\.PGSQL\\.(\\d+)");
    private static final Pattern PG = Pattern.compile("jdbc:postgresql://([^/:?]+|\\[[^]]+])(?::(\\d+))?/([^?]+)(\\?.*)?");
    /** {@link DatabaseUrl}'s Connector/J URL; of several hosts (a replication mode's) the first, the primary. */
    private static final Pattern MARIADB = Pattern.compile("jdbc:mariadb:(?:[a-z-]+:)?//([^/?]*)/([^?]+)(\\?.*)?");
    private static final Pattern HOST = Pattern.compile("(\\[[^]]+]|[^:,]*)(?::(\\d+))?(?:,.*)?");
    private static final Pattern ADDRESS = Pattern.compile("(?i)address=.*?\\(host=([^)]+)\\)(?:.*?\\(port=(\\d+)\\))?.*");

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
        Map<String, String> query = query(m.group(4));
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
        run(builder, "pg_dump", destination);
    }

    /**
     * Backs up the database {@code url} names (its {@code schema}, when the version table lives in
     * another) for whichever kind it is: PostgreSQL by pg_dump, MySQL and MariaDB by mariadb-dump.
     *
     * @param dumpTool the pg_dump or mariadb-dump to run, or {@code null} for the one on the PATH
     */
    static void dump(DatabaseUrl url, Path destination, String schema, Path dumpTool) {
        if (url.kind() == DatabaseUrl.Kind.MYSQL) {
            mysql(url, destination, schema, dumpTool);
        } else {
            postgres(url, destination, schema, dumpTool);
        }
    }

    /**
     * Runs mariadb-dump (mysqldump where there is none) with the password in {@code MYSQL_PWD},
     * never on its command line. {@code --single-transaction} dumps InnoDB's tables from one
     * snapshot without locking them; routines and triggers come along, since migrations create
     * them too; {@code --no-tablespaces} spares the user MySQL's PROCESS privilege.
     *
     * @param dumpTool the mariadb-dump to run, or {@code null} for the one on the PATH
     */
    static void mysql(DatabaseUrl url, Path destination, String schema, Path dumpTool) {
        refuseExisting(destination);
        String program = dumpTool != null ? dumpTool.toString() : onPath("mariadb-dump");
        program = program != null ? program : onPath("mysqldump");
        if (program == null || !Files.isExecutable(Path.of(program))) {
            throw new RetortException(ErrorCode.BACKUP_FAILED, (dumpTool == null ? "backing up MySQL or MariaDB needs"
                    + " mariadb-dump or mysqldump on the PATH (Debian: apt install mariadb-client)" : dumpTool
                    + " is not an executable mariadb-dump") + "; nothing was written");
        }
        Matcher m = MARIADB.matcher(url.jdbcUrl());
        if (!m.matches()) {
            throw new RetortException(ErrorCode.BACKUP_FAILED, "backup needs a URL with a database"
                    + " (mysql://user@host:3306/db); nothing was written");
        }
        Map<String, String> query = query(m.group(3));
        var command = new ArrayList<>(List.of(program));
        String socket = query.get("localsocket");
        if (socket != null) {
            command.addAll(List.of("--protocol=socket", "--socket=" + socket));
        } else {
            // tcp said outright: to the client, "localhost" means its default socket, not port 3306.
            command.addAll(List.of("--protocol=tcp", "--host=" + host(m.group(1)), "--port=" + port(m.group(1))));
        }
        if (url.user() != null) {
            command.add("--user=" + url.user());
        }
        command.addAll(tls(program, query));
        command.addAll(List.of("--single-transaction", "--routines", "--triggers", "--no-tablespaces", "--hex-blob",
                "--result-file=" + destination, schema != null ? schema : m.group(2)));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (url.password() != null) {
            builder.environment().put("MYSQL_PWD", url.password());
        }
        run(builder, Path.of(program).getFileName().toString(), destination);
    }

    private static String host(String hosts) {
        Matcher address = ADDRESS.matcher(hosts);
        if (address.matches()) {
            return address.group(1);
        }
        Matcher m = HOST.matcher(hosts);
        String host = m.matches() && !m.group(1).isEmpty() ? m.group(1) : "localhost";
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static String port(String hosts) {
        Matcher address = ADDRESS.matcher(hosts);
        Matcher m = HOST.matcher(hosts);
        String port = address.matches() ? address.group(2) : m.matches() ? m.group(2) : null;
        return port == null ? "3306" : port;
    }

    /**
     * Connector/J's {@code sslMode} as the dump tool spells it: MariaDB's client by
     * {@code --ssl}/{@code --skip-ssl}, Oracle's mysqldump by {@code --ssl-mode}. MariaDB's
     * client checks the host name whenever it checks the certificate, so verify-ca is as strict
     * there as verify-full.
     */
    private static List<String> tls(String program, Map<String, String> query) {
        String mode = query.getOrDefault("sslmode", "").toLowerCase(Locale.ROOT);
        String ca = query.get("serversslcert");
        if (mode.isEmpty() && ca == null) {
            return List.of();
        }
        var options = new ArrayList<String>();
        if (ca != null && !ca.startsWith("classpath:") && !ca.startsWith("-----")) {
            options.add("--ssl-ca=" + ca);
        }
        boolean verify = mode.startsWith("verify");
        if (isMariadb(program)) {
            options.add(mode.equals("disable") ? "--skip-ssl" : verify ? "--ssl-verify-server-cert" : "--ssl");
        } else {
            options.add("--ssl-mode=" + (mode.equals("disable") ? "DISABLED" : mode.equals("verify-full") ? "VERIFY_IDENTITY"
                    : verify ? "VERIFY_CA" : "REQUIRED"));
        }
        return mode.equals("disable") ? options.subList(options.size() - 1, options.size()) : options;
    }

    /** Whether the dump tool is MariaDB's (mysqldump is often a link to it), which spells TLS options its own way. */
    private static boolean isMariadb(String program) {
        if (Path.of(program).getFileName().toString().startsWith("mariadb")) {
            return true;
        }
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(1, TimeUnit.MINUTES) && version.contains("MariaDB");
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException(ErrorCode.BACKUP_FAILED, "interrupted while asking " + program + " its version", e);
        }
    }

    /** The parameters of a URL's {@code ?query}, by their lower-case names. */
    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : (query == null ? "" : query.substring(1)).split("&")) {
            String[] kv = parameter.split("=", 2);
            if (kv.length == 2) {
                parameters.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
            }
        }
        return parameters;
    }

    /** Runs a dump tool to its end; a failure removes what it wrote and says what the tool said. */
    private static void run(ProcessBuilder builder, String tool, Path destination) {
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                Files.deleteIfExists(destination);
                // The tools' messages hold control characters (a bell): an error is one plain line.
                throw new RetortException(ErrorCode.BACKUP_FAILED, tool + " failed: "
                        + Runner.oneLine(output).replaceAll("\\p{Cntrl}", "") + "; nothing was written");
            }
            if (!Files.isRegularFile(destination) || Files.size(destination) == 0) {
                Files.deleteIfExists(destination);
                throw new RetortException(ErrorCode.BACKUP_FAILED, tool + " ended without error but wrote nothing to "
                        + destination + "; check that it is the dump tool (--dump-tool)");
            }
        } catch (IOException e) {
            throw new RetortException(ErrorCode.BACKUP_FAILED, "cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException(ErrorCode.BACKUP_FAILED, "interrupted while " + tool + " ran", e);
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
