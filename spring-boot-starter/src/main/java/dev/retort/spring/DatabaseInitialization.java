package dev.retort.spring;

import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Imports Spring Boot's configurer that makes the beans which use the schema depend on the beans
 * that {@link RetortDatabaseInitializerDetector} (and Flyway's, Liquibase's, the SQL scripts')
 * detects. Apart from {@link RetortAutoConfiguration} so that its class is loaded only once the
 * auto-configuration's conditions found it.
 */
@Configuration(proxyBeanMethods = false)
@Import(DatabaseInitializationDependencyConfigurer.class)
class DatabaseInitialization {
}
