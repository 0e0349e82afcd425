package dev.retort.runtime.dialect.sqlite;

import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.TableName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pieces of SQLite DDL that a new table and a rebuilt one share: a column's definition, a
 * constraint's, and the check an enum column carries.
 */
final class SqliteDefinitions {

    private final SqliteDialect dialect;
    private final SqliteTypes types;
    private final RenderContext context;

    SqliteDefinitions(SqliteDialect dialect, SqliteTypes types, RenderContext context) {
        this.dialect = dialect;
        this.types = types;
        this.context = context;
    }

    /**
     * The CHECK an enum column carries (the column is one of the values), or {@code null}: for a
     * non-native enum named as SQLAlchemy names it, for a native one (TEXT here) by the convention.
     */
    Constraint.Check enumCheck(TableName table, String column, SqlType type) {
        List<String> values = SqliteTypes.enumValues(type);
        if (values == null) {
            return null;
        }
        String name = type instanceof StringEnumType e ? context.naming().enumCheckName(table, e.name()) : null;
        return new Constraint.Check(name, dialect.oneOf(column, values));
    }

    /** A column that is the table's single integer primary key: declared INTEGER, it is SQLite's rowid. */
    static boolean isRowidKey(ColumnDef column, List<String> key) {
        return key.size() == 1 && key.get(0).equals(column.name()) && column.type().isInteger();
    }

    /**
     * A column's definition: primary key written with the table, except an identity's, which SQLite
     * wants inline. The table's single integer key is declared {@code INTEGER} whatever its
     * integer type, so it is the rowid (a serial key is that, and nothing more, as SQLAlchemy
     * writes it: {@code INTEGER NOT NULL} and {@code PRIMARY KEY (id)}).
     *
     * @param rowidKey whether the column is the table's single integer primary key
     */
    String columnSql(ColumnDef column, boolean rowidKey) {
        var sql = new StringBuilder(q(column.name())).append(' ')
                .append(rowidKey ? "INTEGER" : SqliteTypes.type(column.type()));
        if (column.identity()) {
            return sql.append(" PRIMARY KEY AUTOINCREMENT").toString();
        }
        if (column.serverDefault() instanceof ServerDefault.Serial && !rowidKey) {
            throw SqliteRenderer.unsupported("serial column " + column.name() + ": SQLite numbers rows only through the table's"
                    + " single-column integer primary key; declare it .primaryKey().serial()");
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.serverDefault() != null && !(column.serverDefault() instanceof ServerDefault.Serial)) {
            sql.append(" DEFAULT ").append(types.defaultValue(column.serverDefault()));
        }
        return sql.toString();
    }

    /** {@code CONSTRAINT "name" }, or nothing for a constraint the naming convention leaves unnamed. */
    String constraintName(TableName table, Constraint c) {
        String name = context.naming().name(c, table);
        return name == null ? "" : "CONSTRAINT " + q(name) + " ";
    }

    String constraintSql(TableName table, Constraint c) {
        String name = constraintName(table, c);
        if (c instanceof Constraint.PrimaryKey pk) {
            return name + "PRIMARY KEY (" + columns(pk.columns()) + ")";
        }
        if (c instanceof Constraint.Unique uq) {
            return name + "UNIQUE (" + columns(uq.columns()) + ")";
        }
        if (c instanceof Constraint.Check ck) {
            return name + "CHECK (" + ck.expression() + ")";
        }
        var fk = (Constraint.ForeignKey) c;
        return name + "FOREIGN KEY (" + columns(fk.columns()) + ") " + referencesSql(fk);
    }

    /** SQLite's references name the table bare: a foreign key cannot leave its database. */
    String referencesSql(Constraint.ForeignKey fk) {
        var sql = new StringBuilder("REFERENCES ").append(q(fk.referredTable().name())).append(" (")
                .append(columns(fk.referredColumns())).append(')');
        if (fk.onDelete() != null) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        if (fk.deferrable() != null) {
            sql.append(fk.deferrable() == Constraint.Deferrable.INITIALLY_DEFERRED
                    ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE");
        }
        return sql.toString();
    }

    private String columns(List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }

    private String q(String name) {
        return dialect.quote(name);
    }
}
