package dev.retort.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.Child;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.schema.SqlType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime brings no JDBC driver, and jOOQ only for PostgreSQL: an application that lacks
 * the one its database needs is told, in one line, which artifact to add. The applications are
 * child JVMs on the tests' class path without the driver's jar, or without jOOQ's.
 */
class DriversTest {

    @TempDir
    Path dir;

    @Test
    void aUrlNoDriverTakesNamesTheScheme() {
        var e = assertThrows(RetortException.class, () -> Drivers.connect("jdbc:mysql://127.0.0.1/db", new Properties()));
        assertEquals(ErrorCode.BAD_CONFIGURATION, e.code());
        assertEquals("no JDBC driver on the class path accepts jdbc:mysql: URLs; add the database's driver to the"
                + " application's dependencies", e.getMessage());
    }

    @Test
    void anApplicationWithoutItsDriverIsToldWhichToAdd() throws Exception {
        String out = run(entry -> !entry.contains("sqlite-jdbc") && !entry.contains("postgresql-")
                && !entry.contains("mariadb-java-client"), "sqlite:///" + dir.resolve("app.db"),
                "postgresql://postgres@127.0.0.1:5432/test", "mysql+pymysql://root@127.0.0.1:3306/test");
        assertTrue(out.contains("sqlite:///" + dir.resolve("app.db") + ": BAD_CONFIGURATION: SQLite's driver is not on"
                + " the class path; add org.xerial:sqlite-jdbc to the application's dependencies"), out);
        assertTrue(out.contains("postgresql://postgres@127.0.0.1:5432/test: BAD_CONFIGURATION: PostgreSQL's driver is not"
                + " on the class path; add org.postgresql:postgresql to the application's dependencies"), out);
        assertTrue(out.contains("mysql+pymysql://root@127.0.0.1:3306/test: BAD_CONFIGURATION: MariaDB"
                + " Connector/J, the driver for MySQL and MariaDB, is not on the class path; add"
                + " org.mariadb.jdbc:mariadb-java-client to the application's dependencies (the retort command line"
                + " carries it)"), out);
        assertTrue(Files.notExists(dir.resolve("app.db")), "nothing was created");
    }

    /** Without JNA, Connector/J's Unix socket fails with "The address can't be null"; Retort names what is missing. */
    @Test
    void aUnixSocketWithoutJnaNamesIt() {
        assertNull(getClass().getClassLoader().getResource("com/sun/jna/Native.class"), "the tests run without JNA");
        var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(
                "mysql+pymysql://root@/mysql?unix_socket=/run/mysqld/mysqld.sock").connect());
        assertEquals(ErrorCode.BAD_CONFIGURATION, e.code());
        assertEquals("MariaDB Connector/J reaches a Unix socket (localSocket, unix_socket) through JNA, which is not on"
                + " the class path; add net.java.dev.jna:jna to the application's dependencies, or connect over TCP"
                + " (host:3306)", e.getMessage());
    }

    /** SQLite never loads jOOQ; PostgreSQL's renderer needs it, and says so when it was excluded. */
    @Test
    void jooqIsNeededForPostgresqlOnly() throws Exception {
        String out = run(entry -> !entry.contains("jooq"), "sqlite:///" + dir.resolve("app.db"), "offline:postgresql");
        assertTrue(out.contains("sqlite:///" + dir.resolve("app.db") + ": ok, at [a1]"), out);
        assertTrue(out.contains("offline:postgresql: BAD_CONFIGURATION: PostgreSQL's dialect renders its SQL with jOOQ,"
                + " which is not on the class path; keep org.jooq:jooq"), out);
    }

    private String run(Predicate<String> keep, String... urls) throws Exception {
        Path output = dir.resolve("out.txt");
        var child = Child.start(App.class, output, keep, urls);
        assertEquals(0, child.waitFor(60), child.output());
        return child.output();
    }

    /** An application with no migrations: each URL is upgraded (or, offline:, rendered), and the outcome printed. */
    public static final class App {
        private static final InlineIndex ONE = new InlineIndex().add("a1", null,
                op -> op.createTable("note", t -> t.column("id", SqlType.BIGINT, c -> c.primaryKey())));

        public static void main(String[] args) {
            for (String url : args) {
                try {
                    if (url.startsWith("offline:")) {
                        Retort.configure().url("jdbc:sqlite::memory:").indexes(List.of(ONE)).build()
                                .upgradeSql(List.of(), "heads", url.substring("offline:".length()));
                        System.out.println(url + ": ok");
                    } else {
                        var result = Retort.configure().url(url).indexes(List.of(ONE)).build().upgrade("heads");
                        System.out.println(url + ": ok, at " + result.headsAfter());
                    }
                } catch (RetortException e) {
                    System.out.println(url + ": " + e.code() + ": " + e.getMessage());
                }
            }
        }
    }
}
