package dev.retort.runtime.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL's own names for constraints a statement leaves unnamed, as Retort predicts them for
 * offline SQL, against the names a real server gives: short and long names (cut to 63 bytes, the
 * longer part first), several columns, multibyte characters, checks on one column or several.
 */
class PostgresNamesTest {

    @ParameterizedTest(name = "{0} ({1}, {2})")
    @CsvSource(delimiter = '|', value = {
        "users|email|team_id",
        "a_table_whose_name_is_rather_long_for_a_table_but_still_legal|a_column_with_a_long_name_too|b",
        "t|a_column_whose_name_is_so_long_that_it_fills_nearly_all_of_them|other_column_also_long_enough_x",
        "bücher_mit_umlauten_die_den_namen_über_die_grenze_bringen_äöü|spalte_mit_ümlaut_und_mehr_zeichen|x",
    })
    void theRuleGivesTheNamesPostgresGives(String table, String first, String second) throws Exception {
        try (var db = TestDatabase.postgres()) {
            db.execute("CREATE TABLE ref (id integer PRIMARY KEY)");
            db.execute("CREATE TABLE \"" + table + "\" (\"" + first + "\" integer, \"" + second + "\" integer,"
                    + " PRIMARY KEY (\"" + first + "\"), UNIQUE (\"" + first + "\", \"" + second + "\"),"
                    + " FOREIGN KEY (\"" + second + "\") REFERENCES ref (id), CHECK (\"" + first + "\" > 0),"
                    + " CHECK (\"" + first + "\" < \"" + second + "\"))");
            var expected = new ArrayList<>(List.of(PostgresNames.primaryKey(table),
                    PostgresNames.unique(table, List.of(first, second)), PostgresNames.foreignKey(table, List.of(second)),
                    PostgresNames.check(table, "\"" + first + "\" > 0"),
                    PostgresNames.check(table, "\"" + first + "\" < \"" + second + "\"")));
            expected.sort(null);
            assertEquals(expected, db.strings("SELECT conname FROM pg_constraint WHERE conrelid = '\""
                    + table.replace("'", "''") + "\"'::regclass ORDER BY conname COLLATE \"C\""));
        }
    }

    /** Columns named like types, words that are no columns (EXTRACT's field, CAST's type), quoted function names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "date > '2000-01-01'",
        "EXTRACT(year FROM d) > 2000",
        "CAST(n AS int) > 0",
        "n::integer > 0",
        "text <> ''",
        "\"position\"(w, 'x') > 0",
        "d > date '2000-01-01'",
        "substring(w FROM 2) <> ''",
        "n > 0 AND d IS NOT NULL",
        "lower(w) = w",
    })
    void aCheckGetsTheNamePostgresGives(String expression) throws Exception {
        try (var db = TestDatabase.postgres()) {
            db.execute("CREATE TABLE k (date date, d date, n numeric, text text, w text, CHECK (" + expression + "))");
            assertEquals(db.strings("SELECT conname FROM pg_constraint WHERE conrelid = 'k'::regclass AND contype = 'c'"),
                    List.of(PostgresNames.check("k", expression)), expression);
        }
    }

    @Test
    void aCheckIsNamedByTheOneColumnItReads() {
        assertEquals("t_amount_check", PostgresNames.check("t", "amount >= 0"));
        assertEquals("t_amount_check", PostgresNames.check("t", "lower(amount::text) <> 'x'"));
        assertEquals("t_check", PostgresNames.check("t", "a < b"));
        assertEquals("t_check", PostgresNames.check("t", "now() > '2020-01-01'"));
        assertNull(PostgresNames.singleColumn("1 = 1"));
    }
}
