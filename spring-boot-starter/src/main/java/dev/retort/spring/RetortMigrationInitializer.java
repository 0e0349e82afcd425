package dev.retort.spring;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the database when it is created. Spring Boot's database-initialization ordering
 * ({@link RetortDatabaseInitializerDetector}) makes every bean that uses the schema depend on it.
 */
public class RetortMigrationInitializer implements InitializingBean {

    private final Retort retort;
    private final RetortMigrationStrategy strategy;

    /** @param strategy what to do with {@code retort} at start */
    public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy) {
        this.retort = retort;
        this.strategy = strategy;
    }

    /** The default: upgrade to {@code target}, or, with {@code failOnPending}, refuse when anything is pending. */
    public static RetortMigrationStrategy defaultStrategy(String target, boolean failOnPending) {
        return failOnPending ? RetortMigrationInitializer::requireUpToDate : retort -> retort.upgrade(target);
    }

    /**
     * Fails, naming the pending revisions, unless the database is at the migrations' heads.
     *
     * @throws RetortException {@code VALIDATION_FAILED} when migrations are pending
     */
    public static void requireUpToDate(Retort retort) {
        Retort.Status status = retort.status();
        if (!status.upToDate()) {
            throw new RetortException(ErrorCode.VALIDATION_FAILED, "the database has " + status.pending().size()
                    + " pending revision" + (status.pending().size() == 1 ? "" : "s") + " ("
                    + String.join(", ", status.pending()) + ") and spring.retort.fail-on-pending is set: upgrade it"
                    + " (retort upgrade heads) before starting the application");
        }
    }

    public Retort retort() {
        return retort;
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(retort);
    }
}
