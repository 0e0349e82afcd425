package dev.retort.spring;

import dev.retort.runtime.Retort;

/**
 * Replaces what the start does with the configured {@link Retort} (an upgrade to
 * {@code spring.retort.target}, or the {@code fail-on-pending} check), as Spring Boot's
 * {@code FlywayMigrationStrategy} does for Flyway. It runs at the same moment: before JPA, jOOQ
 * and JdbcTemplate are created.
 *
 * <pre>{@code
 * @Bean
 * RetortMigrationStrategy validateThenUpgrade() {
 *     return retort -> {
 *         retort.validate();
 *         retort.upgrade("heads");
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

    void migrate(Retort retort);
}
