package dev.retort.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A type by its database name, written into the DDL as given: {@code tsvector}, {@code citext},
 * {@code inet}, a PostgreSQL domain ({@code public.email_address}), or on SQLite the declared
 * name a schema already has ({@code DATETIME}). A dialect may get a name of its own:
 * {@code named("tsvector").on("sqlite", "TEXT")}.
 *
 * @param name the type for every dialect without a name of its own
 * @param variants by dialect name ({@code postgresql}, {@code sqlite})
 */
public record NamedType(String name, Map<String, String> variants) implements SqlType {

    public NamedType {
        check(name);
        variants.forEach((dialect, type) -> {
            Names.check(dialect, "dialect name");
            check(type);
        });
        // Sorted, so a migration's checksum does not depend on the order the names were given.
        variants = Collections.unmodifiableMap(new TreeMap<>(variants));
    }

    private static void check(String type) {
        Objects.requireNonNull(type, "type name");
        if (type.isBlank() || type.chars().anyMatch(c -> Names.isControl((char) c)) || type.contains(";")) {
            throw new IllegalArgumentException("'" + type.replaceAll("\\p{Cntrl}", "?") + "' is not a type name");
        }
    }

    /** The dialects a type can be named for; a misspelt one would silently never apply. */
    public static final java.util.Set<String> DIALECTS = java.util.Set.of("mysql", "postgresql", "sqlite");

    /**
     * The dialect's name as Retort spells it: {@code mariadb} is {@code mysql}, the one dialect
     * both servers share (as SQLAlchemy's {@code mysql_*} options serve both).
     */
    public static String dialectName(String name) {
        return "mariadb".equals(name) ? "mysql" : name;
    }

    /** The same type, named {@code type} on {@code dialect}. */
    public NamedType on(String given, String type) {
        String dialect = dialectName(given);
        if (!DIALECTS.contains(dialect)) {
            throw new IllegalArgumentException("named(\"" + name + "\").on(\"" + dialect + "\", ...): no dialect is called "
                    + dialect + "; use " + String.join(" or ", new java.util.TreeSet<>(DIALECTS)));
        }
        var all = new TreeMap<>(variants);
        all.put(dialect, type);
        return new NamedType(name, all);
    }

    /** The name for this dialect. */
    public String nameFor(String dialect) {
        return variants.getOrDefault(dialect, name);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.named(this);
    }
}
