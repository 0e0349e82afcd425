package dev.retort.runtime.introspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The differences between two catalogs, as lines for people: what the migrations describe
 * ({@code expected}) against what the database has ({@code actual}).
 */
public final class CatalogDiff {

    /**
     * What a database takes for the same, where its catalog may print one thing two ways: a type
     * name written by another version of Retort, {@code now()} and {@code CURRENT_TIMESTAMP}.
     */
    public interface Equivalence {
        /** Exact comparison. */
        Equivalence EXACT = new Equivalence() { };

        default boolean sameType(String expected, String actual) {
            return Objects.equals(expected, actual);
        }

        default boolean sameDefault(String expected, String actual) {
            return Objects.equals(expected, actual);
        }

        /** A check's expression as compared: the same text for what the database takes for the same. */
        default String check(String expression) {
            return expression;
        }
    }

    /** One line per difference, table by table; the tables named in {@code ignoredTables} are left out. */
    public static List<String> differences(Catalog expected, Catalog actual, Set<String> ignoredTables) {
        return differences(expected, actual, ignoredTables, Equivalence.EXACT);
    }

    /** The same, comparing types and defaults as the database takes them. */
    public static List<String> differences(Catalog expected, Catalog actual, Set<String> ignoredTables,
            Equivalence equivalence) {
        return new CatalogDiff("in the migrations", "in the database", equivalence).diff(expected, actual, ignoredTables);
    }

    /**
     * The same, saying where each side comes from ("in the migrations", "before the upgrade", …).
     */
    public static List<String> differences(Catalog expected, Catalog actual, Set<String> ignoredTables,
            String expectedSide, String actualSide) {
        return new CatalogDiff(expectedSide, actualSide, Equivalence.EXACT).diff(expected, actual, ignoredTables);
    }

    private final String expectedSide;
    private final String actualSide;
    private final Equivalence equivalence;

    private CatalogDiff(String expectedSide, String actualSide, Equivalence equivalence) {
        this.expectedSide = expectedSide;
        this.actualSide = actualSide;
        this.equivalence = equivalence;
    }

    private List<String> diff(Catalog expected, Catalog actual, Set<String> ignoredTables) {
        var lines = new ArrayList<String>();
        Map<String, TableInfo> want = byName(expected.tables(), TableInfo::name, ignoredTables);
        Map<String, TableInfo> have = byName(actual.tables(), TableInfo::name, ignoredTables);
        for (String name : union(want.keySet(), have.keySet())) {
            TableInfo w = want.get(name);
            TableInfo h = have.get(name);
            if (w == null) {
                lines.add("table " + name + " is " + actualSide + " but not " + expectedSide);
            } else if (h == null) {
                lines.add("table " + name + " is " + expectedSide + " but not " + actualSide);
            } else {
                table(name, w, h, lines);
            }
        }
        named("view", expected.views(), actual.views(), Catalog.ViewInfo::name, lines);
        named("enum type", expected.enums(), actual.enums(), Catalog.EnumInfo::name, lines);
        for (String s : union(new LinkedHashSet<>(expected.sequences()), new LinkedHashSet<>(actual.sequences()))) {
            if (!actual.sequences().contains(s)) {
                lines.add("sequence " + s + " is " + expectedSide + " but not " + actualSide);
            } else if (!expected.sequences().contains(s)) {
                lines.add("sequence " + s + " is " + actualSide + " but not " + expectedSide);
            }
        }
        return lines;
    }

    private void table(String table, TableInfo want, TableInfo have, List<String> lines) {
        Map<String, TableInfo.ColumnInfo> wc = byName(want.columns(), TableInfo.ColumnInfo::name, Set.of());
        Map<String, TableInfo.ColumnInfo> hc = byName(have.columns(), TableInfo.ColumnInfo::name, Set.of());
        for (String column : union(wc.keySet(), hc.keySet())) {
            var w = wc.get(column);
            var h = hc.get(column);
            String where = table + "." + column;
            if (w == null) {
                lines.add(where + ": column is " + actualSide + " but not " + expectedSide);
            } else if (h == null) {
                lines.add(where + ": column is " + expectedSide + " but not " + actualSide);
            } else {
                if (!equivalence.sameType(w.type(), h.type())) {
                    differ(where, "type", w.type(), h.type(), lines);
                }
                differ(where, "nullable", w.nullable(), h.nullable(), lines);
                if (!equivalence.sameDefault(w.defaultValue(), h.defaultValue())) {
                    differ(where, "default", w.defaultValue(), h.defaultValue(), lines);
                }
                differ(where, "identity", w.identity(), h.identity(), lines);
            }
        }
        differ(table, "primary key", want.primaryKey(), have.primaryKey(), lines);
        named(table + ": unique constraint", want.uniques(), have.uniques(), k -> k.name() + " " + k.columns(), lines);
        named(table + ": check constraint", want.checks(), have.checks(),
                c -> c.name() + " (" + equivalence.check(c.expression()) + ")", lines);
        named(table + ": foreign key", want.foreignKeys(), have.foreignKeys(), f -> f.name() + " " + f.columns() + " -> "
                + f.referredTable() + f.referredColumns() + " on delete " + f.onDelete() + " on update " + f.onUpdate()
                + (f.deferrable() ? " deferrable" : ""), lines);
        named(table + ": index", want.indexes(), have.indexes(), i -> i.name() + (i.unique() ? " unique " : " ") + i.parts()
                + (i.where() == null ? "" : " where " + i.where()), lines);
        named(table + ": trigger", want.triggers(), have.triggers(), t -> t, lines);
    }

    private void differ(String where, String what, Object want, Object have, List<String> lines) {
        if (!Objects.equals(want, have)) {
            lines.add(where + ": " + what + " is " + shown(want) + " " + expectedSide + ", " + shown(have) + " " + actualSide);
        }
    }

    private static String shown(Object value) {
        if (value instanceof TableInfo.KeyInfo k) {
            return k.columns().toString();
        }
        return value == null ? "none" : value.toString();
    }

    /** Things compared by their whole description: one that differs shows as missing on one side and extra on the other. */
    private <T> void named(String what, List<T> want, List<T> have, Function<T, String> describe, List<String> lines) {
        var w = new LinkedHashSet<String>();
        want.forEach(x -> w.add(describe.apply(x)));
        var h = new LinkedHashSet<String>();
        have.forEach(x -> h.add(describe.apply(x)));
        for (String x : w) {
            if (!h.contains(x)) {
                lines.add(what + " " + x + " is " + expectedSide + " but not " + actualSide);
            }
        }
        for (String x : h) {
            if (!w.contains(x)) {
                lines.add(what + " " + x + " is " + actualSide + " but not " + expectedSide);
            }
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name, Set<String> ignored) {
        var map = new TreeMap<String, T>();
        for (T item : items) {
            if (!ignored.contains(name.apply(item))) {
                map.put(name.apply(item), item);
            }
        }
        return map;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<String>(a);
        all.addAll(b);
        return all;
    }
}
