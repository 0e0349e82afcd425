package dev.retort.lint;

import java.util.Locale;
import java.util.Optional;

/**
 * The dangers {@code retort lint} finds in a migration's ops, before anything runs: what each
 * catches, why it hurts a database that serves traffic, and the safe way in Retort's DSL. The
 * ids are stable: retort.properties ({@code lint.<id>=error|warning|off}) and
 * {@link dev.retort.AllowLint} name them.
 */
public enum LintRule {

    DROP_TABLE(Severity.ERROR, null, "dropTable of a table that existed before this revision",
            "its rows are gone for good, and the application version still running reads them",
            "stop using the table in one release and drop it in a later one (renameTable it aside first, if unsure)"),
    DROP_COLUMN(Severity.ERROR, null, "dropColumn of a column that existed before this revision",
            "its data is gone for good, and the application version still running reads and writes it",
            "stop using the column in one release and dropColumn it in a later one"),
    NARROWING_TYPE(Severity.ERROR, null, "alterColumn to a type that holds less (varchar(100) to varchar(50), bigint"
            + " to integer)", "rows that do not fit fail the change, or are cut",
            "add a column of the new type, backfill what fits, switch the application, then drop the old one"),
    NOT_NULL_WITHOUT_DEFAULT(Severity.ERROR, null, "addColumn NOT NULL without a default to a table that existed",
            "it fails on a table with rows, and the running application's inserts fail without the column",
            "add it nullable, backfill it, then alterColumn(…, a -> a.notNull()); or give it a serverDefault(…)"),
    UNIQUE_ON_EXISTING(Severity.WARNING, null, "a primary key, unique constraint or unique index added to a table that"
            + " existed",
            "it fails when existing rows hold duplicates, and builds its index under a lock that blocks writes",
            "look for duplicates (and NULLs, for a key) first; on PostgreSQL @OnlineSafe on the migration builds a named"
                    + " unique constraint's index concurrently"),
    SET_NOT_NULL(Severity.WARNING, null, "alterColumn(…, a -> a.notNull()) on a table that existed",
            "it fails if a row holds NULL, and PostgreSQL scans the whole table under a lock that blocks reads and"
                    + " writes", "fill the NULLs first; on PostgreSQL @OnlineSafe on the migration sets it through a"
                    + " validated CHECK (col IS NOT NULL), with no scan under that lock"),
    RENAME_TABLE(Severity.WARNING, null, "renameTable", "the application version still running uses the old name",
            "create the new table (or a view under one name) and move over across two releases"),
    RENAME_COLUMN(Severity.WARNING, null, "renameColumn", "the application version still running reads and writes the"
            + " old name", "add the new column, write both, backfill, switch reads, and drop the old one in a later"
                    + " release"),
    INDEX_NOT_CONCURRENT(Severity.WARNING, "postgresql", "createIndex without concurrently() on a table that existed",
            "CREATE INDEX blocks every write to the table until the index is built",
            "@OnlineSafe on the migration (or --online-safe for the run), which builds it CONCURRENTLY"),
    DROP_INDEX_NOT_CONCURRENT(Severity.WARNING, "postgresql", "dropIndex without CONCURRENTLY",
            "DROP INDEX blocks reads and writes of the table while it waits for its lock",
            "@OnlineSafe on the migration (or --online-safe for the run), which drops it CONCURRENTLY"),
    CONSTRAINT_VALIDATED(Severity.WARNING, "postgresql", "a foreign key or check added to a table that existed",
            "PostgreSQL checks every row while it holds a lock that blocks writes (a foreign key locks the referred"
                    + " table too)", "@OnlineSafe on the migration (or --online-safe for the run), which adds it NOT VALID"
                    + " and validates it after, under a lock that lets writes go on"),
    VOLATILE_DEFAULT(Severity.WARNING, "postgresql", "addColumn with a volatile default (randomUuid(), random(),"
            + " clock_timestamp(), nextval, serial, identity) to a table that existed",
            "PostgreSQL rewrites the whole table under a lock that blocks reads and writes",
            "add the column without a default, set the default for new rows, and backfill in batches"),
    TYPE_REWRITE(Severity.WARNING, "postgresql", "alterColumn type change that rewrites the table (anything but"
            + " widening a varchar or numeric, or varchar to text)",
            "PostgreSQL rewrites the table and its indexes under a lock that blocks reads and writes",
            "add a column of the new type, backfill it in batches, and switch over"),
    NO_LOCK_TIMEOUT(Severity.WARNING, "postgresql", "DDL on a table that existed, in a revision that sets no"
            + " lock_timeout", "a statement that waits for its lock queues every query behind it, for as long as it"
                    + " waits", "@OnlineSafe on the migration (or --online-safe for the run), which sets lock_timeout"
                    + " and retries; or op.execute(\"SET LOCAL lock_timeout = '5s'\") first in the revision"),
    SQLITE_REBUILD(Severity.WARNING, "sqlite", "an op SQLite does as a table rebuild (alterColumn, addConstraint,"
            + " dropConstraint; a batchAlterTable block is one) on a table that existed", "the table is copied whole, holding the database's write lock"
                    + " for as long as that takes", "batch the changes of one table in batchAlterTable(…), so they are"
                    + " one rebuild, at a quiet time");

    /** How a finding counts: an error fails {@code retort lint}; a warning is listed; off is not checked. */
    public enum Severity {
        ERROR, WARNING, OFF;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Severity severity;
    private final String dialect;
    private final String what;
    private final String why;
    private final String instead;

    LintRule(Severity severity, String dialect, String what, String why, String instead) {
        this.severity = severity;
        this.dialect = dialect;
        this.what = what;
        this.why = why;
        this.instead = instead;
    }

    /** The stable id: {@code drop-column}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Severity defaultSeverity() {
        return severity;
    }

    /** The one database the rule is about, or {@code null} for every one. */
    public String dialect() {
        return dialect;
    }

    public String what() {
        return what;
    }

    public String why() {
        return why;
    }

    public String instead() {
        return instead;
    }

    public static Optional<LintRule> byId(String id) {
        for (LintRule rule : values()) {
            if (rule.id().equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
