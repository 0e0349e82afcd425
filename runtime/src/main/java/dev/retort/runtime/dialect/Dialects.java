package dev.retort.runtime.dialect;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.postgres.PostgresDialect;
import dev.retort.runtime.dialect.sqlite.SqliteDialect;
import java.util.Locale;

/** Finds the dialect for a database, by name or by what the driver reports. */
public final class Dialects {

    private Dialects() {
    }

    public static Dialect named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "postgresql":
            case "postgres":
                return new PostgresDialect();
            case "sqlite":
                return new SqliteDialect();
            default:
                throw new RetortException(ErrorCode.BAD_OPTION,
                        "unknown dialect '" + name + "'; use postgresql or sqlite");
        }
    }

    /** The dialect for what {@code DatabaseMetaData.getDatabaseProductName()} reports. */
    public static Dialect forProduct(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return new PostgresDialect();
        }
        if (p.contains("sqlite")) {
            return new SqliteDialect();
        }
        throw new RetortException(ErrorCode.BAD_CONFIGURATION,
                "the database is " + productName + ", but Retort supports PostgreSQL and SQLite");
    }
}
