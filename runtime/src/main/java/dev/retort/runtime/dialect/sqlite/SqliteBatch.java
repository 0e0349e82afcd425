package dev.retort.runtime.dialect.sqlite;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.BatchAlterTable.Recreate;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.Execute;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.runtime.dialect.Action;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Changes to one SQLite table, made in place where SQLite can and by one table rebuild where it
 * cannot, decided on the table as it stands when the step runs (for offline SQL, on the schema
 * that earlier migrations replay into a shadow database; see
 * {@link dev.retort.runtime.offline.ShadowSchema}).
 *
 * <p>The rebuild follows SQLite's "generalized ALTER TABLE procedure": foreign keys off (the
 * runner does that before the transaction; see {@link SqliteDialect#prepareStep}), a new table
 * with the new definition, rows copied by column (with a CAST where the type's affinity changes),
 * the old table dropped and the new one renamed with {@code legacy_alter_table} on (so views and
 * other tables' triggers that name the table are left as they are, and work again once it is
 * back), its indexes and triggers recreated, its AUTOINCREMENT counter kept, and
 * {@code foreign_key_check} before the step commits. Column renames at the start or the end of
 * the block run in place, before or after the rebuild: SQLite rewrites indexes, triggers and
 * views for them.
 */
final class SqliteBatch implements Action.Live {

    private static final System.Logger LOG = System.getLogger(SqliteBatch.class.getName());

    private final SqliteRenderer renderer;
    private final TableName table;
    private final Recreate recreate;
    private final List<Op> ops;
    private final boolean implicit;
    private final List<Op> leading;
    private final List<Op> changes;
    private final List<Op> trailing;

    SqliteBatch(SqliteRenderer renderer, TableName table, Recreate recreate, List<Op> ops, boolean implicit) {
        this.renderer = renderer;
        this.table = table;
        this.recreate = recreate;
        this.ops = List.copyOf(ops);
        this.implicit = implicit;
        int first = 0;
        while (first < ops.size() && inPlaceAtEdge(ops.get(first))) {
            first++;
        }
        int last = ops.size();
        while (last > first && inPlaceAtEdge(ops.get(last - 1))) {
            last--;
        }
        leading = List.copyOf(ops.subList(0, first));
        changes = List.copyOf(ops.subList(first, last));
        trailing = List.copyOf(ops.subList(last, ops.size()));
        for (Op op : changes) {
            if (inPlaceAtEdge(op)) {
                throw new RetortException(ErrorCode.INVALID_OP, "batchAlterTable(" + table + "): put " + op.describe()
                        + " at the start or the end of the block, not between other changes: when SQLite rebuilds the"
                        + " table it runs before or after the rebuild");
            }
        }
    }

    /** Column renames and the migration's own statements run in place, before or after a rebuild. */
    private static boolean inPlaceAtEdge(Op op) {
        return op instanceof RenameColumn || op instanceof Execute;
    }

    @Override
    public String description() {
        return implicit ? ops.stream().map(Op::describe).collect(Collectors.joining(", "))
                : "batchAlterTable(" + table + ")";
    }

    /** Two implicit rebuilds of one table in a row, as one; {@code null} when they cannot be joined. */
    SqliteBatch joinedWith(SqliteBatch next) {
        if (!implicit || !next.implicit || !table.equals(next.table)) {
            return null;
        }
        var all = new ArrayList<>(ops);
        all.addAll(next.ops);
        return new SqliteBatch(renderer, table, recreate, all, true);
    }

    @Override
    public boolean needsForeignKeysOff() {
        return recreate != Recreate.NEVER;
    }

    @Override
    public void run(Connection connection, StatementSink executed) throws SQLException {
        SqliteTableState state = SqliteTableState.read(connection, renderer.dialect(), table);
        if (!rebuilds(state)) {
            for (Op op : ops) {
                for (String sql : nativeStatements(op)) {
                    executed.execute(sql);
                }
            }
            return;
        }
        refuseWhenNever(state);
        for (Op op : leading) {
            for (String sql : nativeStatements(op)) {
                executed.execute(sql);
            }
        }
        if (!leading.isEmpty()) {
            state = SqliteTableState.read(connection, renderer.dialect(), table);
        }
        var rebuild = new SqliteRebuild(renderer, table, state, changes);
        if (recreate != Recreate.ALWAYS && rebuild.changesNothing()) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: table {1} stays as it is on SQLite", description(), table);
        } else {
            LOG.log(System.Logger.Level.INFO, "{0}: rebuilding SQLite table {1}", description(), table);
            for (String sql : rebuild.statements(SqliteRebuild.legacyAlterTable(connection))) {
                executed.execute(sql);
            }
            foreignKeyCheck(connection);
        }
        for (Op op : trailing) {
            for (String sql : nativeStatements(op)) {
                executed.execute(sql);
            }
        }
    }

    /**
     * Without a connection, only changes SQLite makes in place whatever the table holds; a rebuild
     * needs the table's definition, which the shadow schema of offline SQL provides.
     */
    @Override
    public List<String> offline() {
        if (recreate == Recreate.ALWAYS || ops.stream().anyMatch(op -> !nativeWithoutLooking(op))) {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, description() + " may need a table rebuild on SQLite,"
                    + " which is worked out from the table as it stands; render it against the database, or from the"
                    + " schema replayed from earlier migrations (offline SQL does that)");
        }
        var statements = new ArrayList<String>();
        ops.forEach(op -> statements.addAll(nativeStatements(op)));
        return statements;
    }

    private void refuseWhenNever(SqliteTableState state) {
        if (recreate == Recreate.NEVER) {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, description() + " with recreate NEVER: "
                    + firstNeedingRebuild(state).describe() + " needs a table rebuild on SQLite; use recreate AUTO");
        }
    }

    private boolean rebuilds(SqliteTableState state) {
        return recreate == Recreate.ALWAYS || firstNeedingRebuild(state) != null;
    }

    private Op firstNeedingRebuild(SqliteTableState state) {
        for (Op op : ops) {
            if (!nativeWithoutLooking(op) && !(op instanceof DropColumn drop && state.isPlainColumn(drop.column()))) {
                return op;
            }
        }
        return null;
    }

    /** Whether SQLite makes the change in place whatever the table looks like. */
    private static boolean nativeWithoutLooking(Op op) {
        return op instanceof AddColumn add && SqliteRenderer.natively(add) || op instanceof RenameColumn
                || op instanceof Execute || op instanceof CreateIndex || op instanceof DropIndex
                || op instanceof AlterColumn alter && alter.type() == null && alter.nullable() == null
                        && alter.serverDefault() == null;
    }

    private List<String> nativeStatements(Op op) {
        if (op instanceof AddColumn add) {
            return List.of(renderer.addColumnSql(add));
        }
        if (op instanceof DropColumn drop) {
            return List.of("ALTER TABLE " + renderer.dialect().qualify(drop.table()) + " DROP COLUMN " + renderer.q(drop.column()));
        }
        if (op instanceof AlterColumn || op instanceof AddConstraint || op instanceof DropConstraint) {
            return List.of(); // a comment-only alteration: SQLite keeps no comments
        }
        return op.accept(renderer).stream().flatMap(a -> a.offline().stream()).toList();
    }

    private void foreignKeyCheck(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA " + schemaPrefix() + "foreign_key_check(" + renderer.q(table.name()) + ")")) {
            if (rows.next()) {
                throw new RetortException(ErrorCode.MIGRATION_FAILED, "rebuilding table " + table + " left rows of "
                        + rows.getString(1) + " (rowid " + rows.getString(2) + ") referring to no row of " + rows.getString(3)
                        + "; fix the data or the change");
            }
        }
    }

    private String schemaPrefix() {
        return table.schema() == null ? "" : renderer.q(table.schema()) + ".";
    }
}
