package dev.retort.runtime.jdbc;

import dev.retort.runtime.jdbc.DatabaseUrl.Kind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's URLs ({@code mysql://}, SQLAlchemy's {@code mysql+pymysql://} and the
 * other Python drivers', {@code mariadb://}, {@code jdbc:mysql:}, {@code jdbc:mariadb:}), each
 * made a {@code jdbc:mariadb:} URL for MariaDB Connector/J, the one driver Retort talks to both
 * servers with.
 *
 * <p>{@code jdbc:mysql:} is rewritten rather than given Connector/J's {@code permitMysqlScheme}:
 * with MySQL's own Connector/J also on an application's class path, {@link java.sql.DriverManager}
 * would hand {@code jdbc:mysql:} to whichever driver registered first, and the two read their
 * parameters differently; {@code jdbc:mariadb:} reaches the same driver every time.
 */
final class MysqlUrl {

    /** Connector/J's high-availability modes, written between the scheme and {@code //}. */
    private static final Pattern JDBC_REST = Pattern.compile("(?i)((?:replication|sequential|loadbalance|load-balance):)?"
            + "//(.*)", Pattern.DOTALL);
    /** A user or password inside Connector/J's {@code address=(…)(…)} host form. */
    static final Pattern ADDRESS_CREDENTIAL = Pattern.compile("(?i)\\((user|password)=([^)]*)\\)");
    /** Credentials among Connector/J's options, by the name it reads them under. */
    private static final Map<String, String> SECRETS = Map.of("keystorepassword", "keyStorePassword",
            "truststorepassword", "trustStorePassword", "keypassword", "keyPassword");
    /** The Python drivers' settings that are about Python's strings alone: Connector/J always talks utf8mb4. */
    private static final Set<String> PYTHON_ONLY = Set.of("charset", "use_unicode", "binary_prefix");
    /** What to write instead of a Python driver's setting that Connector/J has under another name or shape. */
    private static final Map<String, String> INSTEAD = Map.of(
            "ssl_cert", "Connector/J takes a client certificate as a key store: keyStore=/path/client.p12"
                    + "&keyStorePassword=… (openssl pkcs12 -export makes one from the certificate and key)",
            "ssl_key", "Connector/J takes a client key as a key store: keyStore=/path/client.p12&keyStorePassword=…"
                    + " (openssl pkcs12 -export makes one from the certificate and key)",
            "local_infile", "write Connector/J's allowLocalInfile=true",
            "init_command", "write Connector/J's initSql=…",
            "write_timeout", "write Connector/J's socketTimeout=… (milliseconds), which covers reads and writes",
            "autocommit", "Retort runs each migration in its own transaction; drop it");
    private static final String DOCS = "https://mariadb.com/docs/connectors/mariadb-connector-j/about-mariadb-connector-j";

    private MysqlUrl() {
    }

    /**
     * {@code jdbc:mysql:} or {@code jdbc:mariadb:} {@code [mode:]//[user[:password]@]hosts/database[?options]}:
     * the options are Connector/J's already and pass on, but for the credentials among them.
     */
    static DatabaseUrl jdbc(String scheme, String given) {
        String shown = scheme + "//…";
        String rest = credentialsAsParameters(given);
        Matcher m = JDBC_REST.matcher(rest);
        if (!m.matches()) {
            throw DatabaseUrl.bad(scheme + "…", "write " + scheme + "//host:3306/database");
        }
        String mode = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
        UrlParts parts = UrlParts.split(m.group(2));
        check(shown, parts, true);
        var query = new LinkedHashMap<String, String>();
        for (UrlParts.Param p : parts.query()) {
            query.put(p.key(), p.value());
        }
        query.keySet().removeIf(key -> key.equalsIgnoreCase("user"));
        return result(shown, parts, "jdbc:mariadb:" + mode + "//" + parts.hosts(), query);
    }

    /**
     * Connector/J's {@code address=(host=…)(user=…)(password=…)} form, with the user and password
     * moved to parameters, where they are taken out of the URL as every other form's are.
     */
    private static String credentialsAsParameters(String rest) {
        Matcher m = ADDRESS_CREDENTIAL.matcher(rest);
        var found = new StringBuilder();
        var out = new StringBuilder();
        while (m.find()) {
            found.append(found.length() == 0 && rest.indexOf('?') < 0 ? '?' : '&').append(m.group(1)).append('=')
                    .append(m.group(2));
            m.appendReplacement(out, "");
        }
        m.appendTail(out);
        return out + found.toString();
    }

    /**
     * SQLAlchemy's {@code mysql[+driver]://} and {@code mariadb[+driver]://}: the query holds the
     * Python driver's settings, each turned into Connector/J's where it has one, refused by name
     * where it has none (a dropped {@code ssl_ca} would connect without checking the server), and
     * passed on when already Connector/J's (camelCase, as {@code sslMode}).
     */
    static DatabaseUrl sqlalchemy(String shownScheme, String rest) {
        String shown = shownScheme + "//…";
        UrlParts parts = UrlParts.split(rest);
        check(shown, parts, false);
        String socket = parts.param("unix_socket");
        if (parts.hosts().isEmpty() && (socket == null || socket.isEmpty())) {
            throw DatabaseUrl.bad(shown, "a MySQL URL needs a host: mysql://user:password@host:3306/database (or, for a"
                    + " Unix socket, mysql://user@/database?unix_socket=/run/mysqld/mysqld.sock)");
        }
        var query = new LinkedHashMap<String, String>();
        Tls tls = new Tls();
        for (UrlParts.Param p : parts.query()) {
            String key = p.key().toLowerCase(Locale.ROOT);
            String value = p.value() == null ? "" : p.value();
            if (p.secret() || key.equals("user") || PYTHON_ONLY.contains(key) || tls.take(shown, key, value)) {
                continue;
            }
            switch (key) {
                case "unix_socket" -> query.put("localSocket", value);
                case "connect_timeout" -> query.put("connectTimeout", milliseconds(shown, key, value));
                case "read_timeout" -> query.put("socketTimeout", milliseconds(shown, key, value));
                default -> {
                    if (INSTEAD.containsKey(key)) {
                        throw DatabaseUrl.bad(shown, "the parameter " + key + " is not Connector/J's; " + INSTEAD.get(key));
                    }
                    if (key.contains("_") || key.contains("-")) {
                        throw DatabaseUrl.bad(shown, "the parameter " + key + " is the Python driver's and MariaDB"
                                + " Connector/J has no such setting; drop it, or write Connector/J's own (" + DOCS + ")");
                    }
                    query.put(p.key(), p.value());
                }
            }
        }
        tls.into(query);
        String hosts = parts.hosts().isEmpty() ? "localhost" : parts.hosts();
        return result(shown, parts, "jdbc:mariadb://" + hosts, query);
    }

    /** Checks what both forms share: the hosts, the database, the escapes. */
    private static void check(String shown, UrlParts parts, boolean jdbcForm) {
        if (parts.hosts().contains("@") || (parts.database() != null && parts.database().contains("@"))) {
            throw DatabaseUrl.bad(shown, "an '@' in the user name or password must be written %40 (and a '/' in the"
                    + " user name %2F)");
        }
        for (String host : parts.hosts().split(",", -1)) {
            // Connector/J's address=(host=…)(port=…) form carries no ':' to check.
            DatabaseUrl.checkHost(shown, host, parts.hosts().isEmpty() || (jdbcForm && host.startsWith("address=")));
        }
        if (parts.database() == null || parts.database().isEmpty()) {
            throw DatabaseUrl.bad(shown, "a MySQL URL needs a database name (mysql://user@host:3306/database): Retort"
                    + " keeps its version table there");
        }
        DatabaseUrl.checkEscapes(shown, parts.database(), "database name");
        for (UrlParts.Param p : parts.query()) {
            DatabaseUrl.checkEscapes(shown, p.key(), "parameter name");
            if (p.value() != null) {
                DatabaseUrl.checkEscapes(shown, p.value(), "value of a parameter");
            }
        }
    }

    /** The record: user and credentials out of the URL, under the names Connector/J reads. */
    private static DatabaseUrl result(String shown, UrlParts parts, String prefix, Map<String, String> query) {
        var secrets = new TreeMap<String, String>();
        DatabaseUrl.secrets(parts, shown).forEach((key, value) -> secrets.put(SECRETS.getOrDefault(key, key), value));
        String password = DatabaseUrl.decode(shown, parts.password(), "password");
        if (password == null) {
            password = secrets.get("password");
        }
        secrets.remove("password");
        secrets.remove("pwd");
        String user = DatabaseUrl.decode(shown, parts.user(), "user name");
        if (user == null) {
            user = DatabaseUrl.decode(shown, parts.param("user"), "user name");
        }
        var kept = new StringBuilder();
        query.forEach((key, value) -> {
            if (!new UrlParts.Param(key, value).secret()) {
                kept.append(kept.length() == 0 ? '?' : '&').append(value == null ? key : key + "=" + value);
            }
        });
        return new DatabaseUrl(Kind.MYSQL, prefix + "/" + parts.database() + kept, user, password, secrets);
    }

    /** The Python drivers' seconds, as Connector/J's milliseconds. */
    private static String milliseconds(String shown, String key, String seconds) {
        if (!seconds.matches("[0-9]{1,6}")) {
            throw DatabaseUrl.bad(shown, "the parameter " + key + " is not a whole number of seconds");
        }
        return String.valueOf(Long.parseLong(seconds) * 1000);
    }

    /**
     * The TLS settings of pymysql, mysqlclient, mysql-connector and MariaDB's Python connector,
     * gathered into Connector/J's {@code sslMode} and {@code serverSslCert}. A CA file alone
     * means the server's certificate is checked against it, as pymysql does.
     */
    private static final class Tls {
        private String mode;
        private String ca;
        private Boolean verifyCert;
        private boolean verifyIdentity;

        boolean take(String shown, String key, String value) {
            String v = value.toLowerCase(Locale.ROOT);
            switch (key) {
                case "ssl_ca", "ssl-ca" -> ca = value;
                case "ssl_verify_cert" -> verifyCert = truth(shown, key, v);
                case "ssl_verify_identity" -> verifyIdentity = truth(shown, key, v);
                case "ssl_disabled" -> mode = truth(shown, key, v) ? "disable" : mode;
                case "ssl" -> mode = truth(shown, key, v) ? "trust" : "disable";
                case "ssl_mode", "ssl-mode" -> mode = switch (v.replace('-', '_')) {
                    case "disabled" -> "disable";
                    case "required" -> "trust";
                    case "verify_ca" -> "verify-ca";
                    case "verify_identity" -> "verify-full";
                    default -> throw DatabaseUrl.bad(shown, "the parameter " + key + " must be DISABLED, REQUIRED,"
                            + " VERIFY_CA or VERIFY_IDENTITY (Connector/J has no PREFERRED: it uses TLS or it does not)");
                };
                default -> {
                    return false;
                }
            }
            return true;
        }

        void into(Map<String, String> query) {
            if (ca != null) {
                query.put("serverSslCert", ca);
            }
            String chosen;
            if ("disable".equals(mode)) {
                chosen = mode;
            } else if (verifyIdentity) {
                chosen = "verify-full";
            } else if (Boolean.FALSE.equals(verifyCert)) {
                chosen = "trust";
            } else if (ca != null || Boolean.TRUE.equals(verifyCert)) {
                // As MySQL's own client: REQUIRED with a CA checks the certificate against it.
                chosen = "verify-full".equals(mode) ? mode : "verify-ca";
            } else {
                chosen = mode;
            }
            if (chosen != null) {
                query.put("sslMode", chosen);
            }
        }

        private static boolean truth(String shown, String key, String value) {
            return switch (value) {
                case "1", "true", "yes", "on" -> true;
                case "0", "false", "no", "off" -> false;
                default -> throw DatabaseUrl.bad(shown, "the parameter " + key + " must be true or false");
            };
        }
    }

    /** {@code jdbc:mariadb://hosts/db?options} with another database. */
    static String withDatabase(String jdbcUrl, String database) {
        int hosts = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hosts);
        int query = jdbcUrl.indexOf('?', hosts);
        int end = slash >= 0 && (query < 0 || slash < query) ? slash : query >= 0 ? query : jdbcUrl.length();
        return jdbcUrl.substring(0, end) + "/" + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
