package dev.retort.samples.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The app's start: the first run applies the seed's chain, the second finds nothing to do. */
class MessagingAppTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void startUpgradesToHeadOnceAndSaysWhereItStands(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = MessagingApp.run(db.url(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, printed + err);
            assertTrue(printed.contains("applied 753d9557b07b  Initial migration - creates users and messages tables"), printed);
            assertTrue(printed.endsWith("Applied 3 migrations; database is at c4e8a1f35b70 (head).\n"), printed);
            assertEquals(List.of("c4e8a1f35b70"), db.versionRows());

            db.execute("INSERT INTO users (username, email, hashed_password) VALUES ('ada', 'ada@example.com', 'x')");
            db.execute("INSERT INTO messages (sender_id, recipient_id, content) VALUES (1, 1, 'hello')");
            assertEquals(List.of("ada"), db.strings("SELECT username FROM users"));

            out.reset();
            code = MessagingApp.run(db.url(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, code);
            assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("Database is at c4e8a1f35b70 (head); nothing to apply.\n"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void displayNameMigrationFillsExistingUsers(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            var retort = dev.retort.runtime.Retort.configure().url(db.url()).build();
            retort.upgrade("2b6f0c1d9e4a");
            db.execute("INSERT INTO users (username, email, hashed_password) VALUES ('grace', 'g@example.com', 'x')");
            retort.upgrade("head");
            assertEquals(List.of("grace"), db.strings("SELECT display_name FROM users"));
            retort.downgrade("-1");
            assertEquals(List.of("2b6f0c1d9e4a"), db.versionRows());
            assertEquals(List.of("grace"), db.strings("SELECT username FROM users"), "the data outside the column stays");
        }
    }

    @org.junit.jupiter.api.Test
    void badDatabaseUrlIsOneLineAndExitCodeTwo() {
        var err = new ByteArrayOutputStream();
        int code = MessagingApp.run("oracle://scott@localhost/app", System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("messaging: cannot use database URL oracle://"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).lines().count() == 1, err.toString(StandardCharsets.UTF_8));
    }
}
