package dev.retort.runtime.model;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A kind of model that makes its schema in a scratch database, where Retort's introspection reads
 * it back: {@code model=<scheme>:<spec>}. Retort knows {@code class:} and {@code url:}; others
 * are found with {@link java.util.ServiceLoader} on the class path that holds the model, so a
 * heavy one (JPA through Hibernate, in {@code retort-hibernate}) costs nothing to those who do
 * not use it.
 */
public interface ModelSource {

    /** The prefix before the first {@code :} of a model setting ({@code jpa}). */
    String scheme();

    /**
     * Creates the model's tables, indexes, types, sequences and views in {@code context}'s
     * connection: in its current schema on PostgreSQL, in its main database on SQLite.
     *
     * @param spec what follows {@code <scheme>:}
     * @throws dev.retort.RetortException {@code BAD_CONFIGURATION} when the spec names nothing
     *     usable, with a message that names it and says what to do
     */
    void create(String spec, Context context) throws SQLException;

    /**
     * Where to build a model.
     *
     * @param classes the class loader holding the model's classes (the {@code --classpath})
     * @param connection an empty scratch database of the target's dialect
     * @param dialect {@code postgresql} or {@code sqlite}
     * @param settings the {@code model.*} keys of {@code retort.properties}, prefix removed
     *     ({@code model.hibernate.physical_naming_strategy} is {@code hibernate.physical_naming_strategy})
     */
    record Context(ClassLoader classes, Connection connection, String dialect, Map<String, String> settings) {
        public Context {
            settings = Map.copyOf(settings);
        }
    }
}
