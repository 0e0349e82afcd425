package dev.retort.dsl;

import dev.retort.op.BatchAlterTable;
import dev.retort.op.SqlText;
import dev.retort.schema.SqlType;
import java.util.function.Consumer;

/**
 * The changes of one {@link Ops#batchAlterTable} block, all to its table: on SQLite they are done
 * in one table rebuild when any needs it, on PostgreSQL one ALTER at a time.
 */
public final class BatchOps {

    private final String table;
    private final Ops ops;
    private BatchAlterTable.Recreate recreate = BatchAlterTable.Recreate.AUTO;

    BatchOps(String table, Ops ops) {
        this.table = table;
        this.ops = ops;
    }

    /** When SQLite rebuilds: only when needed (the default), always, or never (an error instead). */
    public BatchOps recreate(BatchAlterTable.Recreate value) {
        recreate = value;
        return this;
    }

    public BatchOps addColumn(String column, SqlType type) {
        ops.addColumn(table, column, type);
        return this;
    }

    public BatchOps addColumn(String column, SqlType type, Consumer<ColumnBuilder> spec) {
        ops.addColumn(table, column, type, spec);
        return this;
    }

    public BatchOps dropColumn(String column) {
        ops.dropColumn(table, column);
        return this;
    }

    public BatchOps dropColumn(String column, SqlType type, Consumer<ColumnBuilder> definition) {
        ops.dropColumn(table, column, type, definition);
        return this;
    }

    public BatchOps renameColumn(String from, String to) {
        ops.renameColumn(table, from, to);
        return this;
    }

    public BatchOps alterColumn(String column, Consumer<AlterColumnBuilder> spec) {
        ops.alterColumn(table, column, spec);
        return this;
    }

    public BatchOps addConstraint(Consumer<ConstraintBuilder> spec) {
        ops.addConstraint(table, spec);
        return this;
    }

    public BatchOps dropConstraint(String name) {
        ops.dropConstraint(table, name);
        return this;
    }

    public BatchOps dropConstraint(Consumer<ConstraintBuilder> definition) {
        ops.dropConstraint(table, definition);
        return this;
    }

    public BatchOps createIndex(String name, String... columns) {
        ops.createIndex(name, table, columns);
        return this;
    }

    public BatchOps createIndex(String name, Consumer<IndexBuilder> spec) {
        ops.createIndex(name, table, spec);
        return this;
    }

    public BatchOps dropIndex(String name) {
        ops.dropIndex(name, table);
        return this;
    }

    /** Drops an index and remembers its definition, so the block can be reversed. */
    public BatchOps dropIndex(String name, Consumer<IndexBuilder> definition) {
        ops.dropIndex(name, table, definition);
        return this;
    }

    /**
     * Runs a statement where it stands among the block's changes. On SQLite, when the block
     * rebuilds the table, a statement must come before or after the changes that need the
     * rebuild (it runs before or after it).
     */
    public BatchOps execute(String sql) {
        ops.execute(sql);
        return this;
    }

    public BatchOps execute(String sql, String reverseSql) {
        ops.execute(sql, reverseSql);
        return this;
    }

    public BatchOps execute(SqlText sql) {
        ops.execute(sql);
        return this;
    }

    BatchAlterTable.Recreate recreate() {
        return recreate;
    }
}
