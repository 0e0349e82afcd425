package dev.retort.cli;

import picocli.CommandLine.Option;

/**
 * The options that choose and reach a database. They are accepted before the command (on
 * {@code retort} itself) and after it on each command that uses a database, and only there: the
 * help of {@code revision}, {@code merge} or {@code heads} does not list them.
 */
final class DatabaseOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "The database: a JDBC URL, postgresql://user:pass@host:5432/db (also postgresql+asyncpg://),"
                    + " or sqlite:///path.db. Default: $RETORT_URL, $DATABASE_URL, url in retort.properties, or"
                    + " sqlite:///retort.db (a file in the working directory).")
    String url;

    @Option(names = "--user", paramLabel = "USER",
            description = "The database user (default: $RETORT_USER, user in retort.properties, or the URL's). The"
                    + " password comes from $RETORT_PASSWORD, retort.properties or the URL, never the command line.")
    String user;

    @Option(names = "--version-table", paramLabel = "NAME",
            description = "The version table (default: version-table in retort.properties, or retort_version);"
                    + " alembic_version adopts a database Alembic managed.")
    String versionTable;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS",
            description = "How long to wait for another process's migration lock (default: 300).")
    String lockTimeout;

    @Option(names = "--transaction-mode", paramLabel = "MODE",
            description = "per-migration (default): each migration in its own transaction; all: the whole run in one.")
    String transactionMode;

    @Option(names = "--online-safe", paramLabel = "SECONDS",
            description = "Render PostgreSQL's DDL online-safe, each statement under this lock_timeout and retried"
                    + " when the lock cannot be had (indexes CONCURRENTLY, constraints NOT VALID then validated);"
                    + " default: online-safe in retort.properties, else the plain rendering.")
    String onlineSafe;

    @Option(names = "--naming-convention", paramLabel = "NAME",
            description = "How constraints a migration leaves unnamed are named: alembic (pk_users, uq_users_email,"
                    + " ...) or database (the database names them: users_pkey, users_email_key). Default:"
                    + " naming-convention in retort.properties, or alembic; naming.pk, naming.uq, naming.ck, naming.fk"
                    + " and naming.ix there replace single templates.")
    String namingConvention;

    /** Each option as given after the command, else as given before it. */
    DatabaseOptions orBefore(DatabaseOptions before) {
        var merged = new DatabaseOptions();
        merged.url = url != null ? url : before.url;
        merged.user = user != null ? user : before.user;
        merged.versionTable = versionTable != null ? versionTable : before.versionTable;
        merged.lockTimeout = lockTimeout != null ? lockTimeout : before.lockTimeout;
        merged.transactionMode = transactionMode != null ? transactionMode : before.transactionMode;
        merged.namingConvention = namingConvention != null ? namingConvention : before.namingConvention;
        merged.onlineSafe = onlineSafe != null ? onlineSafe : before.onlineSafe;
        return merged;
    }
}
