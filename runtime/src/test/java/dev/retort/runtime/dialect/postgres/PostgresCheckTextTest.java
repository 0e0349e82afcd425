package dev.retort.runtime.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PostgresCheckTextTest {

    private static final String READ_BACK =
            "status::text = ANY (ARRAY['A'::character varying::text, 'B'::character varying::text])";

    @Test
    void theArraysCastMovesOntoEachElementAsPostgresMovesItWhenItReadsThePrint() {
        assertEquals(READ_BACK, PostgresCheckText.canonical(
                "status::text = ANY (ARRAY['A'::character varying, 'B'::character varying]::text[])"));
        assertEquals(READ_BACK, PostgresCheckText.canonical(READ_BACK));
    }

    @Test
    void literalsArraysWithoutACastAndOtherExpressionsStayAsTheyAre() {
        for (String kept : new String[] {"status = ANY (ARRAY['a'::text, 'b'::text])", "priority >= 0 AND priority <= 2",
                "note <> 'ARRAY[1]::text[]'", "tags = ARRAY[1, 2]"}) {
            assertEquals(kept, PostgresCheckText.canonical(kept));
        }
    }

    @Test
    void elementsWithCommasInLiteralsOrCallsAndSizedTypesAreOneElementEach() {
        assertEquals("x = ANY (ARRAY['a,b'::character varying::character varying(8), lower('C, D')::character varying(8)])",
                PostgresCheckText.canonical("x = ANY (ARRAY['a,b'::character varying, lower('C, D')]::character varying(8)[])"));
    }
}
