package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;

/** Checks of option combinations picocli cannot express. */
final class Options {

    private Options() {
    }

    static void refuseDialectWithoutSql(String dialect) {
        if (dialect != null) {
            throw new RetortException(ErrorCode.BAD_OPTION, "--dialect " + dialect + " goes with --sql; online, the"
                    + " database's own dialect is used");
        }
    }
}
