package dev.retort.samples.chatroom;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.dsl.ConstraintBuilder;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.schema.NamingConvention;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's "Working with Existing Databases": a database its models made with
 * {@code create_all} comes under migration control by a stamp, {@code check} finds no
 * difference, and a later revision changes the unique key and the foreign key by the names
 * PostgreSQL gave them (on SQLite, which keeps none, by what they are, in batch blocks, as the
 * sample's {@code render_as_batch} set-up writes every SQLite change).
 */
class AdoptionTest {

    /** SQLAlchemy 2.0's DDL for the models, as {@code create_all} sends it; SQLite gets the same with its own names. */
    private static final List<String> CREATE_ALL = List.of("""
            CREATE TABLE users (
            \tid SERIAL NOT NULL,\s
            \tusername VARCHAR(50) NOT NULL,\s
            \tcreated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,\s
            \tPRIMARY KEY (id),\s
            \tUNIQUE (username)
            )""", """
            CREATE TABLE rooms (
            \tid SERIAL NOT NULL,\s
            \tname VARCHAR(100) NOT NULL,\s
            \tcreated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,\s
            \tPRIMARY KEY (id),\s
            \tUNIQUE (name)
            )""", """
            CREATE TABLE messages (
            \tid SERIAL NOT NULL,\s
            \troom_id INTEGER NOT NULL,\s
            \tuser_id INTEGER NOT NULL,\s
            \tcontent TEXT NOT NULL,\s
            \tcreated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,\s
            \tPRIMARY KEY (id),\s
            \tFOREIGN KEY(room_id) REFERENCES rooms (id) ON DELETE CASCADE,\s
            \tFOREIGN KEY(user_id) REFERENCES users (id)
            )""");

    private static final String INITIAL = "a1c3e5f70912";
    private static final Consumer<ConstraintBuilder> UNIQUE_NAME = c -> c.unique("username");
    private static final Consumer<ConstraintBuilder> USER_KEY = c -> c.foreignKey("user_id").references("users", "id");

    /** The next revision of the history, after the sample's head: usernames unique by an index, messages go with their user. */
    private static final MigrationIndex LATER = new InlineIndex().add(RevisionInfo.of("c9e1a3b5d7f9", "e5a7c9d14356")
            .withMessage("Messages go with their user"), op -> {
                op.only("postgresql", pg -> {
                    pg.dropConstraint("users", "users_username_key", UNIQUE_NAME);
                    pg.dropConstraint("messages", "messages_user_id_fkey", USER_KEY);
                });
                op.only("sqlite", sqlite -> {
                    sqlite.batchAlterTable("users", b -> b.dropConstraint(UNIQUE_NAME));
                    sqlite.batchAlterTable("messages", b -> b.dropConstraint(USER_KEY));
                });
                op.createUniqueIndex("ix_users_username", "users", "username");
                op.batchAlterTable("messages", b -> b.addConstraint(
                        c -> c.foreignKey("user_id").references("users", "id").onDelete(CASCADE)));
            });

    @ParameterizedTest
    // Not MariaDB: the database adopted is the one SQLAlchemy's create_all made on PostgreSQL or SQLite.
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void aCreateAllDatabaseIsStampedCheckedAndMigratedByTheNamesItHas(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            for (String table : CREATE_ALL) {
                db.execute(kind == Kind.SQLITE ? table.replace("SERIAL", "INTEGER")
                        .replace("TIMESTAMP WITHOUT TIME ZONE DEFAULT now()", "DATETIME DEFAULT (CURRENT_TIMESTAMP)") : table);
            }
            db.execute("INSERT INTO users (username) VALUES ('ada')");
            db.execute("INSERT INTO rooms (name) VALUES ('lobby')");
            db.execute("INSERT INTO messages (room_id, user_id, content) VALUES (1, 1, 'hello')");
            MigrationIndex sample = ServiceLoader.load(MigrationIndex.class, getClass().getClassLoader()).findFirst()
                    .orElseThrow();
            Retort retort = Retort.configure().url(db.url()).namingConvention(NamingConvention.database())
                    .sqliteAutoRebuild(false).indexes(List.of(sample, LATER)).build();

            retort.stamp(List.of(INITIAL), false);
            assertEquals(List.of(), retort.check(), "no drift right after the stamp");

            retort.upgrade("heads");
            assertEquals(List.of(), retort.check(), "no drift at head");
            assertThrows(SQLException.class, () -> db.execute("INSERT INTO users (username) VALUES ('ada')"),
                    "the index keeps usernames unique");
            if (kind == Kind.POSTGRESQL) {
                assertEquals(List.of("users_pkey"), db.strings("SELECT conname FROM pg_constraint"
                        + " WHERE conrelid = 'users'::regclass ORDER BY 1"));
            }
            db.executeWithForeignKeys("DELETE FROM users WHERE id = 1");
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM messages"), "the messages went with the user");

            retort.downgrade(INITIAL);
            assertEquals(List.of(), retort.check(), "no drift back at the stamped revision");
            if (kind == Kind.POSTGRESQL) {
                assertEquals(List.of("users_pkey", "users_username_key"), db.strings("SELECT conname FROM pg_constraint"
                        + " WHERE conrelid = 'users'::regclass ORDER BY 1"));
            }
        }
    }
}
