package dev.retort.spring;

import dev.retort.runtime.Retort;
import dev.retort.runtime.StepListener;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's database at start: a {@link Retort} bean configured from
 * {@code spring.retort.*} and a {@link RetortMigrationInitializer} that runs it, ordered before
 * every bean that uses the schema by Spring Boot's database-initialization dependencies.
 *
 * <p>Spring Boot 4 moved the JDBC, JPA and JdbcTemplate auto-configurations into modules of their
 * own, with new packages; this class names both spellings by string, so one jar serves both lines.
 */
@AutoConfiguration(afterName = {
        // Spring Boot 3.5
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        // Spring Boot 4.0
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(value = Retort.class,
        // spring-boot on 3.5, spring-boot-sql (which every JDBC application has) on 4.0
        name = "org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer")
@ConditionalOnProperty(prefix = "spring.retort", name = "enabled", matchIfMissing = true)
@Conditional(RetortAutoConfiguration.DataSourceOrUrl.class)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitialization.class)
public class RetortAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Retort retort(RetortProperties properties, ObjectProvider<DataSource> dataSource, ResourceLoader resourceLoader,
            ApplicationEventPublisher publisher, ObjectProvider<StepListener> listeners) {
        var built = new AtomicReference<Retort>();
        var listener = new EventPublishingListener(publisher, listeners.orderedStream().toList(), built::get);
        // The application's class loader (devtools' restart loader, a launcher's), never the starter's own.
        Retort retort = RetortFactory.create(properties, dataSource::getIfUnique, resourceLoader.getClassLoader(), listener);
        built.set(retort);
        return retort;
    }

    @Bean
    @ConditionalOnMissingBean
    public RetortMigrationInitializer retortMigrationInitializer(Retort retort, RetortProperties properties,
            ObjectProvider<RetortMigrationStrategy> strategy) {
        return new RetortMigrationInitializer(retort, strategy.getIfAvailable(() -> RetortMigrationInitializer
                .defaultStrategy(RetortFactory.target(properties), properties.isFailOnPending())));
    }

    /** A DataSource bean to migrate, or {@code spring.retort.url}. */
    static final class DataSourceOrUrl extends AnyNestedCondition {

        DataSourceOrUrl() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "spring.retort", name = "url")
        static final class Url {
        }
    }
}
