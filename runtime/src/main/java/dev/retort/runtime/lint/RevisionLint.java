package dev.retort.runtime.lint;

import dev.retort.lint.LintRule;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.BatchAlterTable;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.Execute;
import dev.retort.op.OnlyOn;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.runtime.autogen.Narrowing;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import dev.retort.schema.VarcharType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules over one revision's ops, in order. A table is taken to have existed before the
 * revision unless the revision created it (so a table made outside the migrations counts as one
 * that holds rows), and a column unless the revision added it: an index or key on a table made in
 * the same revision is no danger, since no row and no running code can be there yet.
 */
final class RevisionLint {

    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(random|gen_random_uuid|uuid_generate_v[14]\\w*"
            + "|clock_timestamp|timeofday|nextval)\\s*\\(");
    /**
     * A statement that sets lock_timeout (group 2: the value; 0 turns it off; group 1: LOCAL, which
     * lasts for a transaction only), or puts it back to the server's default.
     */
    private static final Pattern LOCK_TIMEOUT_SETTING = Pattern.compile("(?i)SET\\s+(LOCAL\\s+|SESSION\\s+)?lock_timeout"
            + "\\s*(?:=|TO)\\s*(?:'\\s*)?(?:([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)|DEFAULT\\b)|RESET\\s+lock_timeout\\b");

    private final String dialect;
    /** The naming convention when the revision is rendered online-safe on PostgreSQL, else {@code null}. */
    private final NamingConvention onlineSafe;
    private final Set<String> createdHere = new HashSet<>();
    private final Set<String> addedHere = new HashSet<>();
    private final Set<String> indexesHere = new HashSet<>();
    /** What the ops break, in order: each rule once per op. */
    private final List<Hit> hits = new ArrayList<>();
    private final boolean transactional;
    private Op firstDdlOnExisting;
    private boolean setsLockTimeout;
    /** Inside a batchAlterTable block: a SQLite rebuild is said once, of the block. */
    private boolean inBatch;
    private boolean batchRebuilds;

    private RevisionLint(String dialect, boolean transactional, NamingConvention onlineSafe) {
        this.dialect = dialect;
        this.transactional = transactional;
        this.onlineSafe = "postgresql".equals(dialect) ? onlineSafe : null;
    }

    /** The rules each op breaks, in order, as (op, rule) pairs; rules of other databases left out. */
    static List<Hit> of(List<Op> ops, String dialect) {
        return of(ops, dialect, true, null);
    }

    /**
     * As {@link #of(List, String)}, for a revision rendered online-safe when {@code onlineSafe} (its
     * naming convention) is given: the locking dangers that rendering removes are no finding.
     */
    static List<Hit> of(List<Op> ops, String dialect, boolean transactional, NamingConvention onlineSafe) {
        var lint = new RevisionLint(dialect, transactional, onlineSafe);
        ops.forEach(lint::check);
        if (lint.firstDdlOnExisting != null && !lint.setsLockTimeout) {
            lint.hit(lint.firstDdlOnExisting, LintRule.NO_LOCK_TIMEOUT);
        }
        return List.copyOf(lint.hits);
    }

    /** An op and a rule it breaks. */
    record Hit(Op op, LintRule rule) {
        /** The table the op changes, or {@code null}. */
        TableName table() {
            if (op instanceof AlterColumn a) {
                return a.table();
            }
            if (op instanceof AddConstraint a) {
                return a.table();
            }
            if (op instanceof BatchAlterTable b) {
                return b.table();
            }
            return op instanceof DropConstraint d ? d.table() : null;
        }
    }

    private void check(Op op) {
        if (op instanceof CreateTable create) {
            createdHere.add(key(create.table()));
        } else if (op instanceof DropTable drop) {
            if (existing(drop.table(), op, LintRule.DROP_TABLE)) {
                ddl(op);
            }
        } else if (op instanceof RenameTable rename) {
            if (existing(rename.table(), op, LintRule.RENAME_TABLE)) {
                ddl(op);
            } else {
                createdHere.add(key(rename.table().withName(rename.newName())));
            }
        } else if (op instanceof AddColumn add) {
            addColumn(add);
        } else if (op instanceof DropColumn drop) {
            if (existed(drop.table()) && !addedHere.contains(key(drop.table()) + "." + drop.column())) {
                hit(op, LintRule.DROP_COLUMN);
                ddl(op);
            }
        } else if (op instanceof RenameColumn rename) {
            if (existing(rename.table(), op, LintRule.RENAME_COLUMN)) {
                ddl(op);
            }
        } else if (op instanceof AlterColumn alter) {
            alterColumn(alter);
        } else if (op instanceof CreateIndex index) {
            indexesHere.add(index.name() == null ? "" : index.name());
            if (existed(index.table())) {
                if (index.unique()) {
                    hit(op, LintRule.UNIQUE_ON_EXISTING);
                }
                if (!index.concurrently()) {
                    hit(op, LintRule.INDEX_NOT_CONCURRENT);
                    ddl(op);
                }
            }
        } else if (op instanceof DropIndex drop) {
            boolean madeHere = drop.name() != null && indexesHere.contains(drop.name())
                    || drop.table() != null && !existed(drop.table());
            if (!madeHere && !drop.concurrently()) {
                hit(op, LintRule.DROP_INDEX_NOT_CONCURRENT);
                ddl(op);
            }
        } else if (op instanceof AddConstraint add) {
            if (existed(add.table())) {
                constraint(op, add.constraint());
                hit(op, LintRule.SQLITE_REBUILD);
                ddl(op);
            }
        } else if (op instanceof DropConstraint drop) {
            if (existed(drop.table())) {
                hit(op, LintRule.SQLITE_REBUILD);
                ddl(op);
            }
        } else if (op instanceof BatchAlterTable batch) {
            boolean outer = inBatch;
            inBatch = true;
            batchRebuilds = false;
            batch.ops().forEach(this::check);
            inBatch = outer;
            if (batchRebuilds) {
                hit(batch, LintRule.SQLITE_REBUILD);
            }
        } else if (op instanceof OnlyOn only) {
            if (only.appliesTo(dialect)) {
                only.ops().forEach(this::check);
            }
        } else if (op instanceof Execute execute) {
            lockTimeout(execute.sql().forDialect(dialect));
        }
    }

    private void addColumn(AddColumn add) {
        ColumnDef column = add.column();
        if (!existed(add.table())) {
            return;
        }
        addedHere.add(key(add.table()) + "." + column.name());
        boolean numbered = column.identity() || column.serverDefault() instanceof ServerDefault.Serial;
        if (!column.nullable() && column.serverDefault() == null && !numbered) {
            hit(add, LintRule.NOT_NULL_WITHOUT_DEFAULT);
        }
        if (numbered || column.serverDefault() instanceof ServerDefault.RandomUuid
                || column.serverDefault() instanceof ServerDefault.Expression e && VOLATILE.matcher(e.sql()).find()) {
            hit(add, LintRule.VOLATILE_DEFAULT);
        }
        if (column.unique()) {
            hit(add, LintRule.UNIQUE_ON_EXISTING);
        }
        if (column.references() != null) {
            hit(add, LintRule.CONSTRAINT_VALIDATED);
        }
        ddl(add);
    }

    private void alterColumn(AlterColumn alter) {
        if (!existed(alter.table()) || addedHere.contains(key(alter.table()) + "." + alter.column())) {
            return;
        }
        if (alter.type() != null) {
            SqlType to = alter.type().to();
            SqlType from = alter.type().fromGiven() ? alter.type().from() : null;
            if (from != null && Narrowing.loses(from, to)) {
                hit(alter, LintRule.NARROWING_TYPE);
            }
            if (from == null || !inPlace(from, to)) {
                hit(alter, LintRule.TYPE_REWRITE);
            }
        }
        if (alter.nullable() != null && !alter.nullable().to()) {
            hit(alter, LintRule.SET_NOT_NULL);
        }
        hit(alter, LintRule.SQLITE_REBUILD);
        ddl(alter);
    }

    /** PostgreSQL changes these types without a rewrite: a longer or unbounded varchar, varchar to text, a wider numeric. */
    private static boolean inPlace(SqlType from, SqlType to) {
        if (from instanceof VarcharType a && to instanceof VarcharType b) {
            return !b.hasLength() || a.hasLength() && b.length() >= a.length();
        }
        if (from instanceof VarcharType && to == SqlType.TEXT) {
            return true;
        }
        return from instanceof NumericType a && to instanceof NumericType b && a.scale() == b.scale()
                && b.precision() >= a.precision();
    }

    private void constraint(Op op, Constraint c) {
        if (c instanceof Constraint.Unique || c instanceof Constraint.PrimaryKey) {
            hit(op, LintRule.UNIQUE_ON_EXISTING);
        } else if (c instanceof Constraint.ForeignKey || c instanceof Constraint.Check) {
            hit(op, LintRule.CONSTRAINT_VALIDATED);
        }
    }

    private boolean existing(TableName table, Op op, LintRule rule) {
        if (existed(table)) {
            hit(op, rule);
            return true;
        }
        return false;
    }

    private boolean existed(TableName table) {
        return !createdHere.contains(key(table));
    }

    private void ddl(Op op) {
        if (firstDdlOnExisting == null) {
            firstDdlOnExisting = op;
        }
    }

    /**
     * A lock_timeout counts when it holds at the first DDL that needs it: set before it, to more
     * than 0, not put back since, and, if {@code SET LOCAL}, in a revision that has a transaction
     * for it to last in. Statements are read in order, comments left out.
     */
    private void lockTimeout(String sql) {
        if (sql == null || firstDdlOnExisting != null) {
            return;
        }
        for (String statement : sql.split(";")) {
            String text = statement.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").strip();
            var setting = LOCK_TIMEOUT_SETTING.matcher(text);
            if (setting.lookingAt()) {
                boolean lasts = setting.group(1) == null || !setting.group(1).strip().equalsIgnoreCase("LOCAL")
                        || transactional;
                setsLockTimeout = lasts && setting.group(2) != null && Double.parseDouble(setting.group(2)) > 0;
            }
        }
    }

    private void hit(Op op, LintRule rule) {
        if (rule.dialect() != null && !rule.dialect().equals(dialect) || renderedSafely(op, rule)) {
            return;
        }
        if (rule == LintRule.SQLITE_REBUILD && inBatch) {
            batchRebuilds = true;
            return;
        }
        if (hits.stream().noneMatch(h -> h.op() == op && h.rule() == rule)) {
            hits.add(new Hit(op, rule));
        }
    }

    /**
     * Whether the online-safe rendering (PostgresOnlineSafe) does this op the safe way: indexes
     * built and dropped concurrently, every statement under a lock_timeout, and a foreign key or
     * check added NOT VALID and validated after, which needs the constraint's name. What depends on
     * the rows (duplicates, NULLs) stays a finding.
     */
    private boolean renderedSafely(Op op, LintRule rule) {
        if (onlineSafe == null) {
            return false;
        }
        return switch (rule) {
            case INDEX_NOT_CONCURRENT, DROP_INDEX_NOT_CONCURRENT, NO_LOCK_TIMEOUT -> true;
            case CONSTRAINT_VALIDATED -> op instanceof AddConstraint add
                    && onlineSafe.name(add.constraint(), add.table()) != null;
            default -> false;
        };
    }

    private static String key(TableName table) {
        return table.toString();
    }
}
