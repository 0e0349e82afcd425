package dev.retort.runtime.autogen;

import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.IndexPart;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.CheckInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * One catalog's tables as the ops that make them: the definitions a migration would write. A
 * constraint keeps its catalog name unless the naming convention gives it that name anyway (or the
 * database keeps none), so the written migration reads as a person would write it.
 */
final class CatalogOps {

    private final Catalog catalog;
    private final CatalogReader reader;
    private final NamingConvention naming;

    CatalogOps(Catalog catalog, String dialect, NamingConvention naming) {
        this.catalog = catalog;
        this.reader = CatalogReader.of(dialect);
        this.naming = naming;
    }

    /** The name the naming convention gives the constraint, or {@code null} where the database names it. */
    String conventionalName(Constraint constraint, TableName table) {
        return constraint.name() != null ? constraint.name() : naming.name(constraint, table);
    }

    Catalog catalog() {
        return catalog;
    }

    CatalogReader reader() {
        return reader;
    }

    /** The table without its foreign keys to {@code deferred} tables (added once those exist). */
    CreateTable createTable(TableInfo table, List<Constraint.ForeignKey> leaveOut) {
        var columns = new ArrayList<ColumnDef>();
        for (ColumnInfo column : table.columns()) {
            columns.add(column(table, column));
        }
        var constraints = new ArrayList<Constraint>();
        if (table.primaryKey() != null) {
            constraints.add(primaryKey(table));
        }
        table.uniques().forEach(u -> constraints.add(unique(table, u)));
        table.checks().forEach(c -> constraints.add(check(table, c)));
        for (ForeignKeyInfo fk : table.foreignKeys()) {
            Constraint.ForeignKey key = foreignKey(table, fk);
            if (!leaveOut.contains(key)) {
                constraints.add(key);
            }
        }
        return new CreateTable(TableName.of(table.name()), columns, constraints, table.comment(), false);
    }

    ColumnDef column(TableInfo table, ColumnInfo column) {
        SqlType type = reader.type(column.type(), catalog);
        ServerDefault serverDefault = reader.serverDefault(column.defaultValue(), table.name(), column);
        boolean identity = column.identity() && type.isInteger();
        return new ColumnDef(column.name(), type, column.nullable(), false, identity, false, identity ? null : serverDefault,
                null, column.comment());
    }

    Constraint.PrimaryKey primaryKey(TableInfo table) {
        KeyInfo pk = table.primaryKey();
        return (Constraint.PrimaryKey) named(new Constraint.PrimaryKey(null, pk.columns()), pk.name(), table);
    }

    Constraint.Unique unique(TableInfo table, KeyInfo key) {
        return (Constraint.Unique) named(new Constraint.Unique(null, key.columns()), key.name(), table);
    }

    Constraint.Check check(TableInfo table, CheckInfo check) {
        return (Constraint.Check) named(new Constraint.Check(null, check.expression()), check.name(), table);
    }

    Constraint.ForeignKey foreignKey(TableInfo table, ForeignKeyInfo fk) {
        Constraint.Deferrable deferrable = !fk.deferrable() ? null
                : fk.initiallyDeferred() ? Constraint.Deferrable.INITIALLY_DEFERRED : Constraint.Deferrable.INITIALLY_IMMEDIATE;
        var key = new Constraint.ForeignKey(null, fk.columns(), TableName.of(fk.referredTable()), fk.referredColumns(),
                action(fk.onDelete()), action(fk.onUpdate()), deferrable);
        return (Constraint.ForeignKey) named(key, fk.name(), table);
    }

    CreateIndex createIndex(TableInfo table, IndexInfo index) {
        List<IndexPart> parts = index.parts().stream().map(p -> reader.indexPart(p, table)).toList();
        return new CreateIndex(index.name(), TableName.of(table.name()), parts, index.unique(), index.where(), false, false);
    }

    /** The constraint with its catalog name, or none where the convention (or the database) names it so. */
    private Constraint named(Constraint unnamed, String catalogName, TableInfo table) {
        String conventional = naming.name(unnamed, TableName.of(table.name()));
        if (catalogName == null || catalogName.equals(conventional)
                || conventional == null && catalogName.equals(reader.databaseName(unnamed, table.name()))) {
            return unnamed;
        }
        return unnamed.withName(catalogName);
    }

    private static ReferentialAction action(String sql) {
        if (sql == null || sql.equals("NO ACTION")) {
            return null;
        }
        for (ReferentialAction action : ReferentialAction.values()) {
            if (action.sql().equals(sql)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown referential action " + sql);
    }
}
