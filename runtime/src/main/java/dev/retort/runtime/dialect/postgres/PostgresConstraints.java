package dev.retort.runtime.dialect.postgres;

import static org.jooq.impl.DSL.condition;

import dev.retort.runtime.dialect.DeclaredConstraints;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.TableName;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Constraints for PostgreSQL: as jOOQ elements where jOOQ renders them right, as Retort's own SQL
 * where it cannot ({@code DEFERRABLE} foreign keys), named by the convention or left for
 * PostgreSQL to name; and the checks non-native enum columns carry.
 */
final class PostgresConstraints {

    private final PostgresDialect dialect;
    private final RenderContext context;

    PostgresConstraints(PostgresDialect dialect, RenderContext context) {
        this.dialect = dialect;
        this.context = context;
    }

    /** A constraint as Retort writes it: for the foreign keys jOOQ cannot make deferrable, and enum checks. */
    String addConstraintSql(TableName table, Constraint c) {
        String name = context.naming().name(c, table);
        String add = "ALTER TABLE " + dialect.qualify(table) + " ADD " + (name == null ? "" : "CONSTRAINT "
                + dialect.quote(name) + " ");
        if (c instanceof Constraint.Check ck) {
            return add + "CHECK (" + ck.expression() + ")";
        }
        var fk = (Constraint.ForeignKey) c;
        return add + "FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES " + dialect.qualify(fk.referredTable())
                + " (" + columns(fk.referredColumns()) + ")"
                + (fk.onDelete() == null ? "" : " ON DELETE " + fk.onDelete().sql())
                + (fk.onUpdate() == null ? "" : " ON UPDATE " + fk.onUpdate().sql())
                + (fk.deferrable() == Constraint.Deferrable.INITIALLY_DEFERRED ? " DEFERRABLE INITIALLY DEFERRED"
                        : " DEFERRABLE INITIALLY IMMEDIATE");
    }

    org.jooq.Constraint constraint(TableName table, Constraint c) {
        String constraintName = context.naming().name(c, table);
        var named = constraintName == null ? DSL.constraint() : DSL.constraint(DSL.name(constraintName));
        if (c instanceof Constraint.PrimaryKey pk) {
            return named.primaryKey(names(pk.columns()));
        }
        if (c instanceof Constraint.Unique uq) {
            return named.unique(names(uq.columns()));
        }
        if (c instanceof Constraint.Check ck) {
            return named.check(condition(ck.expression()));
        }
        var fk = (Constraint.ForeignKey) c;
        ConstraintForeignKeyOnStep step = named.foreignKey(names(fk.columns()))
                .references(name(fk.referredTable()), names(fk.referredColumns()));
        if (fk.onDelete() != null) {
            step = switch (fk.onDelete()) {
                case NO_ACTION -> step.onDeleteNoAction();
                case RESTRICT -> step.onDeleteRestrict();
                case CASCADE -> step.onDeleteCascade();
                case SET_NULL -> step.onDeleteSetNull();
                case SET_DEFAULT -> step.onDeleteSetDefault();
            };
        }
        if (fk.onUpdate() != null) {
            return switch (fk.onUpdate()) {
                case NO_ACTION -> step.onUpdateNoAction();
                case RESTRICT -> step.onUpdateRestrict();
                case CASCADE -> step.onUpdateCascade();
                case SET_NULL -> step.onUpdateSetNull();
                case SET_DEFAULT -> step.onUpdateSetDefault();
            };
        }
        return step;
    }

    List<Constraint> withEnumChecks(TableName table, List<Constraint> constraints, List<ColumnDef> columns) {
        return DeclaredConstraints.withEnumChecks(dialect, context, table, constraints, columns);
    }

    Constraint.Check enumCheck(TableName table, String column, StringEnumType type) {
        return DeclaredConstraints.enumCheck(dialect, context, table, column, type);
    }

    private String columns(List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }

    private static Name[] names(List<String> columns) {
        return columns.stream().map(DSL::name).toArray(Name[]::new);
    }

    private static Name name(TableName table) {
        return table.schema() == null ? DSL.name(table.name()) : DSL.name(table.schema(), table.name());
    }
}
