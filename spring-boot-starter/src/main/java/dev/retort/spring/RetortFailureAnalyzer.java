package dev.retort.spring;

import dev.retort.RetortException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start that Retort stopped with Retort's own one-line message and what to do, instead
 * of the bean-creation exceptions wrapped around it. Registered in {@code META-INF/spring.factories}.
 */
public class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
        return new FailureAnalysis("Retort: " + cause.getMessage(), action(cause), cause);
    }

    private static String action(RetortException cause) {
        return switch (cause.code()) {
            case BAD_CONFIGURATION, BAD_OPTION, BAD_URL -> "Correct what is named above: a spring.retort.* setting,"
                    + " or a dependency the application lacks (a JDBC driver, jOOQ for PostgreSQL).";
            case VALIDATION_FAILED -> "Bring the database up to date (or let the application upgrade it), then start again.";
            case LOCK_TIMEOUT -> "Another instance holds the migration lock: wait for it, or raise spring.retort.lock-timeout.";
            case NO_MIGRATIONS -> "Run Retort's annotation processor on the migrations (annotationProcessorPaths), or set"
                    + " spring.retort.indexes.";
            case MIGRATION_FAILED, MIGRATION_CODE_FAILED, INVALID_OP, IRREVERSIBLE_OP, UNSUPPORTED_OP -> "Fix the"
                    + " migration named above and start again: the steps before it are applied, the failing one is not"
                    + " (unless it is transactional = false; see retort current).";
            default -> "See the retort command line (retort current, retort status) for the database's state.";
        };
    }
}
