package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import java.util.Locale;

/**
 * How a run uses transactions. Either way a migration declared {@code transactional = false}
 * runs alone outside any transaction, with its version row written right after it; on MySQL
 * every migration runs so.
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

    /** {@link #ALL} needs DDL that rolls back; on MySQL it would promise what cannot be kept. */
    void requireSupportedBy(dev.retort.runtime.dialect.Dialect dialect, boolean onlineSafe) {
        if (this == ALL && onlineSafe && dialect.rendersOnlineSafe()) {
            throw new RetortException(ErrorCode.BAD_OPTION, "--transaction-mode all is refused with --online-safe on "
                    + dialect.name() + ": online-safe steps run statement by statement, each committing by itself, so no"
                    + " transaction can hold the run; drop one of the two (@OnlineSafe on a migration keeps only that one"
                    + " out of the run's transaction)");
        }
        if (this == ALL && !dialect.transactionalDdl()) {
            throw new RetortException(ErrorCode.BAD_OPTION, "--transaction-mode all is refused on " + dialect.name()
                    + ": MySQL and MariaDB commit each DDL statement by itself, so no transaction can hold a run; use"
                    + " per-migration (the default), under which Retort records each statement's progress");
        }
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
