package dev.retort.samples.todo;

import dev.retort.runtime.jdbc.DatabaseUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code DATABASE_URL} as the seed's {@code .env} has it ({@code postgresql+asyncpg://user:password@host:5432/database};
 * Retort's {@link DatabaseUrl} reads the {@code +asyncpg} form as PostgreSQL, the async driver was Python's business)
 * made the application's {@code spring.datasource.*}; without it, an SQLite file, {@value #DEFAULT}. These are the
 * lowest-priority properties: {@code spring.datasource.url} given anywhere else wins.
 */
public final class DatabaseUrlEnvironment implements EnvironmentPostProcessor {

    /** Where the application keeps its data when {@code DATABASE_URL} is not set: todo.db in the working directory. */
    public static final String DEFAULT = "sqlite:///todo.db";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("DATABASE_URL");
        DatabaseUrl database = DatabaseUrl.parse(url == null || url.isBlank() ? DEFAULT : url);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        if (database.user() != null) {
            properties.put("spring.datasource.username", database.user());
        }
        if (database.password() != null) {
            properties.put("spring.datasource.password", database.password());
        }
        database.secrets().forEach((name, value) ->
                properties.put("spring.datasource.hikari.data-source-properties." + name, value));
        if (database.kind() == DatabaseUrl.Kind.SQLITE) {
            properties.put("spring.jpa.database-platform", TodoSQLiteDialect.class.getName());
            // The migrations keep a UUID as TEXT on SQLite (Hibernate's default there is a BLOB).
            properties.put("spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type", "VARCHAR");
            // CURRENT_TIMESTAMP's text, which created_at and updated_at default to.
            properties.put("spring.datasource.hikari.data-source-properties.date_string_format", "yyyy-MM-dd HH:mm:ss");
            // One writer at a time: SQLite locks the file.
            properties.put("spring.datasource.hikari.maximum-pool-size", "1");
        }
        environment.getPropertySources().addLast(new MapPropertySource("DATABASE_URL", properties));
    }
}
