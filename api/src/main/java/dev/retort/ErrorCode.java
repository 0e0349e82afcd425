package dev.retort;

/**
 * Stable codes for every error Retort reports. The names are API: scripts and tests match them,
 * and the command line maps each to its exit code here and nowhere else.
 */
public enum ErrorCode {
    // The revision graph and its targets: the user asked for something the graph cannot give.
    UNKNOWN_REVISION(Exit.BAD_INPUT),
    AMBIGUOUS_REVISION(Exit.BAD_INPUT),
    MULTIPLE_HEADS(Exit.BAD_INPUT),
    UNKNOWN_BRANCH(Exit.BAD_INPUT),
    NOT_IN_BRANCH(Exit.BAD_INPUT),
    NOT_AN_ANCESTOR(Exit.BAD_INPUT),
    OVERLAPPING_TARGETS(Exit.BAD_INPUT),
    RELATIVE_OUT_OF_RANGE(Exit.BAD_INPUT),
    AMBIGUOUS_WALK(Exit.BAD_INPUT),
    AMBIGUOUS_UPGRADE(Exit.BAD_INPUT),
    INVALID_DOWNGRADE_TARGET(Exit.BAD_INPUT),
    INVALID_UPGRADE_TARGET(Exit.BAD_INPUT),
    INVALID_TARGET(Exit.BAD_INPUT),

    // A graph that cannot be built: normally caught by the processor, seen at run time only when
    // indexes from several jars disagree or a graph is built by hand.
    DUPLICATE_REVISION(Exit.BAD_INPUT),
    INVALID_REVISION_ID(Exit.BAD_INPUT),
    MISSING_REVISION(Exit.BAD_INPUT),
    DUPLICATE_PARENT(Exit.BAD_INPUT),
    DUPLICATE_BRANCH_LABEL(Exit.BAD_INPUT),
    SELF_LOOP(Exit.BAD_INPUT),
    DEPENDENCY_SELF_LOOP(Exit.BAD_INPUT),
    CYCLE(Exit.BAD_INPUT),
    DEPENDENCY_CYCLE(Exit.BAD_INPUT),

    // Configuration and command-line input.
    BAD_URL(Exit.BAD_INPUT),
    BAD_CONFIGURATION(Exit.BAD_INPUT),
    BAD_OPTION(Exit.BAD_INPUT),
    NO_MIGRATIONS(Exit.BAD_INPUT),

    // Migration code that cannot be turned into statements.
    INVALID_OP(Exit.FAILED),
    IRREVERSIBLE_OP(Exit.FAILED),
    UNSUPPORTED_OP(Exit.FAILED),
    MIGRATION_CODE_FAILED(Exit.FAILED),

    // The database.
    CONNECTION_FAILED(Exit.FAILED),
    /** A command that does not create databases was given an SQLite file that does not exist. */
    DATABASE_NOT_FOUND(Exit.FAILED),
    MIGRATION_FAILED(Exit.FAILED),
    DATABASE_ERROR(Exit.FAILED),
    UNKNOWN_DATABASE_REVISION(Exit.FAILED),
    /**
     * A migration that runs statement by statement (MySQL, or {@code transactional = false}) stopped
     * part-way in a way a run cannot continue from by itself: nothing ran.
     */
    PARTLY_APPLIED(Exit.FAILED),

    // Running safely.
    LOCK_TIMEOUT(Exit.LOCK_TIMEOUT),
    VALIDATION_FAILED(Exit.VALIDATION_FAILED),

    // The workflow commands.
    /** {@code check} found the database's schema other than the migrations describe. */
    SCHEMA_DRIFT(Exit.FAILED),
    /** {@code lint} found an error-level danger no migration exempted. */
    LINT_FAILED(Exit.FAILED),
    BACKUP_FAILED(Exit.FAILED),
    /** The user answered no to a confirmation. */
    CANCELLED(Exit.FAILED);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the command line uses for this error. */
    public int exitCode() {
        return exitCode;
    }

    /** The documented exit codes, in one place. */
    public static final class Exit {
        public static final int OK = 0;
        /** The database or a migration failed. */
        public static final int FAILED = 1;
        /** Bad input: an unknown revision, a bad URL, a bad option. */
        public static final int BAD_INPUT = 2;
        /** Another process held the migration lock for longer than the lock timeout. */
        public static final int LOCK_TIMEOUT = 3;
        /** Validation with {@code --strict} found applied revisions that changed or that the code no longer has. */
        public static final int VALIDATION_FAILED = 4;

        private Exit() {
        }
    }
}
