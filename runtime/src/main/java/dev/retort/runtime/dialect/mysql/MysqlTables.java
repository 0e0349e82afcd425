package dev.retort.runtime.dialect.mysql;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.DropConstraint;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.DeclaredConstraints;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.TableName;
import java.util.List;
import java.util.stream.Collectors;

/** Column definitions and constraints as MySQL writes them inside CREATE and ALTER TABLE. */
final class MysqlTables {

    private final MysqlDialect dialect;
    private final MysqlTypes types;
    private final RenderContext context;

    MysqlTables(MysqlDialect dialect, MysqlTypes types, RenderContext context) {
        this.dialect = dialect;
        this.types = types;
        this.context = context;
    }

    /** {@code name TYPE NULL|NOT NULL [DEFAULT …] [AUTO_INCREMENT] [COMMENT '…']}; a key is the table's. */
    String column(ColumnDef column) {
        String type = types.type(column.type(), column.name());
        var sql = new StringBuilder(dialect.quote(column.name())).append(' ').append(type)
                .append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.identity() || column.serverDefault() instanceof ServerDefault.Serial) {
            sql.append(" AUTO_INCREMENT");
        } else if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(types.defaultValue(column.serverDefault(), type));
        }
        if (column.comment() != null) {
            sql.append(" COMMENT ").append(dialect.literal(column.comment()));
        }
        return sql.toString();
    }

    /**
     * A table constraint. MySQL names every primary key {@code PRIMARY}, so a key's name is not
     * written; a foreign key cannot be deferred here, and says so rather than quietly not be.
     */
    String constraint(TableName table, Constraint c) {
        String name = context.naming().name(c, table);
        String named = name == null ? "" : "CONSTRAINT " + dialect.quote(name) + " ";
        if (c instanceof Constraint.PrimaryKey pk) {
            return "PRIMARY KEY (" + columns(pk.columns()) + ")";
        }
        if (c instanceof Constraint.Unique uq) {
            return named + "UNIQUE (" + columns(uq.columns()) + ")";
        }
        if (c instanceof Constraint.Check ck) {
            return named + "CHECK (" + ck.expression() + ")";
        }
        var fk = (Constraint.ForeignKey) c;
        if (fk.deferrable() != null) {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, "the foreign key " + (name == null ? "" : name + " ")
                    + "of " + table + " on " + fk.columns() + " is deferrable, and MySQL checks every foreign key at"
                    + " once; drop deferrable(), or declare the key in only(\"postgresql\", ...) and a plain one in"
                    + " only(\"mysql\", ...)");
        }
        return named + "FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES " + dialect.qualify(fk.referredTable())
                + " (" + columns(fk.referredColumns()) + ")"
                + (fk.onDelete() == null ? "" : " ON DELETE " + fk.onDelete().sql())
                + (fk.onUpdate() == null ? "" : " ON UPDATE " + fk.onUpdate().sql());
    }

    /**
     * The index a named foreign key gets beside it, named as the key. InnoDB would make one by
     * itself, but drops that one when another index covers the key's columns, and then refuses to
     * drop the other: an index of the key's own keeps every later drop a plain statement, offline too.
     * An unnamed key keeps InnoDB's own.
     */
    String foreignKeyIndex(TableName table, Constraint c) {
        String name = c instanceof Constraint.ForeignKey ? context.naming().name(c, table) : null;
        return name == null ? null : "INDEX " + dialect.quote(name) + " (" + columns(c.columns()) + ")";
    }

    List<Constraint> withEnumChecks(TableName table, List<Constraint> constraints, List<ColumnDef> columns) {
        return DeclaredConstraints.withEnumChecks(dialect, context, table, constraints, columns);
    }

    Constraint.Check enumCheck(TableName table, String column, StringEnumType type) {
        return DeclaredConstraints.enumCheck(dialect, context, table, column, type);
    }

    /**
     * Each kind is dropped its own way on MySQL. A primary key is {@code DROP PRIMARY KEY}; a
     * foreign key takes the index MySQL made for it along (else a downgrade leaves it behind); a
     * constraint of unknown kind, or with no name, is looked up when the step runs.
     */
    Action dropConstraint(DropConstraint op) {
        Constraint definition = op.definition();
        String name = op.name() != null ? op.name() : definition == null ? null : context.naming().name(definition, op.table());
        String alter = "ALTER TABLE " + dialect.qualify(op.table());
        if (definition instanceof Constraint.PrimaryKey) {
            return new Action.Sql(alter + " DROP PRIMARY KEY");
        }
        if (name == null || definition == null || definition instanceof Constraint.ForeignKey) {
            return MysqlLookups.dropConstraint(dialect, op.table(), name, definition, op.ifExists());
        }
        if (definition instanceof Constraint.Unique) {
            return MysqlLookups.dropIndex(dialect, op.table(), name, op.ifExists(), false);
        }
        return new Action.Sql(alter + " DROP CONSTRAINT " + (op.ifExists() ? "IF EXISTS " : "") + dialect.quote(name));
    }

    private String columns(List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }
}
