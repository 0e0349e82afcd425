package dev.retort.samples.chat;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ReferentialAction.RESTRICT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.dsl.ConstraintBuilder;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's "Converting Existing Database": the tables {@code create_all} made (SERIAL keys,
 * constraints PostgreSQL named, SQLite's DATETIME) are stamped with the initial revision and
 * {@code check} finds no difference; a later revision, as a ported history writes it, drops and
 * renames those constraints by the names the database gave them, and {@code check} stays clean
 * after it and after its downgrade.
 */
class AdoptionTest {

    private static final String INITIAL = "3f1d2c8a9b40";
    private static final Consumer<ConstraintBuilder> CASCADING_KEY =
            c -> c.foreignKey("chat_id").references("chats", "id").onDelete(CASCADE);

    /** The next revision of the history, after the sample's head. */
    private static final MigrationIndex LATER = new InlineIndex().add(RevisionInfo.of("b7d9f1a3c5e7", "e5a7c9b1d2f4")
            .withMessage("Keep a chat while it has messages"), op -> {
                // PostgreSQL named the key messages_chat_id_fkey; SQLite keeps no name, so there it goes by what it is.
                op.only("postgresql", pg -> pg.dropConstraint("messages", "messages_chat_id_fkey", CASCADING_KEY));
                op.only("sqlite", sqlite -> sqlite.dropConstraint("messages", CASCADING_KEY));
                op.addConstraint("messages", c -> c.foreignKey("chat_id").references("chats", "id").onDelete(RESTRICT));
                op.only("postgresql", pg -> pg.execute("ALTER INDEX chats_pkey RENAME TO chats_id_pkey",
                        "ALTER INDEX chats_id_pkey RENAME TO chats_pkey"));
                op.alterColumn("chats", "title", a -> a.type(TEXT).existingType(varchar(200)));
            });

    @ParameterizedTest
    // Not MariaDB: the database adopted is the one SQLAlchemy's create_all made on PostgreSQL or SQLite.
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void aCreateAllDatabaseIsStampedCheckedAndMigratedByTheNamesItHas(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            try (Connection c = db.connect()) {
                LegacySchema.createAll(c);
            }
            db.execute("INSERT INTO chats (title) VALUES ('welcome')");
            db.execute("INSERT INTO messages (chat_id, role, text) VALUES (1, 'user', 'hello')");
            Retort retort = Retort.configure().url(db.url()).namingConvention(ChatApp.NAMING)
                    .indexes(List.of(sampleIndex(), LATER)).build();

            retort.stamp(List.of(INITIAL), false);
            assertEquals(List.of(), retort.check(), "no drift right after the stamp");

            retort.upgrade("heads");
            assertEquals(List.of(), retort.check(), "no drift at head");
            assertThrows(SQLException.class, () -> db.executeWithForeignKeys("DELETE FROM chats WHERE id = 1"),
                    "the new key restricts");
            if (kind == Kind.POSTGRESQL) {
                assertEquals(List.of("chats_id_pkey"), constraints(db, "chats"));
                assertEquals(List.of("messages_chat_id_fkey", "messages_pkey"), constraints(db, "messages"));
            }
            assertEquals(List.of("welcome|hello"), db.strings("SELECT c.title || '|' || m.text FROM chats c"
                    + " JOIN messages m ON m.chat_id = c.id"), "the rows stayed");

            retort.downgrade(INITIAL);
            assertEquals(List.of(), retort.check(), "no drift back at the stamped revision");
            if (kind == Kind.POSTGRESQL) {
                assertEquals(List.of("chats_pkey"), constraints(db, "chats"));
            }
            db.executeWithForeignKeys("DELETE FROM chats WHERE id = 1");
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM messages"), "the key cascades again");
        }
    }

    private static MigrationIndex sampleIndex() {
        return ServiceLoader.load(MigrationIndex.class, AdoptionTest.class.getClassLoader()).findFirst().orElseThrow();
    }

    private static List<String> constraints(TestDatabase db, String table) throws SQLException {
        return db.strings("SELECT conname FROM pg_constraint WHERE conrelid = '" + table + "'::regclass ORDER BY 1");
    }
}
