package dev.retort.runtime.jdbc;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.schema.Names;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database location, parsed from a JDBC URL or from the {@code DATABASE_URL} forms the
 * seeds' users already have ({@code postgresql://user:pass@host:5432/db},
 * {@code postgresql+asyncpg://…}, {@code mysql+pymysql://…}, {@code sqlite:///file.db}); MySQL's
 * and MariaDB's are read by {@link MysqlUrl}.
 *
 * <p>Credentials are taken out of the URL while it is parsed (the password in
 * {@code user:password@}, and {@code password=}, {@code sslpassword=} parameters) and handed to
 * the driver as connection properties, so {@link #jdbcUrl()} holds none: not in any message, not in
 * a driver's own log. A URL that cannot be parsed is reported without its text.
 *
 * @param jdbcUrl the URL handed to the driver, without user or credentials
 * @param user {@code null} when not given
 * @param password {@code null} when not given; never printed
 * @param secrets other credential properties taken out of the URL ({@code sslpassword}); never printed
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String user, String password, Map<String, String> secrets) {

    /** The databases Retort supports. */
    public enum Kind {
        POSTGRESQL, SQLITE, MYSQL
    }

    /** Where the command line and the main job put their database when none is given. */
    public static final String DEFAULT = "sqlite:///retort.db";

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(\\+[A-Za-z0-9_]+)?://(.*)",
            Pattern.DOTALL);
    private static final Pattern JDBC = Pattern.compile("(?i)jdbc:([a-z0-9]+):(.*)", Pattern.DOTALL);
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]*)(?::(.*))?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    /** junixsocket's factory for pgjdbc's {@code socketFactory}, taking the socket file as its argument. */
    public static final String UNIX_SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";
    private static final Set<String> POSTGRES_IMAGES = Set.of("postgresql", "postgres", "postgis", "timescaledb",
            "pgvector");
    /** sqlite3_open_v2's flag: read and write, without SQLITE_OPEN_CREATE. */
    private static final int SQLITE_OPEN_READWRITE = 0x2;
    private static final String FORMS = "give a JDBC URL (jdbc:postgresql://host:5432/db, jdbc:mariadb://host:3306/db,"
            + " jdbc:sqlite:file.db), postgresql://user@host:5432/db, mysql://user@host:3306/db or sqlite:///file.db";
    /** Connector/J's {@code jdbc:mariadb:replication://…}: the text after the mode is an authority like any other. */
    private static final Pattern HA_MODE = Pattern.compile("([A-Za-z-]+:)?//(.*)", Pattern.DOTALL);

    public DatabaseUrl {
        secrets = Map.copyOf(secrets);
    }

    public DatabaseUrl(Kind kind, String jdbcUrl, String user, String password) {
        this(kind, jdbcUrl, user, password, Map.of());
    }

    /**
     * Parses a URL; the user and password given separately win over those inside the URL.
     *
     * @throws RetortException {@link ErrorCode#BAD_URL} naming what is wrong, without the URL's text
     */
    public static DatabaseUrl parse(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw bad("(empty)", FORMS);
        }
        String u = url.strip();
        for (int i = 0; i < u.length(); i++) {
            if (Names.isControl(u.charAt(i))) {
                throw bad("(not shown)", "it holds a control character; " + FORMS);
            }
        }
        Matcher jdbc = JDBC.matcher(u);
        DatabaseUrl parsed = jdbc.matches() ? jdbc(jdbc.group(1).toLowerCase(Locale.ROOT), jdbc.group(2)) : sqlalchemy(u);
        return new DatabaseUrl(parsed.kind, parsed.jdbcUrl, user != null ? user : parsed.user,
                password != null ? password : parsed.password, parsed.secrets);
    }

    public static DatabaseUrl parse(String url) {
        return parse(url, null, null);
    }

    private static DatabaseUrl jdbc(String subprotocol, String rest) {
        String scheme = "jdbc:" + subprotocol + ":";
        switch (subprotocol) {
            case "postgresql":
                if (!rest.startsWith("//")) {
                    // jdbc:postgresql:database — the local server, the default port.
                    return postgres(scheme, "", rest.startsWith("/") ? rest.substring(1) : rest, true);
                }
                return postgres(scheme, rest.substring(2), null, true);
            case "sqlite":
                return sqliteFile(scheme, rest);
            case "mysql":
            case "mariadb":
                return MysqlUrl.jdbc(scheme, rest);
            case "tc":
                return testcontainers(rest);
            default:
                throw bad(scheme + "…", "Retort supports PostgreSQL (jdbc:postgresql:), MySQL and MariaDB (jdbc:mariadb:)"
                        + " and SQLite (jdbc:sqlite:), not " + subprotocol);
        }
    }

    private static DatabaseUrl sqlalchemy(String url) {
        Matcher m = SCHEME.matcher(url);
        if (!m.matches()) {
            throw bad("(not shown)", "it is neither a JDBC URL nor scheme://…; " + FORMS);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String shownScheme = scheme + (m.group(2) == null ? "" : m.group(2)) + ":";
        String rest = m.group(3);
        switch (scheme) {
            case "postgresql":
            case "postgres":
            case "pgsql":
                return postgres(shownScheme, rest, null, false);
            case "sqlite":
                return sqlite(shownScheme, rest);
            case "mysql":
            case "mariadb":
                return MysqlUrl.sqlalchemy(shownScheme, rest);
            default:
                throw bad(shownScheme + "//…", "Retort supports PostgreSQL, MySQL, MariaDB and SQLite, not " + scheme);
        }
    }

    /**
     * Testcontainers' {@code jdbc:tc:postgresql:16:///db}: its driver starts the container and
     * connects; the image names the database. Credentials among the parameters leave the URL.
     */
    private static DatabaseUrl testcontainers(String rest) {
        String image = rest.contains(":") ? rest.substring(0, rest.indexOf(':')).toLowerCase(Locale.ROOT) : rest;
        if (!POSTGRES_IMAGES.contains(image)) {
            throw bad("jdbc:tc:…", "Retort supports Testcontainers' PostgreSQL images (jdbc:tc:postgresql:16:///db), not "
                    + image);
        }
        UrlParts parts = UrlParts.local(rest);
        Map<String, String> secrets = secrets(parts, "jdbc:tc:…");
        String password = secrets.remove("password");
        return new DatabaseUrl(Kind.POSTGRESQL, "jdbc:tc:" + parts.database() + parts.query(Set.of("user")),
                decode("jdbc:tc:…", parts.param("user"), "user name"), password, secrets);
    }

    /**
     * @param authority {@code [user[:password]@]hosts[/database][?query]}
     * @param localDatabase for {@code jdbc:postgresql:database}: that database on the local server
     * @param jdbcForm whether the URL was a JDBC URL (a host may then be left out)
     */
    private static DatabaseUrl postgres(String scheme, String authority, String localDatabase, boolean jdbcForm) {
        String shown = localDatabase != null ? scheme + "…" : scheme + "//…";
        UrlParts parts = localDatabase != null ? UrlParts.local(localDatabase) : UrlParts.split(authority);
        if (parts.hosts().contains("@") || (parts.database() != null && parts.database().contains("@"))) {
            throw bad(shown, "an '@' in the user name or password must be written %40 (and a '/' in the user name %2F)");
        }
        String hostParameter = parts.hosts().isEmpty() ? parts.param("host") : null;
        if (parts.hosts().isEmpty() && !jdbcForm && hostParameter == null) {
            throw bad(shown, "a PostgreSQL URL needs a host: postgresql://user:password@host:5432/database (or, as"
                    + " libpq, postgresql:///database?host=/var/run/postgresql for a Unix socket)");
        }
        for (String host : parts.hosts().split(",", -1)) {
            checkHost(shown, host, parts.hosts().isEmpty());
        }
        if (parts.database() == null || parts.database().isEmpty()) {
            throw bad(shown, "a PostgreSQL URL needs a database name (postgresql://user@host:5432/database); without one"
                    + " the server would pick a database by the user's name");
        }
        String user = decode(shown, parts.user(), "user name");
        String password = decode(shown, parts.password(), "password");
        checkEscapes(shown, parts.database(), "database name");
        for (UrlParts.Param p : parts.query()) {
            checkEscapes(shown, p.key(), "parameter name");
            if (p.value() != null) {
                checkEscapes(shown, p.value(), "value of a parameter");
            }
        }
        Map<String, String> secrets = secrets(parts, shown);
        if (password == null) {
            password = secrets.get("password");
        }
        secrets.remove("password");
        if (user == null) {
            user = decode(shown, parts.param("user"), "user name");
        }
        if (hostParameter != null) {
            return new DatabaseUrl(Kind.POSTGRESQL, libpqHost(shown, parts, hostParameter), user, password, secrets);
        }
        // user= moves from the query to the user component too, where every part of Retort looks for it.
        String jdbc = "jdbc:postgresql:" + (localDatabase != null ? "" : "//" + parts.hosts() + "/") + parts.database()
                + parts.query(Set.of("user"));
        return new DatabaseUrl(Kind.POSTGRESQL, jdbc, user, password, secrets);
    }

    /** The credential parameters, percent-decoded as the driver would read them. */
    static Map<String, String> secrets(UrlParts parts, String shown) {
        var secrets = new TreeMap<String, String>();
        for (String key : UrlParts.SECRET_KEYS) {
            String value = parts.param(key);
            if (value != null) {
                secrets.put(key, value.isEmpty() ? "" : decode(shown, value, key));
            }
        }
        return secrets;
    }

    /**
     * libpq's {@code ?host=} (and {@code ?port=}) in place of a host: a directory is where the
     * server's Unix socket is ({@code /var/run/postgresql}, Cloud SQL's {@code /cloudsql/…}), which
     * pgjdbc reaches through junixsocket's socket factory; anything else is the host's name.
     */
    private static String libpqHost(String shown, UrlParts parts, String host) {
        String port = parts.param("port") == null ? "5432" : parts.param("port");
        checkHost(shown, "localhost:" + port, false);
        Set<String> moved = Set.of("user", "host", "port");
        if (!host.startsWith("/")) {
            checkHost(shown, host, false);
            return "jdbc:postgresql://" + host + ":" + port + "/" + parts.database() + parts.query(moved);
        }
        String query = parts.query(moved);
        return "jdbc:postgresql://localhost:" + port + "/" + parts.database() + (query.isEmpty() ? "?" : query + "&")
                + "socketFactory=" + UNIX_SOCKET_FACTORY + "&socketFactoryArg=" + host.replaceAll("/+$", "") + "/.s.PGSQL."
                + port + "&sslmode=disable";
    }

    static void checkHost(String shown, String host, boolean none) {
        if (none) {
            return;
        }
        Matcher m = HOST_PORT.matcher(host);
        if (host.isEmpty() || !m.matches() || m.group(1).isEmpty()) {
            throw bad(shown, "a host is empty or malformed; write host:port, several separated by commas");
        }
        String port = m.group(2);
        // The port's text is not shown: in a URL written with an unencoded ':' or '/' it may be part of a password.
        if (port != null && (!PORT.matcher(port).matches() || Integer.parseInt(port) == 0
                || Integer.parseInt(port) > 65535)) {
            throw bad(shown, "the text after a host's ':' is not a port number (1-65535); write ':' and '/' in a user"
                    + " name or password as %3A and %2F");
        }
    }

    /**
     * SQLAlchemy's forms: {@code sqlite:///relative.db}, {@code sqlite:////absolute/path.db},
     * {@code sqlite://} and {@code sqlite:///:memory:} for an in-memory database.
     */
    private static DatabaseUrl sqlite(String scheme, String rest) {
        if (rest.isEmpty() || rest.equals("/:memory:")) {
            return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite::memory:", null, null);
        }
        if (!rest.startsWith("/") || rest.length() == 1) {
            throw bad(scheme + "//…", "write sqlite:///relative/path.db or sqlite:////absolute/path.db");
        }
        return sqliteFile(scheme, rest.substring(1));
    }

    /** {@code file[?params]}: credentials among the parameters (an encrypted database's) leave the URL. */
    private static DatabaseUrl sqliteFile(String scheme, String rest) {
        if (rest.indexOf('?') < 0) {
            return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + rest, null, null);
        }
        UrlParts parts = UrlParts.local(rest);
        Map<String, String> secrets = secrets(parts, scheme + "…");
        String password = secrets.remove("password");
        return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + parts.database() + parts.query(Set.of()), null, password,
                secrets);
    }

    /** Percent-decodes a user name or password as SQLAlchemy does ({@code +} stays {@code +}). */
    static String decode(String shown, String text, String what) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        checkEscapes(shown, text, what);
        byte[] bytes = new byte[text.length() * 4];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) Integer.parseInt(text.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(encoded, 0, bytes, n, encoded.length);
                n += encoded.length;
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    static void checkEscapes(String shown, String text, String what) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (!isHex(text, i + 1) || !isHex(text, i + 2)) {
                throw bad(shown, "the " + what + " has a '%' not followed by two hex digits; write '%' itself as %25");
            }
            i += 2;
        }
    }

    private static boolean isHex(String text, int i) {
        return i < text.length() && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 0x80;
    }

    static RetortException bad(String shown, String why) {
        return new RetortException(ErrorCode.BAD_URL, "cannot use database URL " + shown + ": " + why);
    }

    /**
     * Text that may be a URL, as it may be shown: a URL's password and credential parameters
     * replaced by {@code ***}, by the same split {@link #parse} makes; other text as it is.
     * For the command line, which repeats what it was given in its error messages.
     */
    public static String shown(String given) {
        // Connector/J's address=(…)(password=…) form holds a password no parser below looks for.
        String text = given.replaceAll("(?i)\\(password=[^)]*\\)", "(password=***)");
        Matcher jdbc = JDBC.matcher(text);
        Matcher authority = jdbc.matches() ? HA_MODE.matcher(jdbc.group(2)) : null;
        if (authority != null && authority.matches()) {
            String mode = authority.group(1) == null ? "" : authority.group(1);
            return "jdbc:" + jdbc.group(1) + ":" + mode + UrlParts.split(authority.group(2)).shownMasked("//");
        }
        if (jdbc.matches()) {
            String rest = jdbc.group(2);
            int q = rest.indexOf('?');
            return q < 0 ? text : "jdbc:" + jdbc.group(1) + ":" + rest.substring(0, q)
                    + UrlParts.maskedQuery(UrlParts.params(rest.substring(q + 1)));
        }
        Matcher m = SCHEME.matcher(text);
        if (m.matches()) {
            return text.substring(0, m.start(3)) + UrlParts.split(m.group(3)).shownMasked("");
        }
        return text;
    }

    /** Opens a connection to this database as its user, with its password. */
    public Connection connect() throws SQLException {
        return connect(jdbcUrl);
    }

    /**
     * Opens a connection; with {@code create} false an SQLite file that does not exist is an
     * error (SQLite's own {@code SQLITE_OPEN_CREATE} left out), never a new empty database.
     */
    public Connection connect(boolean create) throws SQLException {
        if (create || kind != Kind.SQLITE) {
            return connect(jdbcUrl);
        }
        Properties properties = properties();
        properties.setProperty("open_mode", String.valueOf(SQLITE_OPEN_READWRITE));
        return Drivers.connect(jdbcUrl, properties);
    }

    /** Opens a connection to {@code otherJdbcUrl} (another database or schema on the same server) as this user. */
    public Connection connect(String otherJdbcUrl) throws SQLException {
        return Drivers.connect(otherJdbcUrl, properties());
    }

    private Properties properties() {
        var properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        secrets.forEach(properties::setProperty);
        return properties;
    }

    /** The same credentials for another URL on the same server (another database or schema). */
    public DatabaseUrl withJdbcUrl(String otherJdbcUrl) {
        return new DatabaseUrl(kind, otherJdbcUrl, user, password, secrets);
    }

    /** The same MySQL server, user and options, another database (MySQL's schemas are its databases). */
    public DatabaseUrl withDatabase(String database) {
        if (kind != Kind.MYSQL) {
            throw new IllegalStateException("only a MySQL URL names a database to replace: " + this);
        }
        return withJdbcUrl(MysqlUrl.withDatabase(jdbcUrl, database));
    }

    /** The database as it may be shown: the JDBC URL (which holds no credentials) with the user. */
    @Override
    public String toString() {
        return user == null ? jdbcUrl : jdbcUrl + " (user " + user + ")";
    }
}
