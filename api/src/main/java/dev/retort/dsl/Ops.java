package dev.retort.dsl;

import dev.retort.op.AddColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropColumn;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.Execute;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.Names;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Records the operations of one migration step. Nothing is executed here: the runtime renders
 * the recorded ops for the target database, runs them, or prints them in offline mode.
 *
 * <pre>{@code
 * op.createTable("users", t -> t
 *     .column("id", BIGINT, c -> c.primaryKey().identity())
 *     .column("email", varchar(255), c -> c.notNull().unique()));
 * op.createIndex("ix_users_email", "users", "email");
 * }</pre>
 *
 * <p>Names are used exactly as written (every dialect quotes them), so {@code "Order"} and
 * {@code "order"} are two different tables.
 */
public final class Ops {

    private final List<Op> recorded;
    private final String schema;

    /** A fresh recorder for the connection's default schema. */
    public Ops() {
        this(new ArrayList<>(), null);
    }

    private Ops(List<Op> recorded, String schema) {
        this.recorded = recorded;
        this.schema = schema;
    }

    /** The ops recorded so far, in order. */
    public List<Op> recorded() {
        return List.copyOf(recorded);
    }

    /**
     * A view of this recorder whose table names live in {@code schema}; ops recorded through it
     * join this recorder's list in order.
     */
    public Ops inSchema(String schema) {
        return new Ops(recorded, Names.check(schema, "schema name"));
    }

    /** Records an op built elsewhere, such as a reverse computed by hand. */
    public void add(Op op) {
        recorded.add(Objects.requireNonNull(op, "op"));
    }

    public void createTable(String table, Consumer<TableBuilder> spec) {
        var builder = new TableBuilder(table(table), schema);
        spec.accept(builder);
        add(builder.build());
    }

    /** Drops a table; the migration's default downgrade cannot bring it back (use the other form). */
    public void dropTable(String table) {
        add(new DropTable(table(table), null));
    }

    /** Drops a table and remembers its definition, so the drop can be reversed. */
    public void dropTable(String table, Consumer<TableBuilder> definition) {
        var builder = new TableBuilder(table(table), schema);
        definition.accept(builder);
        add(new DropTable(table(table), builder.build()));
    }

    public void addColumn(String table, String column, SqlType type) {
        addColumn(table, column, type, c -> { });
    }

    public void addColumn(String table, String column, SqlType type, Consumer<ColumnBuilder> spec) {
        add(new AddColumn(table(table), ColumnBuilder.build(column, type, schema, spec)));
    }

    /** Drops a column; the migration's default downgrade cannot bring it back (use another form). */
    public void dropColumn(String table, String column) {
        add(new DropColumn(table(table), column, null));
    }

    /** Drops a column and remembers its type, so the drop can be reversed. */
    public void dropColumn(String table, String column, SqlType type) {
        dropColumn(table, column, type, c -> { });
    }

    /** Drops a column and remembers its definition, so the drop can be reversed. */
    public void dropColumn(String table, String column, SqlType type, Consumer<ColumnBuilder> definition) {
        add(new DropColumn(table(table), column, ColumnBuilder.build(column, type, schema, definition)));
    }

    public void renameColumn(String table, String from, String to) {
        add(new RenameColumn(table(table), from, to));
    }

    public void renameTable(String from, String to) {
        add(new RenameTable(table(from), to));
    }

    public void createIndex(String name, String table, String... columns) {
        createIndex(name, table, i -> i.columns(columns));
    }

    public void createUniqueIndex(String name, String table, String... columns) {
        createIndex(name, table, i -> i.columns(columns).unique());
    }

    public void createIndex(String name, String table, Consumer<IndexBuilder> spec) {
        add(IndexBuilder.build(name, table(table), spec));
    }

    /** Drops an index; the migration's default downgrade cannot bring it back (use the other form). */
    public void dropIndex(String name, String table) {
        add(new DropIndex(name, table(table), null));
    }

    /** Drops an index and remembers its definition, so the drop can be reversed. */
    public void dropIndex(String name, String table, Consumer<IndexBuilder> definition) {
        CreateIndex index = IndexBuilder.build(name, table(table), definition);
        add(new DropIndex(name, index.table(), index));
    }

    /** Runs a SQL statement as written. The default downgrade cannot reverse it. */
    public void execute(String sql) {
        add(new Execute(sql, null));
    }

    /** Runs a SQL statement as written; {@code reverseSql} undoes it on downgrade. */
    public void execute(String sql, String reverseSql) {
        add(new Execute(sql, Objects.requireNonNull(reverseSql, "reverseSql")));
    }

    /**
     * Records the reverses of the ops that {@code forward} records, last first: what
     * {@link dev.retort.Migration#downgrade} does by default.
     *
     * @throws dev.retort.op.IrreversibleOpException naming the first op that cannot be reversed
     */
    public void reverseOf(Consumer<Ops> forward) {
        var replay = new Ops(new ArrayList<>(), schema);
        forward.accept(replay);
        List<Op> ops = replay.recorded;
        var reversed = new ArrayList<Op>(ops.size());
        for (int i = ops.size() - 1; i >= 0; i--) {
            reversed.add(ops.get(i).reverse());
        }
        recorded.addAll(reversed);
    }

    private TableName table(String name) {
        return new TableName(schema, name);
    }
}
