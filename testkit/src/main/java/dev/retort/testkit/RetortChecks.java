package dev.retort.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link MigrationChecks} runs for one test class; every attribute is optional.
 *
 * <pre>{@code
 * @RetortChecks(url = "${RETORT_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}",
 *         downgradeFloor = "753d9557b07b")
 * class MigrationsOnPostgresTest extends MigrationChecks {
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RetortChecks {

    /**
     * The database, as Retort takes URLs; {@code ${NAME}} and {@code ${NAME:-default}} read the
     * environment. Empty (the default): a fresh SQLite file per check. An SQLite URL's file is
     * never used, since every check needs an empty database: its parameters (such as
     * {@code foreign_keys=on}) apply to a fresh file per check. On PostgreSQL every check works in
     * a fresh schema of its own, dropped afterwards.
     */
    String url() default "";

    /** The heads the graph must have; empty means exactly one. */
    String[] heads() default {};

    /**
     * A revision below which downgrades are not supported: it and its ancestors are never
     * downgraded, and "no trace" is checked down to it rather than to base.
     */
    String downgradeFloor() default "";

    /**
     * How constraints and indexes the migrations leave unnamed are named, as the application
     * configures Retort: {@code alembic} (the default: {@code pk_users}, ...) or {@code database}
     * (the database names them: {@code users_pkey}, ...). For templates of your own, override
     * {@link MigrationChecks#configure} and call {@code namingConvention(...)}, which wins over this.
     */
    String namingConvention() default "alembic";

    /**
     * The database whose own lint rules {@link Check#LINT} applies: {@code postgresql},
     * {@code sqlite} or {@code mysql}. Empty (the default): the URL's; set it to the production
     * database's when the checks run on SQLite.
     */
    String lintDialect() default "";

    /** Lint rules' severities, as retort.properties writes them: {@code "drop-column=warning"}, {@code "no-lock-timeout=off"}. */
    String[] lint() default {};

    /** Checks to switch off for this project. */
    Check[] skip() default {};
}
