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
    void requireSupportedBy(dev.retort.runtime.dialect.Dialect dialect) {
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
