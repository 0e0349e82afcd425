package dev.retort.dsl;

import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.BatchAlterTable;
import dev.retort.op.Change;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateView;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnum;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropView;
import dev.retort.op.Execute;
import dev.retort.op.JdbcWork;
import dev.retort.op.OnlyOn;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.RunJdbc;
import dev.retort.op.SetTableComment;
import dev.retort.op.SqlText;
import dev.retort.schema.Constraint;
import dev.retort.schema.EnumType;
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
 * {@code "order"} are two different tables. Constraints and indexes left unnamed are named by the
 * naming convention.
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
     * A view of this recorder whose tables, types, sequences and views live in {@code schema}; ops
     * recorded through it join this recorder's list in order.
     */
    public Ops inSchema(String schema) {
        return new Ops(recorded, Names.check(schema, "schema name"));
    }

    /** Records an op built elsewhere, such as a reverse computed by hand. */
    public void add(Op op) {
        recorded.add(Objects.requireNonNull(op, "op"));
    }

    // ---- tables ----

    public void createTable(String table, Consumer<TableBuilder> spec) {
        var builder = new TableBuilder(name(table), schema);
        spec.accept(builder);
        add(builder.build());
    }

    /** Drops a table (options: IF_EXISTS, CASCADE); the default downgrade cannot bring it back. */
    public void dropTable(String table, DropOption... options) {
        add(new DropTable(name(table), null, has(options, DropOption.IF_EXISTS), has(options, DropOption.CASCADE)));
    }

    /** Drops a table and remembers its definition, so the drop can be reversed. */
    public void dropTable(String table, Consumer<TableBuilder> definition) {
        var builder = new TableBuilder(name(table), schema);
        definition.accept(builder);
        add(new DropTable(name(table), builder.build(), false, false));
    }

    public void renameTable(String from, String to) {
        add(new RenameTable(name(from), to));
    }

    /** Sets a table's comment ({@code null} removes it); the default downgrade cannot restore the old one. */
    public void setTableComment(String table, String comment) {
        add(new SetTableComment(name(table), Change.to(comment)));
    }

    public void setTableComment(String table, String comment, String previousComment) {
        add(new SetTableComment(name(table), Change.of(previousComment, comment)));
    }

    // ---- columns ----

    public void addColumn(String table, String column, SqlType type) {
        addColumn(table, column, type, c -> { });
    }

    public void addColumn(String table, String column, SqlType type, Consumer<ColumnBuilder> spec) {
        add(new AddColumn(name(table), ColumnBuilder.build(column, type, schema, spec)));
    }

    /** Drops a column; the migration's default downgrade cannot bring it back (use another form). */
    public void dropColumn(String table, String column) {
        add(new DropColumn(name(table), column, null));
    }

    /** Drops a column and remembers its type, so the drop can be reversed. */
    public void dropColumn(String table, String column, SqlType type) {
        dropColumn(table, column, type, c -> { });
    }

    /** Drops a column and remembers its definition, so the drop can be reversed. */
    public void dropColumn(String table, String column, SqlType type, Consumer<ColumnBuilder> definition) {
        add(new DropColumn(name(table), column, ColumnBuilder.build(column, type, schema, definition)));
    }

    public void renameColumn(String table, String from, String to) {
        add(new RenameColumn(name(table), from, to));
    }

    /** Changes a column's type, nullability, default or comment: {@code a -> a.type(BIGINT).notNull()}. */
    public void alterColumn(String table, String column, Consumer<AlterColumnBuilder> spec) {
        add(AlterColumnBuilder.build(name(table), column, spec));
    }

    // ---- indexes ----

    public void createIndex(String name, String table, String... columns) {
        createIndex(name, table, i -> i.columns(columns));
    }

    public void createUniqueIndex(String name, String table, String... columns) {
        createIndex(name, table, i -> i.columns(columns).unique());
    }

    public void createIndex(String name, String table, Consumer<IndexBuilder> spec) {
        add(IndexBuilder.build(Names.check(name, "index name"), name(table), spec));
    }

    /** An index named by the naming convention. */
    public void createIndex(String table, Consumer<IndexBuilder> spec) {
        add(IndexBuilder.build(null, name(table), spec));
    }

    /**
     * Drops an index by its name alone (options: IF_EXISTS, CONCURRENTLY): index names are per
     * schema, on PostgreSQL and SQLite alike. The default downgrade cannot bring it back.
     */
    public void dropIndex(String name, DropOption... options) {
        if (schema != null) {
            throw new IllegalStateException("dropIndex(\"" + name + "\") in schema " + schema + " needs its table:"
                    + " dropIndex(\"" + name + "\", table)");
        }
        add(new DropIndex(Names.check(name, "index name"), null, null, has(options, DropOption.IF_EXISTS),
                has(options, DropOption.CONCURRENTLY)));
    }

    /** Drops an index (options: IF_EXISTS, CONCURRENTLY); the default downgrade cannot bring it back. */
    public void dropIndex(String name, String table, DropOption... options) {
        add(new DropIndex(name, name(table), null, has(options, DropOption.IF_EXISTS), has(options, DropOption.CONCURRENTLY)));
    }

    /** Drops an index and remembers its definition, so the drop can be reversed. */
    public void dropIndex(String name, String table, Consumer<IndexBuilder> definition) {
        CreateIndex index = IndexBuilder.build(name, name(table), definition);
        add(new DropIndex(name, index.table(), index, false, index.concurrently()));
    }

    // ---- constraints ----

    /** Adds a constraint: {@code c -> c.unique("email")}, {@code c -> c.foreignKey("a").references("p", "id")}. */
    public void addConstraint(String table, Consumer<ConstraintBuilder> spec) {
        add(new AddConstraint(name(table), ConstraintBuilder.build(schema, spec)));
    }

    /** Drops a constraint by name; the default downgrade cannot bring it back. */
    public void dropConstraint(String table, String constraint) {
        add(new DropConstraint(name(table), Names.check(constraint, "constraint name"), null, false));
    }

    /** Drops a constraint by name and remembers it, so the drop can be reversed. */
    public void dropConstraint(String table, String constraint, Consumer<ConstraintBuilder> definition) {
        Constraint c = ConstraintBuilder.build(schema, definition);
        add(new DropConstraint(name(table), Names.check(constraint, "constraint name"), c, false));
    }

    /** Drops the constraint this definition names (by its name or the naming convention's), reversibly. */
    public void dropConstraint(String table, Consumer<ConstraintBuilder> definition) {
        add(new DropConstraint(name(table), null, ConstraintBuilder.build(schema, definition), false));
    }

    // ---- types, sequences, views, schemas ----

    /** PostgreSQL's enum type; a column uses it as {@code enumOf(name, values...)}. */
    public void createEnum(String type, String... values) {
        add(new CreateEnum(new EnumType(name(type), List.of(values))));
    }

    /** Drops an enum type; giving its values makes the drop reversible. */
    public void dropEnum(String type, String... values) {
        add(new DropEnum(name(type), values.length == 0 ? null : new EnumType(name(type), List.of(values)), false));
    }

    public void addEnumValue(String type, String value) {
        add(new AddEnumValue(name(type), value, null, null, false));
    }

    public void addEnumValueBefore(String type, String value, String before) {
        add(new AddEnumValue(name(type), value, Objects.requireNonNull(before, "before"), null, false));
    }

    public void addEnumValueAfter(String type, String value, String after) {
        add(new AddEnumValue(name(type), value, null, Objects.requireNonNull(after, "after"), false));
    }

    public void createSequence(String sequence) {
        createSequence(sequence, s -> { });
    }

    public void createSequence(String sequence, Consumer<SequenceBuilder> spec) {
        add(SequenceBuilder.build(name(sequence), spec));
    }

    /** Drops a sequence; the default downgrade cannot bring it back (use the other form). */
    public void dropSequence(String sequence, DropOption... options) {
        add(new DropSequence(name(sequence), null, has(options, DropOption.IF_EXISTS)));
    }

    public void dropSequence(String sequence, Consumer<SequenceBuilder> definition) {
        add(new DropSequence(name(sequence), SequenceBuilder.build(name(sequence), definition), false));
    }

    public void createView(String view, String query) {
        add(new CreateView(name(view), query, false, null));
    }

    /** Replaces a view's query; the default downgrade cannot restore the old one (use the other form). */
    public void replaceView(String view, String query) {
        add(new CreateView(name(view), query, true, null));
    }

    public void replaceView(String view, String query, String previousQuery) {
        add(new CreateView(name(view), query, true, Objects.requireNonNull(previousQuery, "previousQuery")));
    }

    /** Drops a view; the default downgrade cannot bring it back (use the other form). */
    public void dropView(String view, DropOption... options) {
        add(new DropView(name(view), null, has(options, DropOption.IF_EXISTS)));
    }

    public void dropView(String view, String query) {
        add(new DropView(name(view), new CreateView(name(view), query, false, null), false));
    }

    /** PostgreSQL's {@code CREATE SCHEMA}; the name is used as written (not the {@link #inSchema} schema). */
    public void createSchema(String name) {
        add(new CreateSchema(name, false));
    }

    public void dropSchema(String name, DropOption... options) {
        add(new DropSchema(name, has(options, DropOption.IF_EXISTS), has(options, DropOption.CASCADE)));
    }

    // ---- data ----

    /** Runs a SQL statement as written. The default downgrade cannot reverse it. */
    public void execute(String sql) {
        add(new Execute(SqlText.of(sql), null));
    }

    /** Runs a SQL statement as written; {@code reverseSql} undoes it on downgrade. */
    public void execute(String sql, String reverseSql) {
        add(new Execute(SqlText.of(sql), SqlText.of(Objects.requireNonNull(reverseSql, "reverseSql"))));
    }

    /** Runs SQL that differs per dialect: {@code SqlText.of(sql).on("sqlite", other)}. */
    public void execute(SqlText sql) {
        add(new Execute(sql, null));
    }

    public void execute(SqlText sql, SqlText reverse) {
        add(new Execute(sql, Objects.requireNonNull(reverse, "reverse")));
    }

    /** Inserts rows: {@code r -> r.columns("id", "name").row(1, "ada").row(2, "grace")}. */
    public void bulkInsert(String table, Consumer<RowsBuilder> rows) {
        add(RowsBuilder.build(name(table), rows));
    }

    /** Runs Java on the migration's connection and transaction; offline mode cannot print it. */
    public void run(String description, JdbcWork work) {
        add(new RunJdbc(description, work, null));
    }

    public void run(String description, JdbcWork work, JdbcWork reverse) {
        add(new RunJdbc(description, work, Objects.requireNonNull(reverse, "reverse")));
    }

    // ---- one dialect ----

    /**
     * Ops for one database only ({@code postgresql} or {@code sqlite}): on the others, online and
     * in offline SQL, they do nothing. {@code op.only("postgresql", o -> o.alterColumn(...))}.
     */
    public void only(String dialect, Consumer<Ops> ops) {
        only(List.of(Objects.requireNonNull(dialect, "dialect")), ops);
    }

    /** Ops for these databases only. */
    public void only(List<String> dialects, Consumer<Ops> ops) {
        var inner = new Ops(new ArrayList<>(), schema);
        ops.accept(inner);
        add(new OnlyOn(dialects, inner.recorded));
    }

    // ---- batches ----

    /** Changes one table together; on SQLite one rebuild when any change needs it. */
    public void batchAlterTable(String table, Consumer<BatchOps> changes) {
        var inner = new Ops(new ArrayList<>(), schema);
        var batch = new BatchOps(table, inner);
        changes.accept(batch);
        add(new BatchAlterTable(name(table), batch.recreate(), inner.recorded));
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

    private TableName name(String name) {
        return new TableName(schema, name);
    }

    private static boolean has(DropOption[] options, DropOption option) {
        for (DropOption o : options) {
            if (o == option) {
                return true;
            }
        }
        return false;
    }
}
