package dev.retort.runtime.jdbc;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database location, parsed from a JDBC URL or from the {@code DATABASE_URL} forms the
 * seeds' users already have ({@code postgresql://user:pass@host:5432/db},
 * {@code postgresql+asyncpg://…}, {@code sqlite:///file.db}). The password is kept apart from
 * the URL, and {@link #toString()} never shows it.
 *
 * @param jdbcUrl the URL handed to the driver, without user or password
 * @param user {@code null} when not given
 * @param password {@code null} when not given; never printed
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String user, String password) {

    /** The databases Retort supports. */
    public enum Kind {
        POSTGRESQL, SQLITE
    }

    /** Where the command line and the main job put their database when none is given. */
    public static final String DEFAULT = "sqlite:///retort.db";

    private static final Pattern SQLALCHEMY = Pattern.compile("([a-z0-9]+)(\\+[a-z0-9_]+)?://(.*)", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]*)(/[^?]*)?(\\?.*)?",
            Pattern.DOTALL);
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)(password|pwd|sslpassword)=[^&;]*");

    /**
     * Parses a URL; the user and password given separately win over those inside the URL.
     *
     * @throws RetortException {@link ErrorCode#BAD_URL} naming what is wrong, without the password
     */
    public static DatabaseUrl parse(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw bad("(empty)", "give a JDBC URL, postgresql://user@host:5432/db or sqlite:///file.db");
        }
        String u = url.strip();
        DatabaseUrl parsed;
        if (u.regionMatches(true, 0, "jdbc:", 0, 5)) {
            parsed = jdbc(u);
        } else {
            parsed = sqlalchemy(u);
        }
        return new DatabaseUrl(parsed.kind, parsed.jdbcUrl, user != null ? user : parsed.user,
                password != null ? password : parsed.password);
    }

    public static DatabaseUrl parse(String url) {
        return parse(url, null, null);
    }

    private static DatabaseUrl jdbc(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Kind.POSTGRESQL, url, null, null);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new DatabaseUrl(Kind.SQLITE, url, null, null);
        }
        throw bad(redact(url), "Retort supports PostgreSQL (jdbc:postgresql:) and SQLite (jdbc:sqlite:)");
    }

    private static DatabaseUrl sqlalchemy(String url) {
        Matcher m = SQLALCHEMY.matcher(url);
        if (!m.matches()) {
            throw bad(redact(url), "use a JDBC URL, postgresql://user@host:5432/db or sqlite:///file.db");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(3);
        switch (scheme) {
            case "postgresql":
            case "postgres":
            case "pgsql":
                return postgres(url, rest);
            case "sqlite":
                return sqlite(url, rest);
            default:
                throw bad(redact(url), "Retort supports PostgreSQL and SQLite, not " + scheme);
        }
    }

    private static DatabaseUrl postgres(String original, String rest) {
        Matcher a = AUTHORITY.matcher(rest);
        if (!a.matches() || a.group(3).isEmpty() || a.group(3).startsWith(":")) {
            throw bad(redact(original), "a PostgreSQL URL needs a host: postgresql://user:password@host:5432/database");
        }
        String hostPort = a.group(3);
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.indexOf(']') < colon) {
            String port = hostPort.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
                throw bad(redact(original), "'" + port + "' is not a port number");
            }
        }
        String database = a.group(4) == null ? "/" : a.group(4);
        if (database.length() <= 1) {
            throw bad(redact(original), "a PostgreSQL URL needs a database name: postgresql://user@host:5432/database");
        }
        String query = a.group(5) == null ? "" : a.group(5);
        return new DatabaseUrl(Kind.POSTGRESQL, "jdbc:postgresql://" + hostPort + database + query,
                decode(a.group(1)), decode(a.group(2)));
    }

    /**
     * SQLAlchemy's forms: {@code sqlite:///relative.db}, {@code sqlite:////absolute/path.db},
     * {@code sqlite://} and {@code sqlite:///:memory:} for an in-memory database.
     */
    private static DatabaseUrl sqlite(String original, String rest) {
        if (rest.isEmpty() || rest.equals("/:memory:")) {
            return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite::memory:", null, null);
        }
        if (!rest.startsWith("/") || rest.length() == 1) {
            throw bad(redact(original), "write sqlite:///relative/path.db or sqlite:////absolute/path.db");
        }
        return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + rest.substring(1), null, null);
    }

    private static String decode(String s) {
        return s == null || s.isEmpty() ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static RetortException bad(String shown, String why) {
        return new RetortException(ErrorCode.BAD_URL, "cannot use database URL " + shown + ": " + why);
    }

    /** A URL as it may be shown: any password in it replaced by {@code ***}. */
    public static String redact(String url) {
        if (url == null) {
            return "(none)";
        }
        String shown = url.replaceAll("(://[^:@/]*:)[^@/]*@", "$1***@");
        return SECRET_PARAM.matcher(shown).replaceAll("$1=***");
    }

    /** Opens a connection to this database as its user, with its password. */
    public Connection connect() throws SQLException {
        return connect(jdbcUrl);
    }

    /** Opens a connection to {@code otherJdbcUrl} (another database or schema on the same server) as this user. */
    public Connection connect(String otherJdbcUrl) throws SQLException {
        var properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(otherJdbcUrl, properties);
    }

    /** The database as it may be shown: the JDBC URL with the user, never the password. */
    @Override
    public String toString() {
        String shown = redact(jdbcUrl);
        return user == null ? shown : shown + " (user " + user + ")";
    }
}
