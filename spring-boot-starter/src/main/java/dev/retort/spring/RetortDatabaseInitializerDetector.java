package dev.retort.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link RetortMigrationInitializer} beans initialize the database, so the
 * beans it knows to use the schema (the JPA EntityManagerFactory, jOOQ's DSLContext,
 * JdbcTemplate, Spring Session's and Quartz's initializers, and any bean marked
 * {@code @DependsOnDatabaseInitialization}) are created after them: Flyway's and Liquibase's
 * mechanism, in {@code org.springframework.boot.sql.init.dependency} on Spring Boot 3.5 and 4.0
 * alike. Registered in {@code META-INF/spring.factories}.
 */
public class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(RetortMigrationInitializer.class);
    }
}
