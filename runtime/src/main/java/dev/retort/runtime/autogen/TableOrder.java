package dev.retort.runtime.autogen;

import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tables in the order their foreign keys need: a referred table before the tables that refer to
 * it. A cycle is broken at the first table by name; the keys that close it are {@link #deferred}
 * and must be added after both tables exist (and dropped before either goes).
 *
 * @param tables the tables, referred ones first
 * @param deferred the foreign keys (by table) that point forward in that order
 */
record TableOrder(List<TableInfo> tables, Map<String, List<ForeignKeyInfo>> deferred) {

    static TableOrder of(List<TableInfo> tables) {
        Map<String, TableInfo> remaining = new TreeMap<>();
        tables.forEach(t -> remaining.put(t.name(), t));
        var ordered = new ArrayList<TableInfo>();
        Set<String> placed = new LinkedHashSet<>();
        var deferred = new TreeMap<String, List<ForeignKeyInfo>>();
        while (!remaining.isEmpty()) {
            TableInfo next = remaining.values().stream().filter(t -> waitsFor(t, remaining.keySet()).isEmpty())
                    .findFirst().orElse(null);
            if (next == null) {
                next = remaining.values().iterator().next();
                List<ForeignKeyInfo> forward = waitsFor(next, remaining.keySet());
                deferred.put(next.name(), forward);
            }
            remaining.remove(next.name());
            placed.add(next.name());
            ordered.add(next);
        }
        return new TableOrder(ordered, deferred);
    }

    /** The keys of {@code table} to other tables still to be placed (a key to itself needs no wait). */
    private static List<ForeignKeyInfo> waitsFor(TableInfo table, Set<String> unplaced) {
        return table.foreignKeys().stream()
                .filter(fk -> !fk.referredTable().equals(table.name()) && unplaced.contains(fk.referredTable())).toList();
    }

    List<ForeignKeyInfo> deferredOf(String table) {
        return deferred.getOrDefault(table, List.of());
    }
}
