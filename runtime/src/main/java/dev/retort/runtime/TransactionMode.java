package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import java.util.Locale;

/**
 * How a run uses transactions. Either way a migration declared {@code transactional = false}
 * runs alone outside any transaction, with its version row written right after it.
 */
public enum TransactionMode {
    /** Each migration in its own transaction, with its version-row change: a failure keeps the earlier ones. */
    PER_MIGRATION,
    /** The whole run in one transaction: a failure leaves the database as it was before the run. */
    ALL;

    /** The command line's spelling: {@code per-migration} or {@code all}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TransactionMode parse(String text) {
        for (TransactionMode mode : values()) {
            if (mode.label().equals(text)) {
                return mode;
            }
        }
        throw new RetortException(ErrorCode.BAD_OPTION, "--transaction-mode '" + text + "' is not one of per-migration,"
                + " all");
    }
}
