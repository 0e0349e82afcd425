package dev.retort.runtime.dialect.postgres;

import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.BatchAlterTable;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.op.OnlyOn;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.Constraint;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * PostgreSQL's DDL the way that keeps a table serving while it changes, for tables that existed
 * before the step (on a table the step creates nothing can be waiting, and the plain statement is
 * right): an index built or dropped {@code CONCURRENTLY}; a foreign key or check added
 * {@code NOT VALID} and validated by a statement of its own (which takes a lock that lets writes
 * go on); {@code SET NOT NULL} after a validated {@code CHECK (col IS NOT NULL)}, which spares it
 * the scan; a unique constraint over a unique index built concurrently. Each statement commits by
 * itself: the step runs statement by statement.
 */
final class PostgresOnlineSafe {

    private final PostgresDialect dialect;
    private final RenderContext context;
    /** The tables the plain statements are right for: new in the step, or partitioned. */
    private final Predicate<TableName> plain;

    PostgresOnlineSafe(PostgresDialect dialect, RenderContext context, Predicate<TableName> plain) {
        this.dialect = dialect;
        this.context = context;
        this.plain = plain;
    }

    List<Action> render(Op op) {
        if (op instanceof OnlyOn only) {
            return only.appliesTo(dialect.name()) ? renderAll(only.ops()) : List.of();
        }
        if (op instanceof BatchAlterTable batch) {
            return renderAll(batch.ops()); // PostgreSQL alters in place: a batch is its ops, one after the other
        }
        if (op instanceof CreateIndex index && !index.concurrently() && existed(index.table())) {
            return dialect.render(new CreateIndex(index.name(), index.table(), index.parts(), index.unique(), index.where(),
                    true, index.ifNotExists()), context);
        }
        // Without its table, the index itself says whether it is a partitioned one.
        if (op instanceof DropIndex drop && !drop.concurrently()
                && existed(drop.table() != null ? drop.table() : TableName.of(drop.name()))) {
            return dialect.render(new DropIndex(drop.name(), drop.table(), drop.definition(), drop.ifExists(), true), context);
        }
        if (op instanceof AddConstraint add && existed(add.table())) {
            return addConstraint(add);
        }
        if (op instanceof AlterColumn alter && existed(alter.table()) && alter.nullable() != null
                && !alter.nullable().to()) {
            return setNotNull(alter);
        }
        return dialect.render(op, context);
    }

    private List<Action> renderAll(List<Op> ops) {
        var actions = new ArrayList<Action>();
        for (Op op : ops) {
            actions.addAll(render(op));
        }
        return actions;
    }

    private List<Action> addConstraint(AddConstraint add) {
        Constraint c = add.constraint();
        String name = context.naming().name(c, add.table());
        if (name == null || c instanceof Constraint.PrimaryKey) {
            return dialect.render(add, context); // a name PostgreSQL chooses cannot be validated by name
        }
        String table = "ALTER TABLE " + dialect.qualify(add.table());
        if (c instanceof Constraint.Unique unique) {
            String columns = unique.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
            return sql(List.of("CREATE UNIQUE INDEX CONCURRENTLY " + dialect.quote(name) + " ON " + dialect.qualify(add.table())
                    + " (" + columns + ")", table + " ADD CONSTRAINT " + dialect.quote(name) + " UNIQUE USING INDEX "
                    + dialect.quote(name)));
        }
        var statements = new ArrayList<String>();
        for (Action action : dialect.render(add, context)) {
            // The plain rendering is one ALTER TABLE … ADD CONSTRAINT, which NOT VALID ends.
            statements.add(((Action.Sql) action).sql() + " NOT VALID");
        }
        statements.add(table + " VALIDATE CONSTRAINT " + dialect.quote(name));
        return sql(statements);
    }

    private List<Action> setNotNull(AlterColumn alter) {
        var actions = new ArrayList<Action>();
        if (alter.type() != null || alter.serverDefault() != null || alter.comment() != null) {
            actions.addAll(dialect.render(new AlterColumn(alter.table(), alter.column(), alter.type(), alter.using(), null,
                    alter.serverDefault(), alter.comment()), context));
        }
        String table = "ALTER TABLE " + dialect.qualify(alter.table());
        // Not <table>_<column>_not_null: PostgreSQL 18 gives its own NOT NULL constraint that name.
        String check = dialect.quote(NamingConvention.fit("retort_nn_" + alter.table().name() + "_" + alter.column()));
        actions.addAll(sql(List.of(
                table + " ADD CONSTRAINT " + check + " CHECK (" + dialect.quote(alter.column()) + " IS NOT NULL) NOT VALID",
                table + " VALIDATE CONSTRAINT " + check,
                table + " ALTER COLUMN " + dialect.quote(alter.column()) + " SET NOT NULL",
                table + " DROP CONSTRAINT " + check)));
        return actions;
    }

    private boolean existed(TableName table) {
        return !plain.test(table);
    }

    private static List<Action> sql(List<String> statements) {
        return statements.stream().map(s -> (Action) new Action.Sql(s)).toList();
    }
}
