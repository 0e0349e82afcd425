package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code check} reports nothing on a cleanly migrated database and each change made by hand. */
class CheckTest {

    @TempDir
    static Path classes;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(classes,
                Fixtures.migration("Users", "c1000001").message("users").upgrade("op.createTable(\"users\", t -> t"
                        + ".column(\"id\", BIGINT, c -> c.primaryKey().identity())"
                        + ".column(\"email\", varchar(200), c -> c.notNull())"
                        + ".column(\"age\", INTEGER));"
                        + "op.createIndex(\"ix_users_email\", \"users\", \"email\");").toString(),
                Fixtures.migration("Posts", "c1000002").revises("c1000001").upgrade("op.createTable(\"posts\", t -> t"
                        + ".column(\"id\", BIGINT, c -> c.primaryKey())"
                        + ".column(\"user_id\", BIGINT, c -> c.references(\"users\", \"id\")));").toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void handMadeChangesAreReportedAndACleanDatabaseIsNot(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            assertEquals(0, cli(db, "upgrade").exitCode());
            Cli clean = cli(db, "check");
            assertEquals(0, clean.exitCode(), clean.toString());
            assertEquals("The database matches its migrations at c1000002 (head).\n", clean.out());

            db.execute("ALTER TABLE users ADD COLUMN nickname TEXT");
            db.execute(kind == Kind.MARIADB ? "DROP INDEX ix_users_email ON users" : "DROP INDEX ix_users_email");
            if (kind == Kind.POSTGRESQL) {
                db.execute("ALTER TABLE users ALTER COLUMN age TYPE bigint");
            } else if (kind == Kind.MARIADB) {
                db.execute("ALTER TABLE users MODIFY COLUMN age BIGINT");
            } else {
                // SQLite cannot change a type in place: by hand it is a rebuild too.
                db.execute("CREATE TABLE users2 (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"email\" VARCHAR(200) NOT NULL,"
                        + " \"age\" TEXT, nickname TEXT)");
                db.execute("INSERT INTO users2 SELECT * FROM users");
                db.execute("DROP TABLE users");
                db.execute("ALTER TABLE users2 RENAME TO users");
            }
            Cli drift = cli(db, "check");
            assertEquals(1, drift.exitCode(), drift.toString());
            String type = kind == Kind.POSTGRESQL ? "integer in the migrations, bigint in the database"
                    : kind == Kind.MARIADB ? "INT in the migrations, BIGINT in the database"
                    : "INTEGER in the migrations, TEXT in the database";
            assertEquals(List.of(
                    "  users.age: type is " + type,
                    "  users.nickname: column is in the database but not in the migrations",
                    "  users: index ix_users_email [email] is in the migrations but not in the database"),
                    drift.out().lines().toList(), drift.toString());
            assertEquals("retort: error: 3 difference(s) between the database and its migrations; change the database"
                    + " back, or write a revision that makes the change\n", drift.err());

            Cli json = cli(db, "check", "--json");
            assertEquals(1, json.exitCode());
            assertTrue(json.out().contains("\"clean\":false"), json.toString());
            assertTrue(json.out().contains("\"users.nickname: column is in the database but not in the migrations\""),
                    json.toString());
        }
    }

    private static Cli cli(TestDatabase db, String... args) {
        var all = new java.util.ArrayList<>(List.of("--classpath", chain.classes().toString(), "--url", db.url()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }
}
