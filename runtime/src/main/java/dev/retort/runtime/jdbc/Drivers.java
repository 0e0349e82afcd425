package dev.retort.runtime.jdbc;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens JDBC URLs through {@link DriverManager}. The runtime brings no driver (an application
 * has its own, at the version it chose), so a URL no driver on the class path accepts is the
 * application's build to fix, and the message names the artifact to add.
 */
public final class Drivers {

    private Drivers() {
    }

    /** Opens {@code jdbcUrl}; with no driver for it, fails in one line naming the dependency to add. */
    public static Connection connect(String jdbcUrl, Properties properties) throws SQLException {
        checkUnixSocket(jdbcUrl);
        try {
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            // Asked only on failure: a connection that opens pays for one look through the drivers, not two.
            try {
                DriverManager.getDriver(jdbcUrl);
            } catch (SQLException none) {
                throw missing(jdbcUrl);
            }
            throw e;
        }
    }

    /** An SQLite database in memory: the shadow that offline SQL and autogenerate replay migrations into. */
    public static Connection sqliteInMemory() throws SQLException {
        return connect("jdbc:sqlite::memory:", new Properties());
    }

    /**
     * Connector/J reaches a Unix socket ({@code localSocket=}) through JNA, which it does not
     * depend on; without JNA it fails with "The address can't be null", naming neither.
     */
    private static void checkUnixSocket(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:mariadb:") || !lower.matches("(?s)[^?]*\\?(.*&)?localsocket=.*")) {
            return;
        }
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                Drivers.class.getClassLoader()}) {
            if (loader != null && loader.getResource("com/sun/jna/Native.class") != null) {
                return;
            }
        }
        throw new RetortException(ErrorCode.BAD_CONFIGURATION, "MariaDB Connector/J reaches a Unix socket"
                + " (localSocket, unix_socket) through JNA, which is not on the class path; add net.java.dev.jna:jna to"
                + " the application's dependencies, or connect over TCP (host:3306)");
    }

    private static RetortException missing(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        String what;
        if (lower.startsWith("jdbc:postgresql:")) {
            what = "PostgreSQL's driver is not on the class path; add org.postgresql:postgresql to the application's"
                    + " dependencies (the retort command line carries it)";
        } else if (lower.startsWith("jdbc:mariadb:")) {
            what = "MariaDB Connector/J, the driver for MySQL and MariaDB, is not on the class path; add"
                    + " org.mariadb.jdbc:mariadb-java-client to the application's dependencies (the retort command line"
                    + " carries it)";
        } else if (lower.startsWith("jdbc:sqlite:")) {
            what = "SQLite's driver is not on the class path; add org.xerial:sqlite-jdbc to the application's"
                    + " dependencies (the retort command line carries it)";
        } else {
            int end = jdbcUrl.indexOf(':', "jdbc:".length());
            what = "no JDBC driver on the class path accepts " + (end > 0 ? jdbcUrl.substring(0, end + 1) : "this")
                    + " URLs; add the database's driver to the application's dependencies";
        }
        return new RetortException(ErrorCode.BAD_CONFIGURATION, what);
    }
}
