package dev.retort.runtime.autogen;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateView;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnum;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropView;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.schema.Constraint;
import dev.retort.schema.EnumType;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What turns one catalog ({@code from}: what the migrations make) into another ({@code to}: what
 * the model wants), as ops in an order that runs: types and sequences first; new tables referred
 * ones first; columns, constraints and indexes of the tables both have; foreign keys once both
 * their tables exist; dropped tables referring ones first; types and sequences no column uses
 * any more; views last, after every table they may read. What goes is dropped first, so no
 * foreign key or view stands in the way, and every drop carries its definition, so the reverse of
 * the whole list (a generated migration's downgrade) restores {@code from}.
 */
public final class SchemaDiff {

    private final CatalogOps from;
    private final CatalogOps to;
    private final CatalogDiff.Equivalence equivalence;
    private final TableChanges tableChanges;

    private SchemaDiff(Catalog from, Catalog to, String dialect, NamingConvention naming, CatalogDiff.Equivalence equivalence) {
        this.from = new CatalogOps(from, dialect, naming);
        this.to = new CatalogOps(to, dialect, naming);
        this.equivalence = equivalence;
        this.tableChanges = new TableChanges(this.from, this.to, equivalence);
    }

    /**
     * The changes from {@code from} to {@code to}, leaving out the tables named in {@code ignored}
     * (the version and history tables).
     *
     * @param naming the convention the migrations run with: constraints it names are written unnamed
     */
    public static List<Difference> between(Catalog from, Catalog to, String dialect, NamingConvention naming,
            CatalogDiff.Equivalence equivalence, Set<String> ignored) {
        Catalog a = without(from, ignored);
        Catalog b = without(to, ignored);
        return new SchemaDiff(a, b, dialect, naming, equivalence).changes();
    }

    private List<Difference> changes() {
        Map<String, TableInfo> have = byName(from.catalog().tables(), TableInfo::name);
        Map<String, TableInfo> want = byName(to.catalog().tables(), TableInfo::name);
        var dropped = have.values().stream().filter(t -> !want.containsKey(t.name())).toList();
        var added = want.values().stream().filter(t -> !have.containsKey(t.name())).toList();
        var kept = want.values().stream().filter(t -> have.containsKey(t.name())).toList();

        var changes = new ArrayList<Difference>();
        views(true, changes);
        for (TableInfo table : kept) {
            tableChanges.dropsFirst(have.get(table.name()), table, changes);
        }
        TableOrder droppedOrder = TableOrder.of(dropped);
        for (TableInfo table : droppedOrder.tables()) {
            for (ForeignKeyInfo fk : droppedOrder.deferredOf(table.name())) {
                changes.add(Difference.of(dropForeignKey(from, table, fk)));
            }
        }
        enums(changes);
        sequences(true, changes);
        TableOrder addedOrder = TableOrder.of(added);
        for (TableInfo table : addedOrder.tables()) {
            List<Constraint.ForeignKey> later = addedOrder.deferredOf(table.name()).stream()
                    .map(fk -> to.foreignKey(table, fk)).toList();
            changes.add(Difference.of(to.createTable(table, later)));
            table.indexes().forEach(i -> changes.add(Difference.of(to.createIndex(table, i))));
        }
        for (TableInfo table : kept) {
            tableChanges.inPlace(have.get(table.name()), table, changes);
        }
        for (TableInfo table : addedOrder.tables()) {
            for (ForeignKeyInfo fk : addedOrder.deferredOf(table.name())) {
                changes.add(Difference.of(new AddConstraint(TableName.of(table.name()), to.foreignKey(table, fk))));
            }
        }
        for (TableInfo table : kept) {
            tableChanges.foreignKeysLast(have.get(table.name()), table, changes);
        }
        List<TableInfo> dropOrder = new ArrayList<>(droppedOrder.tables());
        Collections.reverse(dropOrder);
        for (TableInfo table : dropOrder) {
            List<Constraint.ForeignKey> gone = droppedOrder.deferredOf(table.name()).stream()
                    .map(fk -> from.foreignKey(table, fk)).toList();
            CreateTable definition = from.createTable(table, gone);
            var indexes = table.indexes().stream().map(i -> from.createIndex(table, i)).toList();
            for (CreateIndex index : indexes) {
                changes.add(Difference.of(new DropIndex(index.name(), index.table(), index, false, false)));
            }
            changes.add(Difference.of(new DropTable(definition.table(), definition, false, false),
                    "drops table " + table.name() + " and every row in it"));
        }
        sequences(false, changes);
        droppedEnums(changes);
        views(false, changes);
        return changes;
    }

    private static DropConstraint dropForeignKey(CatalogOps side, TableInfo table, ForeignKeyInfo fk) {
        return TableChanges.dropConstraint(TableName.of(table.name()), side.foreignKey(table, fk));
    }

    private void enums(List<Difference> changes) {
        Map<String, Catalog.EnumInfo> have = byName(from.catalog().enums(), Catalog.EnumInfo::name);
        for (Catalog.EnumInfo wanted : to.catalog().enums()) {
            Catalog.EnumInfo had = have.get(wanted.name());
            if (had == null) {
                changes.add(Difference.of(new CreateEnum(new EnumType(TableName.of(wanted.name()), wanted.values()))));
            } else if (!had.values().equals(wanted.values())) {
                enumValues(had, wanted, changes);
            }
        }
    }

    /** New values where they belong; values removed or reordered PostgreSQL cannot change in place, which a note says. */
    private static void enumValues(Catalog.EnumInfo had, Catalog.EnumInfo wanted, List<Difference> changes) {
        List<String> kept = wanted.values().stream().filter(had.values()::contains).toList();
        if (!kept.equals(had.values())) {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, "enum type " + had.name() + " loses or reorders values (" + had.values()
                    + " to " + wanted.values() + "), which PostgreSQL cannot do in place; write that migration by hand"
                    + " (create a new type, convert the columns, drop the old one)");
        }
        var values = new ArrayList<>(had.values());
        for (int i = 0; i < wanted.values().size(); i++) {
            String value = wanted.values().get(i);
            if (!had.values().contains(value)) {
                String after = i == 0 ? null : wanted.values().get(i - 1);
                String before = i == 0 ? values.get(0) : null;
                changes.add(Difference.of(new AddEnumValue(TableName.of(had.name()), value, before, after, false),
                        "PostgreSQL cannot remove an enum value: the downgrade of this op fails; write downgrade() by hand"
                                + " if you need one"));
                values.add(after == null ? 0 : values.indexOf(after) + 1, value);
            }
        }
    }

    private void droppedEnums(List<Difference> changes) {
        Map<String, Catalog.EnumInfo> want = byName(to.catalog().enums(), Catalog.EnumInfo::name);
        for (Catalog.EnumInfo had : from.catalog().enums()) {
            if (!want.containsKey(had.name())) {
                EnumType type = new EnumType(TableName.of(had.name()), had.values());
                changes.add(Difference.of(new DropEnum(type.name(), type, false)));
            }
        }
    }

    private void sequences(boolean create, List<Difference> changes) {
        if (create) {
            to.catalog().sequences().stream().filter(s -> !from.catalog().sequences().contains(s))
                    .forEach(s -> changes.add(Difference.of(new CreateSequence(TableName.of(s), null, null, false))));
        } else {
            from.catalog().sequences().stream().filter(s -> !to.catalog().sequences().contains(s))
                    .forEach(s -> changes.add(Difference.of(new DropSequence(TableName.of(s),
                            new CreateSequence(TableName.of(s), null, null, false), false),
                            "drops sequence " + s + ": it starts again from 1 if the downgrade re-creates it")));
        }
    }

    /** Views that go or change are dropped before the tables change; new and changed ones are made after. */
    private void views(boolean drops, List<Difference> changes) {
        Map<String, Catalog.ViewInfo> have = byName(from.catalog().views(), Catalog.ViewInfo::name);
        Map<String, Catalog.ViewInfo> want = byName(to.catalog().views(), Catalog.ViewInfo::name);
        if (drops) {
            for (Catalog.ViewInfo view : have.values()) {
                Catalog.ViewInfo wanted = want.get(view.name());
                if (wanted == null || !wanted.definition().equals(view.definition())) {
                    TableName name = TableName.of(view.name());
                    changes.add(Difference.of(new DropView(name, new CreateView(name, view.definition(), false, null), false)));
                }
            }
        } else {
            for (Catalog.ViewInfo view : want.values()) {
                Catalog.ViewInfo had = have.get(view.name());
                if (had == null || !had.definition().equals(view.definition())) {
                    changes.add(Difference.of(new CreateView(TableName.of(view.name()), view.definition(), false, null)));
                }
            }
        }
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        var map = new TreeMap<String, T>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }

    private static Catalog without(Catalog catalog, Set<String> ignored) {
        return new Catalog(catalog.tables().stream().filter(t -> !ignored.contains(t.name())).toList(), catalog.views(),
                catalog.enums(), catalog.sequences());
    }

}
