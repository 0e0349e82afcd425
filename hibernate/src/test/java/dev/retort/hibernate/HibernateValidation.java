package dev.retort.hibernate;

import dev.retort.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * What an application's Hibernate runs at start with {@code hibernate.hbm2ddl.auto=validate}
 * (Spring's {@code ddl-auto=validate}): every entity's table, column, column type and sequence
 * looked up in the database, a {@link org.hibernate.tool.schema.spi.SchemaManagementException}
 * naming the first that is missing or of another type.
 */
final class HibernateValidation {

    private HibernateValidation() {
    }

    /**
     * Validates the database against the entities of {@code packages}, on SQLite with
     * {@link RetortSQLiteDialect}: with the community dialect Hibernate's validation rejects even the
     * schema Hibernate creates (see {@code SqliteModelTest}).
     */
    static void validate(TestDatabase db, List<String> packages) throws SQLException {
        validate(db, packages, RetortSQLiteDialect.class.getName());
    }

    /** The same with {@code sqliteDialect} as the application's dialect on SQLite. */
    static void validate(TestDatabase db, List<String> packages, String sqliteDialect) throws SQLException {
        List<Class<?>> classes = ModelClasses.find(HibernateValidation.class.getClassLoader(), packages, "validation");
        try (Connection c = db.connect()) {
            var settings = new HashMap<String, Object>();
            settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
            settings.put(AvailableSettings.CONNECTION_PROVIDER, new BorrowedConnection(c));
            if (db.kind() == TestDatabase.Kind.SQLITE) {
                settings.put(AvailableSettings.DIALECT, sqliteDialect);
            } else {
                settings.put(AvailableSettings.DEFAULT_SCHEMA, db.schema());
            }
            QuietLogging quiet = QuietLogging.during();
            var registry = new StandardServiceRegistryBuilder().clearSettings().applySettings(settings).build();
            try {
                var sources = new MetadataSources(registry);
                classes.forEach(sources::addAnnotatedClass);
                // What building the SessionFactory runs for hbm2ddl.auto; the rest of the factory adds nothing here.
                SchemaManagementToolCoordinator.process(sources.buildMetadata(), registry, settings, action -> {
                });
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
                quiet.restore();
            }
        }
    }
}
