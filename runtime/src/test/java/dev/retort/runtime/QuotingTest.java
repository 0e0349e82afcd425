package dev.retort.runtime;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Names with quotes, spaces, reserved words, mixed case and non-ASCII letters work on both databases. */
class QuotingTest {

    private static final String TABLE = "Order \"Items\" ü";
    private static final String COLUMN = "select";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hostileIdentifiersRoundTrip(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        var index = new InlineIndex()
                .add("q1", null, op -> op.createTable(TABLE, t -> t
                        .column("id", BIGINT, c -> c.primaryKey())
                        .column(COLUMN, TEXT, c -> c.unique())
                        .column("returning", varchar(100))))
                .add("q2", "q1", op -> {
                    // varchar: MySQL indexes TEXT only by a prefix, and two such prefixes exceed its key length.
                    op.addColumn(TABLE, "My Column", varchar(100));
                    op.renameColumn(TABLE, "returning", "group");
                    op.createIndex("ix with \"quotes\"", TABLE, "My Column", "group");
                })
                .add("q3", "q2", op -> op.renameTable(TABLE, "Renamed Täble"));
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade("head");
            assertTrue(db.tableExists("Renamed Täble"));
            db.execute("INSERT INTO \"Renamed Täble\" (id, \"select\", \"My Column\", \"group\") VALUES (1, 'a', 'b', 'c')");
            assertEquals(List.of("c"), db.strings("SELECT \"group\" FROM \"Renamed Täble\""));
            retort.downgrade("base");
            assertFalse(db.tableExists("Renamed Täble"));
            assertFalse(db.tableExists(TABLE));
        }
    }
}
