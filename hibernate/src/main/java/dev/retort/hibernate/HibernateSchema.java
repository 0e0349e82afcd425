package dev.retort.hibernate;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.model.ModelSource;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.spi.CommandAcceptanceException;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's schema creation, run once on the caller's connection: the metadata of the mapped
 * classes, then the create action of Hibernate's own schema tool with the database as its target.
 * Hibernate 7 no longer has {@code SchemaExport}; the coordinator it replaced it with is what
 * {@code jakarta.persistence.schema-generation.database.action=create-only} runs.
 */
final class HibernateSchema {

    /**
     * Hibernate's dialect for each of Retort's. PostgreSQL's and MySQL's are left for Hibernate to
     * find from the connection, as it does, version and MariaDB or MySQL included: naming one of its own dialects in
     * {@code hibernate.dialect} earns a deprecation warning (HHH90000025) on every run. SQLite's is
     * ours, hibernate-community-dialects' with the foreign keys and unique constraints it leaves out;
     * given as the class, which this module's loader has whatever the model's loader holds.
     */
    private static final Map<String, Optional<Class<?>>> HIBERNATE_DIALECTS = Map.of(
            "postgresql", Optional.empty(),
            "mysql", Optional.empty(),
            "sqlite", Optional.of(RetortSQLiteDialect.class));

    private HibernateSchema() {
    }

    /** Whether Hibernate has a dialect for Retort's {@code dialect}. */
    static boolean supports(String dialect) {
        return HIBERNATE_DIALECTS.containsKey(dialect);
    }

    /**
     * Creates the tables, sequences and constraints of {@code classes} in the context's connection.
     *
     * @param model the model setting, for messages
     */
    static void create(List<Class<?>> classes, ModelSource.Context context, String model) throws SQLException {
        Map<String, Object> settings = settings(context);
        // Only the class loader reaches Hibernate this way in a native bootstrap: the
        // hibernate.classLoaders setting is read by the JPA bootstrap alone.
        var bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(context.classes()).build();
        StandardServiceRegistry registry;
        try {
            // clearSettings: a hibernate.properties on the user's class path would otherwise join in, with
            // whatever connection URL or schema action it names; model.* in retort.properties is the one place.
            registry = new StandardServiceRegistryBuilder(bootstrap).clearSettings().applySettings(settings).build();
        } catch (PersistenceException e) {
            BootstrapServiceRegistryBuilder.destroy(bootstrap);
            throw rejected(model, "the settings", e);
        }
        try {
            Metadata metadata = metadata(registry, classes, model);
            ExecutionOptions options = SchemaManagementToolCoordinator.buildExecutionOptions(settings,
                    // Halt on the first refused statement, as an exception; Hibernate's default logs and goes on.
                    failure -> {
                        throw refused(model, failure);
                    });
            SchemaManagementToolCoordinator.performDatabaseAction(Action.CREATE_ONLY, metadata,
                    registry.requireService(SchemaManagementTool.class), registry, options, ContributableMatcher.ALL);
        } catch (PersistenceException e) {
            throw rejected(model, "the schema", e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static Map<String, Object> settings(ModelSource.Context context) {
        var settings = new HashMap<String, Object>();
        HIBERNATE_DIALECTS.get(context.dialect()).ifPresent(dialect -> settings.put(AvailableSettings.DIALECT, dialect));
        // The scratch database is read for its schema only; an import.sql of the user's would just add work.
        settings.put(AvailableSettings.HBM2DDL_SKIP_DEFAULT_IMPORT_FILE, "true");
        // The user's settings may replace those above: a dialect subclass with custom types, say.
        settings.putAll(context.settings());
        settings.put(AvailableSettings.CONNECTION_PROVIDER, new BorrowedConnection(context.connection()));
        return settings;
    }

    private static Metadata metadata(StandardServiceRegistry registry, List<Class<?>> classes, String model) {
        var sources = new MetadataSources(registry);
        classes.forEach(sources::addAnnotatedClass);
        try {
            return sources.buildMetadata();
        } catch (PersistenceException e) {
            throw rejected(model, "the mapping", e);
        }
    }

    private static RetortException rejected(String model, String what, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetortException retort) {
                return retort; // ours, thrown from the exception handler through Hibernate's code
            }
        }
        return new RetortException(ErrorCode.BAD_CONFIGURATION, "model " + model + ": Hibernate rejects " + what + ": "
                + oneLine(e.getMessage()) + "; fix the entity or the model.hibernate.* setting it names", e);
    }

    /** A statement the database would not run, named with the database's reason. */
    private static RetortException refused(String model, CommandAcceptanceException e) {
        // Hibernate's message is: Error executing DDL "<statement>" via JDBC [<reason>]
        String message = e.getMessage();
        int start = message.indexOf('"');
        int end = message.lastIndexOf("\" via JDBC");
        String statement = start >= 0 && end > start ? message.substring(start + 1, end) : message;
        String reason = e.getCause() instanceof SQLException sql ? sql.getMessage() : message;
        return new RetortException(ErrorCode.DATABASE_ERROR, "model " + model + ": the database refuses Hibernate's DDL "
                + oneLine(statement) + " (" + oneLine(reason) + "); fix the mapping that asks for it (a columnDefinition, "
                + "a name, a type)", e);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
