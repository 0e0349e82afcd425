package dev.retort.op;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The SQL of an {@link Execute}: the same text for every database, text per dialect, or SQL built
 * for the dialect at hand (as the runtime's jOOQ support builds it).
 */
public sealed interface SqlText permits SqlText.Plain, SqlText.Built {

    /**
     * The statement for a dialect ({@code postgresql} or {@code sqlite}), or {@code null} when
     * this SQL has none for it (it was given for other dialects {@link #only only}).
     */
    String forDialect(String dialect);

    /** A short form for messages. */
    String shown();

    static Plain of(String sql) {
        return new Plain(sql, Map.of());
    }

    /**
     * @param sql for every dialect without a variant, or {@code null} when only the variants apply
     * @param variants by dialect name
     */
    record Plain(String sql, Map<String, String> variants) implements SqlText {
        public Plain {
            if (sql != null && sql.isBlank()) {
                throw new IllegalArgumentException("execute needs a SQL statement");
            }
            if (sql == null && variants.isEmpty()) {
                throw new IllegalArgumentException("execute needs a SQL statement, or one per dialect");
            }
            variants.values().forEach(v -> {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("a dialect's statement must not be empty");
                }
            });
            // Sorted, so the checksum of the op does not depend on the order variants were given.
            variants = Collections.unmodifiableMap(new TreeMap<>(variants));
        }

        @Override
        public String forDialect(String dialect) {
            String variant = variants.get(dialect);
            return variant != null ? variant : sql;
        }

        @Override
        public String shown() {
            return sql != null ? sql : variants.values().iterator().next();
        }

        /** The same statement with this dialect's own text. */
        public Plain on(String dialect, String dialectSql) {
            var all = new TreeMap<>(variants);
            all.put(dialect, dialectSql);
            return new Plain(sql, all);
        }
    }

    /**
     * A statement for one dialect only: on the others the op does nothing, unless they get their
     * own with {@code on(...)}.
     */
    static Plain only(String dialect, String sql) {
        return new Plain(null, Map.of(dialect, sql));
    }

    /**
     * SQL built per dialect by code. {@code canonical} stands for it in checksums and messages,
     * so it must not change unless the statement does.
     */
    record Built(String canonical, Function<String, String> builder) implements SqlText {
        public Built {
            Objects.requireNonNull(canonical, "canonical");
            Objects.requireNonNull(builder, "builder");
        }

        @Override
        public String forDialect(String dialect) {
            return builder.apply(dialect);
        }

        @Override
        public String shown() {
            return canonical;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Built b && b.canonical.equals(canonical);
        }

        @Override
        public int hashCode() {
            return canonical.hashCode();
        }

        @Override
        public String toString() {
            return "Built[" + canonical + "]";
        }
    }
}
