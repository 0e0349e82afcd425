package dev.retort.runtime.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.introspect.CatalogDiff;
import org.junit.jupiter.api.Test;

/** What {@code check} on SQLite takes for the same, and what it must still report. */
class SqliteEquivalenceTest {

    private final CatalogDiff.Equivalence same = new SqliteDialect().equivalence();

    @Test
    void aDeclaredNameMatchesTheStorageClassAnEarlierBuildWroteForIt() {
        assertTrue(same.sameType("DATETIME", "TEXT"));
        assertTrue(same.sameType("BIGINT", "INTEGER"));
        assertTrue(same.sameType("BOOLEAN", "INTEGER"));
        assertTrue(same.sameType("DOUBLE", "REAL"));
        assertTrue(same.sameType("varchar(20)", "VARCHAR(20)"));
    }

    @Test
    void otherDeclaredNamesAreDrift() {
        assertFalse(same.sameType("TEXT", "DATETIME"), "the migrations say TEXT; the column is DATETIME (numeric affinity)");
        assertFalse(same.sameType("DATE", "JSON"));
        assertFalse(same.sameType("INTEGER", "BOOLEAN"));
        assertFalse(same.sameType("DATE", "DATETIME"));
    }

    @Test
    void defaultsAndChecksAsSqlAlchemyWritesThem() {
        assertTrue(same.sameDefault("CURRENT_TIMESTAMP", "(CURRENT_TIMESTAMP)"));
        assertFalse(same.sameDefault("'a'", "'b'"));
        assertEquals(same.check("mood IN ('happy', 'sad')"), same.check("\"mood\" IN ('happy', 'sad')"));
        assertFalse(same.check("mood IN ('a')").equals(same.check("\"mood\" IN ('b')")));
    }
}
