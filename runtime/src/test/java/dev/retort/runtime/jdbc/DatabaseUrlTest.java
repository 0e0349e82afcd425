package dev.retort.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void sqlalchemyPostgresFormsBecomeJdbc() {
        for (String scheme : new String[] {"postgresql", "postgres", "postgresql+asyncpg", "postgresql+psycopg2"}) {
            DatabaseUrl url = DatabaseUrl.parse(scheme + "://user:p%40ss@db.example:5433/app?sslmode=require");
            assertEquals(DatabaseUrl.Kind.POSTGRESQL, url.kind());
            assertEquals("jdbc:postgresql://db.example:5433/app?sslmode=require", url.jdbcUrl());
            assertEquals("user", url.user());
            assertEquals("p@ss", url.password());
        }
    }

    @Test
    void postgresWithoutUserOrPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/app");
        assertEquals("jdbc:postgresql://localhost/app", url.jdbcUrl());
        assertNull(url.user());
    }

    @Test
    void sqliteForms() {
        assertEquals("jdbc:sqlite:app.db", DatabaseUrl.parse("sqlite:///app.db").jdbcUrl());
        assertEquals("jdbc:sqlite:/var/lib/app.db", DatabaseUrl.parse("sqlite:////var/lib/app.db").jdbcUrl());
        assertEquals("jdbc:sqlite::memory:", DatabaseUrl.parse("sqlite://").jdbcUrl());
        assertEquals("jdbc:sqlite:app.db", DatabaseUrl.parse("sqlite+aiosqlite:///app.db").jdbcUrl());
        assertEquals(DatabaseUrl.Kind.SQLITE, DatabaseUrl.parse("jdbc:sqlite:x.db").kind());
    }

    @Test
    void separateCredentialsWin() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://a:b@h/d", "c", "d");
        assertEquals("c", url.user());
        assertEquals("d", url.password());
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:hunter2@h:5432/d");
        assertFalse(url.toString().contains("hunter2"));
        assertEquals("jdbc:postgresql://h:5432/d (user bob)", url.toString());
        assertFalse(DatabaseUrl.parse("jdbc:postgresql://h/d?user=x&password=hunter2").toString().contains("hunter2"));
    }

    @Test
    void badUrlsAreBadInput() {
        for (String bad : new String[] {"", "nonsense", "mysql://h/d", "postgresql://", "postgresql://h:99999/d",
                "postgresql://h:5432", "sqlite:relative.db", "jdbc:mysql://h/d"}) {
            var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(bad), bad);
            assertEquals(ErrorCode.BAD_URL, e.code(), bad);
        }
    }

    @Test
    void badUrlMessageHidesThePassword() {
        var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse("postgresql://u:hunter2@h:x/d"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    /** SQLAlchemy's split: the password ends at the first '@' and may hold '/', '?' and ':'. */
    @Test
    void aPasswordMayHoldReservedCharactersExceptTheAtSign() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:ab/c?d:e@127.0.0.1:5432/db");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/db", url.jdbcUrl());
        assertEquals("ab/c?d:e", url.password());
        var at = assertThrows(RetortException.class, () -> DatabaseUrl.parse("postgresql://u:ab@cd@127.0.0.1/db"));
        assertEquals("cannot use database URL postgresql://…: an '@' in the user name or password must be written %40"
                + " (and a '/' in the user name %2F)", at.getMessage());
        assertEquals("ab@cd", DatabaseUrl.parse("postgresql://u:ab%40cd@127.0.0.1/db").password());
    }

    @Test
    void credentialsLeaveTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5433/db?user=x&password=p%2Fw&sslmode=require"
                + "&sslpassword=k");
        assertEquals("jdbc:postgresql://h:5433/db?sslmode=require", url.jdbcUrl());
        assertEquals("x", url.user());
        assertEquals("p/w", url.password());
        assertEquals(java.util.Map.of("sslpassword", "k"), url.secrets());
        assertEquals("jdbc:postgresql://h:5433/db?sslmode=require (user x)", url.toString());
        assertEquals("jdbc:postgresql:app", DatabaseUrl.parse("jdbc:postgresql:app").jdbcUrl());
        DatabaseUrl sqlite = DatabaseUrl.parse("jdbc:sqlite:app.db?password=k&foreign_keys=on");
        assertEquals("jdbc:sqlite:app.db?foreign_keys=on", sqlite.jdbcUrl());
        assertEquals("k", sqlite.password());
    }

    @Test
    void badEscapesPortsAndMissingDatabasesAreBadInputWithoutTheUrlsText() {
        for (String bad : new String[] {"postgresql://u%zz:p@h/db", "postgresql://u:p%4@h/db", "postgresql://u:p@h/d%zz",
                "postgresql://u:secret/db", "jdbc:postgresql://", "jdbc:postgresql:", "jdbc:postgresql://h/",
                "jdbc:postgresql://h:0/db", "jdbc:postgresql://h/db?password=secret%g1", "postgresql://u:p\u0007@h/db"}) {
            var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(bad), bad);
            assertEquals(ErrorCode.BAD_URL, e.code(), bad);
            assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("zz") || e.getMessage().contains("u:"),
                    e.getMessage());
        }
    }

    @Test
    void textThatMayBeAUrlIsShownWithoutItsPassword() {
        assertEquals("postgresql://u:***@h/db", DatabaseUrl.shown("postgresql://u:ab/cd@h/db"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***", DatabaseUrl.shown("jdbc:postgresql://h/db?user=u&password=x"));
        assertEquals("jdbc:sqlite:a.db?password=***", DatabaseUrl.shown("jdbc:sqlite:a.db?password=x"));
        assertEquals("head", DatabaseUrl.shown("head"));
        assertEquals("p", DatabaseUrl.shown("p"));
    }
}
