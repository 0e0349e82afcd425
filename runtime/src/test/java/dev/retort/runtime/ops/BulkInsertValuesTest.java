package dev.retort.runtime.ops;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * bulkInsert binds its values online, so a value arrives as it is, whatever characters it holds;
 * where a value cannot arrive (a NUL in PostgreSQL text, or in any offline script's literal) the
 * step is refused before anything runs, naming the row and column.
 */
class BulkInsertValuesTest {

    private static final String AWKWARD = "it's \\ a 'quoted' \"value\"\u0007 with\nlines -- and ; and ?";

    private static InlineIndex rows(String value) {
        return new InlineIndex()
                .add("b1", null, op -> op.createTable("note", t -> t.column("id", BIGINT, c -> c.primaryKey())
                        .column("body", TEXT)))
                .add("b2", "b1", op -> op.bulkInsert("note", r -> r.columns("id", "body").row(1, "plain").row(2, value)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void valuesArriveAsTheyAre(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort.configure().url(db.url()).indexes(List.of(rows(AWKWARD))).build().upgrade("head");
            assertEquals(List.of("plain", AWKWARD), db.strings("SELECT body FROM note ORDER BY id"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNulCharacterIsStoredOnSqliteAndRefusedWhereItCannotBe(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(rows("a\u0000b"))).build();
            if (kind == Kind.MARIADB) {
                // MySQL's text holds it, and its literals write it \0.
                assertTrue(retort.upgradeSql(List.of(), "head", kind.dialect()).contains("'a\\0b'"));
                retort.upgrade("head");
                assertEquals(List.of("3"), db.strings("SELECT length(body) FROM note WHERE id = 2"));
                return;
            }
            var offline = assertThrows(RetortException.class, () -> retort.upgradeSql(List.of(), "head",
                    kind.dialect()));
            assertEquals(ErrorCode.INVALID_OP, offline.code());
            assertTrue(offline.getMessage().contains("bulkInsert into note: row 2, column body holds a NUL character,"
                    + (kind == Kind.SQLITE ? " and no SQL literal can carry it; run this revision online, where values"
                    + " are bound" : " and PostgreSQL text cannot store it")), offline.getMessage());
            if (kind == Kind.SQLITE) {
                retort.upgrade("head");
                assertEquals(List.of("3"), db.strings("SELECT length(CAST(body AS BLOB)) FROM note WHERE id = 2"));
            } else {
                retort.upgrade("b1");
                var online = assertThrows(RetortException.class, () -> retort.upgrade("head"));
                assertEquals(ErrorCode.INVALID_OP, online.code());
                assertTrue(online.getMessage().contains("revision b2: bulkInsert into note: row 2, column body holds a NUL"
                        + " character, and PostgreSQL text cannot store it"), online.getMessage());
                assertFalse(online.getMessage().contains("\u0000"), "the message names the character, not carries it");
                assertEquals(List.of("b1"), db.versionRows());
                assertEquals(List.of("0"), db.strings("SELECT count(*) FROM note"));
            }
        }
    }
}
