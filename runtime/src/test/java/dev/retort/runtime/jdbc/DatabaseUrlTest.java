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
}
