package dev.retort.runtime.dialect;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.mysql.MysqlDialect;
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
                return postgres();
            case "sqlite":
                return new SqliteDialect();
            case "mysql":
            case "mariadb":
                return new MysqlDialect();
            default:
                throw new RetortException(ErrorCode.BAD_OPTION,
                        "unknown dialect '" + name + "'; use mysql (or mariadb), postgresql or sqlite");
        }
    }

    /**
     * PostgreSQL's dialect renders its DDL through jOOQ. An application that left jOOQ out (it is
     * needed for PostgreSQL only; SQLite never loads it) learns which artifact to put back.
     */
    private static Dialect postgres() {
        // A resource, not a class: loading jOOQ costs a second, and a start at head must not pay it (FastPathTest).
        ClassLoader loader = Dialects.class.getClassLoader();
        if ((loader != null ? loader.getResource("org/jooq/DSLContext.class")
                : ClassLoader.getSystemResource("org/jooq/DSLContext.class")) == null) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "PostgreSQL's dialect renders its SQL with jOOQ,"
                    + " which is not on the class path; keep org.jooq:jooq, which retort-runtime depends on, among the"
                    + " application's dependencies (only an SQLite-only application may exclude it)");
        }
        return new PostgresDialect();
    }

    /** The dialect for what {@code DatabaseMetaData.getDatabaseProductName()} reports. */
    public static Dialect forProduct(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return postgres();
        }
        if (p.contains("sqlite")) {
            return new SqliteDialect();
        }
        if (p.contains("mysql") || p.contains("mariadb")) {
            return new MysqlDialect();
        }
        throw new RetortException(ErrorCode.BAD_CONFIGURATION,
                "the database is " + productName + ", but Retort supports PostgreSQL, SQLite, MariaDB and MySQL");
    }
}
