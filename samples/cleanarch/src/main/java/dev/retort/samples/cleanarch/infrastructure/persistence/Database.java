package dev.retort.samples.cleanarch.infrastructure.persistence;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The persistence layer's entry: the database from {@code DATABASE_URL} (the seed's {@code .env}),
 * its migrations, its connections. Nothing outside this package knows a URL or a table.
 */
public final class Database {

    private final String url;

    private Database(String url) {
        this.url = url;
    }

    /** From the environment, as the seed configures it. */
    public static Database fromEnvironment(Map<String, String> environment) {
        String url = environment.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("DATABASE_URL is not set; put it in the environment, for example"
                    + " DATABASE_URL=postgresql+asyncpg://user:password@localhost/dbname");
        }
        return new Database(url);
    }

    /** Runs before the application starts, as the seed's production deployment does: upgrade head. */
    public RunResult migrate() {
        return Retort.configure().url(url).build().upgrade("head");
    }

    public Connection connect() throws SQLException {
        return DatabaseUrl.parse(url).connect();
    }
}
