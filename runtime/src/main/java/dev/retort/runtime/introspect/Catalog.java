package dev.retort.runtime.introspect;

import java.util.List;
import java.util.Optional;

/**
 * One schema as its database's catalog describes it, read with direct catalog queries (jOOQ's
 * {@code meta()} misses CHECK constraints and foreign-key actions, loses partial-index predicates
 * on SQLite, and is orders of magnitude slower on large schemas).
 *
 * @param enums PostgreSQL's enum types (none on SQLite)
 * @param sequences sequences that no column owns (none on SQLite)
 */
public record Catalog(List<TableInfo> tables, List<ViewInfo> views, List<EnumInfo> enums, List<String> sequences) {

    public Catalog {
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        enums = List.copyOf(enums);
        sequences = List.copyOf(sequences);
    }

    public Optional<TableInfo> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<ViewInfo> view(String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<EnumInfo> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** A view and the query it runs, as the database prints it. */
    public record ViewInfo(String name, String definition) {
    }

    /** An enum type and its values in their order. */
    public record EnumInfo(String name, List<String> values) {
        public EnumInfo {
            values = List.copyOf(values);
        }
    }
}
