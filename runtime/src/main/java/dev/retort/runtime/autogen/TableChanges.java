package dev.retort.runtime.autogen;

import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.Change;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.SetTableComment;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The changes to a table both catalogs have, in three passes {@link SchemaDiff} interleaves with
 * the rest: drops of what goes or changes (constraints, indexes, foreign keys), then columns and
 * new constraints and indexes, then new foreign keys. A constraint is the same on both sides when
 * its definition is and its names do not disagree (SQLite keeps no name for many).
 */
final class TableChanges {

    private final CatalogOps from;
    private final CatalogOps to;
    private final CatalogDiff.Equivalence equivalence;

    TableChanges(CatalogOps from, CatalogOps to, CatalogDiff.Equivalence equivalence) {
        this.from = from;
        this.to = to;
        this.equivalence = equivalence;
    }

    void dropsFirst(TableInfo had, TableInfo wanted, List<Difference> changes) {
        TableName table = TableName.of(had.name());
        for (Constraint c : unmatched(table, foreignKeys(from, had), foreignKeys(to, wanted))) {
            changes.add(Difference.of(dropConstraint(table, c)));
        }
        for (CreateIndex index : unmatchedIndexes(indexes(from, had), indexes(to, wanted))) {
            changes.add(Difference.of(new DropIndex(index.name(), table, index, false, false)));
        }
        for (Constraint c : unmatched(table, keys(from, had), keys(to, wanted))) {
            changes.add(Difference.of(dropConstraint(table, c)));
        }
    }

    void inPlace(TableInfo had, TableInfo wanted, List<Difference> changes) {
        TableName table = TableName.of(had.name());
        var added = wanted.columns().stream().filter(c -> had.column(c.name()).isEmpty()).toList();
        var dropped = had.columns().stream().filter(c -> wanted.column(c.name()).isEmpty()).toList();
        for (ColumnInfo column : added) {
            ColumnDef definition = to.column(wanted, column);
            var notes = new ArrayList<String>();
            for (ColumnInfo gone : dropped) {
                if (gone.type().equals(column.type())) {
                    notes.add("column " + gone.name() + " goes and " + column.name() + " comes with the same type: if it is"
                            + " a rename, write op.renameColumn(\"" + had.name() + "\", \"" + gone.name() + "\", \""
                            + column.name() + "\") instead, which keeps the data");
                }
            }
            if (!column.nullable() && column.defaultValue() == null && !column.identity()) {
                notes.add("NOT NULL without a default: fails on a table that has rows; give a server default first");
            }
            changes.add(new Difference(new AddColumn(table, definition), notes));
        }
        for (ColumnInfo column : wanted.columns()) {
            had.column(column.name()).ifPresent(old -> alter(had, old, wanted, column, changes));
        }
        for (ColumnInfo column : dropped) {
            changes.add(Difference.of(new DropColumn(table, column.name(), from.column(had, column)),
                    "drops column " + had.name() + "." + column.name() + " and the data in it"));
        }
        if (!Objects.equals(had.comment(), wanted.comment())) {
            changes.add(Difference.of(
                    new SetTableComment(table, Change.of(had.comment(), wanted.comment()))));
        }
        for (Constraint c : unmatched(table, keys(to, wanted), keys(from, had))) {
            changes.add(Difference.of(new AddConstraint(table, c)));
        }
        for (CreateIndex index : unmatchedIndexes(indexes(to, wanted), indexes(from, had))) {
            changes.add(Difference.of(index));
        }
    }

    void foreignKeysLast(TableInfo had, TableInfo wanted, List<Difference> changes) {
        TableName table = TableName.of(had.name());
        for (Constraint c : unmatched(table, foreignKeys(to, wanted), foreignKeys(from, had))) {
            changes.add(Difference.of(new AddConstraint(table, c)));
        }
    }

    private void alter(TableInfo table, ColumnInfo old, TableInfo wantedTable, ColumnInfo wanted,
            List<Difference> changes) {
        ColumnDef before = from.column(table, old);
        ColumnDef after = to.column(wantedTable, wanted);
        // Exact: both sides are read from what this Retort renders, so a type an older build wrote for the same is no excuse.
        boolean typeChanged = !old.type().equals(wanted.type());
        boolean nullChanged = old.nullable() != wanted.nullable();
        boolean defaultChanged = !(equivalence.sameDefault(old.defaultValue(), wanted.defaultValue())
                || equivalence.sameDefault(wanted.defaultValue(), old.defaultValue()));
        boolean commentChanged = !Objects.equals(old.comment(), wanted.comment());
        if (!typeChanged && !nullChanged && !defaultChanged && !commentChanged) {
            return;
        }
        var notes = new ArrayList<String>();
        if (typeChanged && Narrowing.loses(before.type(), after.type())) {
            notes.add("narrows " + table.name() + "." + old.name() + " from " + before.type().describe() + " to "
                    + after.type().describe() + ": values that do not fit make it fail, or lose precision");
        }
        if (nullChanged && !wanted.nullable()) {
            notes.add("fails while a row holds NULL in " + table.name() + "." + old.name());
        }
        ServerDefault oldDefault = before.serverDefault();
        changes.add(new Difference(new AlterColumn(TableName.of(table.name()), old.name(),
                typeChanged ? Change.<SqlType>of(before.type(), after.type()) : null, null,
                nullChanged ? Change.of(old.nullable(), wanted.nullable()) : null,
                defaultChanged ? Change.of(oldDefault, after.serverDefault()) : null,
                commentChanged ? Change.of(old.comment(), wanted.comment()) : null), notes));
    }

    /** As the DSL records {@code dropConstraint(table, name, definition)}: the name on the op, not in the definition. */
    static DropConstraint dropConstraint(TableName table, Constraint c) {
        return new DropConstraint(table, c.name(), c.name() == null ? c : c.withName(null), false);
    }

    private static List<Constraint> keys(CatalogOps side, TableInfo table) {
        var keys = new ArrayList<Constraint>();
        if (table.primaryKey() != null) {
            keys.add(side.primaryKey(table));
        }
        table.uniques().forEach(u -> keys.add(side.unique(table, u)));
        table.checks().forEach(c -> keys.add(side.check(table, c)));
        return keys;
    }

    private static List<Constraint> foreignKeys(CatalogOps side, TableInfo table) {
        return table.foreignKeys().stream().map(fk -> (Constraint) side.foreignKey(table, fk)).toList();
    }

    private static List<CreateIndex> indexes(CatalogOps side, TableInfo table) {
        return table.indexes().stream().map(i -> side.createIndex(table, i)).toList();
    }

    /** The constraints of {@code these} that none of {@code those} matches. */
    private List<Constraint> unmatched(TableName table, List<Constraint> these, List<Constraint> those) {
        var left = new ArrayList<>(those);
        var result = new ArrayList<Constraint>();
        for (Constraint c : these) {
            Constraint match = left.stream().filter(o -> sameConstraint(c, o, table)).findFirst().orElse(null);
            if (match == null) {
                result.add(c);
            } else {
                left.remove(match);
            }
        }
        return result;
    }

    private boolean sameConstraint(Constraint a, Constraint b, TableName table) {
        String aName = a.name();
        String bName = b.name();
        if (from.reader().keepsEveryConstraintName() && (aName == null) != (bName == null)) {
            // No name here means the convention's: where the catalog keeps every name, that one is known.
            aName = from.conventionalName(a, table);
            bName = from.conventionalName(b, table);
        }
        if (aName != null && bName != null && !aName.equals(bName)) {
            return false;
        }
        if (a instanceof Constraint.Check x && b instanceof Constraint.Check y) {
            return equivalence.check(x.expression()).equals(equivalence.check(y.expression()));
        }
        return a.getClass() == b.getClass() && a.withName(null).equals(b.withName(null));
    }

    private static List<CreateIndex> unmatchedIndexes(List<CreateIndex> these, List<CreateIndex> those) {
        return these.stream().filter(i -> !those.contains(i)).toList();
    }
}
