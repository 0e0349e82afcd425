package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MySQL and MariaDB are backed up by mariadb-dump, with the password in its environment and never
 * its arguments. Each test has a scratch database on the MariaDB server at 127.0.0.1:3306.
 */
class MysqlBackupTest {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    @TempDir
    Path dir;
    private String database;

    @BeforeEach
    void createScratchDatabase() throws SQLException {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        database = "rt_" + HexFormat.of().formatHex(random);
        execute("CREATE DATABASE " + database);
        execute("CREATE TABLE " + database + ".users (id BIGINT PRIMARY KEY, name VARCHAR(40), photo BLOB)");
        execute("INSERT INTO " + database + ".users VALUES (1, 'ada', x'00ff')");
        execute("CREATE PROCEDURE " + database + ".user_count() SELECT COUNT(*) FROM users");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database
                + "?user=root"); Statement s = connection.createStatement()) {
            s.execute("CREATE TRIGGER named BEFORE INSERT ON users FOR EACH ROW SET NEW.name = TRIM(NEW.name)");
        }
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database);
        execute("DROP USER IF EXISTS " + database + "@'%'");
    }

    @Test
    void mariadbDumpCopiesTablesRowsRoutinesAndTriggers() throws Exception {
        Path dump = dir.resolve("dump.sql");
        Backup.dump(DatabaseUrl.parse("mysql+pymysql://root@127.0.0.1:3306/" + database + "?charset=utf8mb4"), dump,
                null, null);
        String text = Files.readString(dump);
        assertTrue(text.contains("CREATE TABLE `users`"), text);
        assertTrue(text.contains("(1,'ada',0x00FF)"), "binary columns in hex: " + text);
        assertTrue(text.contains("PROCEDURE `user_count`"), "routines come along");
        assertTrue(text.contains("TRIGGER named BEFORE INSERT ON users"), "triggers come along");
        assertFalse(text.contains("CREATE DATABASE"), "restorable into any database");
    }

    /** A user with a password: the real mariadb-dump gets it from MYSQL_PWD, whichever URL form carried it. */
    @Test
    void thePasswordReachesMariadbDumpFromEveryUrlForm() throws Exception {
        // A routine is dumped only by its definer or a user who may see every routine's body.
        execute("DROP PROCEDURE " + database + ".user_count");
        execute("CREATE USER " + database + "@'%' IDENTIFIED BY 'Dump/Pw'");
        execute("GRANT ALL ON " + database + ".* TO " + database + "@'%'");
        int n = 0;
        for (String url : List.of("mysql://" + database + ":Dump%2FPw@127.0.0.1:3306/" + database,
                "jdbc:mysql://127.0.0.1/" + database + "?user=" + database + "&password=Dump%2FPw",
                "jdbc:mariadb://" + database + ":Dump%2FPw@127.0.0.1/" + database)) {
            Path dump = dir.resolve("dump" + n++ + ".sql");
            Backup.dump(DatabaseUrl.parse(url), dump, null, null);
            assertTrue(Files.readString(dump).contains("CREATE TABLE `users`"), url);
        }
        var wrong = assertThrows(DatabaseUrl.parse("mysql://" + database + ":Wrong%2FPw@127.0.0.1/" + database),
                dir.resolve("wrong.sql"));
        assertTrue(wrong.getMessage().startsWith("mariadb-dump failed: ") && wrong.getMessage().contains("Access denied")
                && wrong.getMessage().endsWith("; nothing was written"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("Wrong/Pw") || wrong.getMessage().contains("Wrong%2FPw"));
        assertFalse(wrong.getMessage().contains("\n"), "one line");
        assertTrue(Files.notExists(dir.resolve("wrong.sql")), "a failed dump leaves no file");
    }

    /** A stand-in mariadb-dump records what it was given: host, port, socket and TLS come from the parsed URL. */
    @Test
    void theDumpToolIsGivenTheUrlsPartsAndNeverThePassword() throws Exception {
        Path fake = dir.resolve("mariadb-dump");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"MYSQL_PWD=$MYSQL_PWD\" \"$@\" > \"$0.log\"\n"
                + "for a in \"$@\"; do case \"$a\" in --result-file=*) echo '-- a dump' > \"${a#--result-file=}\";; esac; done\n");
        assertTrue(fake.toFile().setExecutable(true));
        Map<String, List<String>> expected = Map.of(
                "mysql+pymysql://app:Dump%2FPw@db.example/shop?ssl_ca=/etc/ca.pem",
                List.of("--protocol=tcp", "--host=db.example", "--port=3306", "--user=app", "--ssl-ca=/etc/ca.pem",
                        "--ssl-verify-server-cert"),
                "jdbc:mysql://[::1]:3307/shop?user=app&password=Dump%2FPw&sslMode=disable",
                List.of("--protocol=tcp", "--host=::1", "--port=3307", "--user=app", "--skip-ssl"),
                "mysql+pymysql://app:Dump%2FPw@/shop?unix_socket=/run/mysqld/mysqld.sock",
                List.of("--protocol=socket", "--socket=/run/mysqld/mysqld.sock", "--user=app"),
                "jdbc:mariadb:replication://app:Dump%2FPw@primary:3308,replica/shop",
                List.of("--protocol=tcp", "--host=primary", "--port=3308", "--user=app"));
        int n = 0;
        for (var form : expected.entrySet()) {
            Path dump = dir.resolve("fake" + n++ + ".sql");
            Backup.dump(DatabaseUrl.parse(form.getKey()), dump, null, fake);
            List<String> given = Files.readAllLines(dir.resolve("mariadb-dump.log"));
            assertEquals("MYSQL_PWD=Dump/Pw", given.get(0), form.getKey());
            assertEquals(form.getValue(), given.subList(1, 1 + form.getValue().size()), form.getKey());
            assertEquals(List.of("--single-transaction", "--routines", "--triggers", "--no-tablespaces", "--hex-blob",
                    "--result-file=" + dump, "shop"), given.subList(given.size() - 7, given.size()), form.getKey());
            assertFalse(String.join(" ", given.subList(1, given.size())).contains("Dump"), "not in its arguments");
        }
    }

    @Test
    void whatCannotBeDoneIsSaidInOneLineBeforeAnythingIsWritten() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("mysql://root@127.0.0.1/" + database);
        Path existing = Files.writeString(dir.resolve("taken.sql"), "mine");
        assertEquals(existing + " exists; Retort does not overwrite files",
                assertThrows(url, existing).getMessage());
        assertEquals("mine", Files.readString(existing));
        Path notATool = Files.writeString(dir.resolve("not-a-tool"), "");
        assertEquals(notATool + " is not an executable mariadb-dump; nothing was written",
                assertThrows(url, dir.resolve("x.sql"), notATool).getMessage());
        var missing = assertThrows(DatabaseUrl.parse("mysql://root@127.0.0.1/rt_no_such_database"),
                dir.resolve("missing.sql"));
        assertTrue(missing.getMessage().contains("Unknown database 'rt_no_such_database'"), missing.getMessage());
        assertTrue(Files.notExists(dir.resolve("missing.sql")));
    }

    private static RetortException assertThrows(DatabaseUrl url, Path destination) {
        return assertThrows(url, destination, null);
    }

    private static RetortException assertThrows(DatabaseUrl url, Path destination, Path tool) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(RetortException.class,
                () -> Backup.dump(url, destination, null, tool));
        assertEquals(ErrorCode.BACKUP_FAILED, e.code());
        return e;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** A tool that exits 0 and writes nothing is no backup, whatever it says. */
    @Test
    void aToolThatWritesNothingIsAFailure() throws Exception {
        Path dump = dir.resolve("nothing.sql");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class,
                () -> Backup.dump(DatabaseUrl.parse("mysql://root@127.0.0.1/test"), dump, null, Path.of("/bin/true")));
        assertEquals(dev.retort.ErrorCode.BACKUP_FAILED, e.code());
        assertEquals("true ended without error but wrote nothing to " + dump + "; check that it is the dump tool"
                + " (--dump-tool)", e.getMessage());
        assertTrue(!java.nio.file.Files.exists(dump));
    }
}
