package dev.retort.spring;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.MigrationIndex;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortConfig;
import dev.retort.runtime.StepListener;
import dev.retort.runtime.TransactionMode;
import dev.retort.schema.NamingConvention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Turns {@link RetortProperties} into a {@link Retort}, checking each value once: a wrong one is
 * a {@link RetortException} of one line that names the property, before any connection.
 */
final class RetortFactory {

    private static final String PREFIX = "spring.retort.";

    private RetortFactory() {
    }

    static Retort create(RetortProperties properties, Supplier<DataSource> dataSource, ClassLoader classLoader,
            StepListener listener) {
        RetortConfig.Builder builder = Retort.configure()
                .classLoader(classLoader)
                .listener(listener)
                .versionTable(nonEmpty("version-table", properties.getVersionTable()))
                .lockTimeout(properties.getLockTimeout())
                .transactionMode(transactionMode(properties.getTransactionMode()))
                .namingConvention(namingConvention(properties.getNamingConvention()))
                .strict(properties.isStrict());
        if (properties.getOnlineSafe() != null) {
            if (properties.getOnlineSafe().isNegative() || properties.getOnlineSafe().toMillis() < 1) {
                throw bad("online-safe", "the lock_timeout must be at least 1 ms, not " + properties.getOnlineSafe()
                        .toMillis() + "ms; leave it unset for the plain rendering");
            }
            builder.onlineSafe(properties.getOnlineSafe());
        }
        if (!properties.getIndexes().isEmpty()) {
            builder.indexes(indexes(properties.getIndexes(), classLoader));
        }
        if (properties.getUrl() != null) {
            builder.url(nonEmpty("url", properties.getUrl())).user(properties.getUser()).password(properties.getPassword());
        } else {
            if (properties.getUser() != null || properties.getPassword() != null) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, "spring.retort.user and spring.retort.password go with spring.retort.url; set it too,"
                        + " or leave them out to migrate through the application's DataSource");
            }
            DataSource ds = dataSource.get();
            if (ds == null) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, "the application has several DataSources and none"
                        + " is @Primary: mark one @Primary, or set spring.retort.url");
            }
            builder.dataSource(ds);
        }
        try {
            return builder.build();
        } catch (RetortException e) {
            throw new RetortException(e.code(), "spring.retort: " + e.getMessage(), e);
        }
    }

    static String target(RetortProperties properties) {
        return nonEmpty("target", properties.getTarget());
    }

    private static TransactionMode transactionMode(String value) {
        for (TransactionMode mode : TransactionMode.values()) {
            if (mode.label().equals(value)) {
                return mode;
            }
        }
        throw bad("transaction-mode", "'" + value + "' is not one of " + Arrays.stream(TransactionMode.values())
                .map(TransactionMode::label).collect(Collectors.joining(", ")));
    }

    private static NamingConvention namingConvention(String value) {
        try {
            return NamingConvention.named(nonEmpty("naming-convention", value));
        } catch (IllegalArgumentException e) {
            throw bad("naming-convention", e.getMessage());
        }
    }

    private static List<MigrationIndex> indexes(List<String> names, ClassLoader classLoader) {
        var indexes = new ArrayList<MigrationIndex>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name.strip(), false, classLoader);
                if (!MigrationIndex.class.isAssignableFrom(type)) {
                    throw bad("indexes", name + " is not a " + MigrationIndex.class.getName());
                }
                indexes.add((MigrationIndex) type.getConstructor().newInstance());
            } catch (ClassNotFoundException e) {
                throw bad("indexes", "no class " + name + " on the application's class path");
            } catch (ReflectiveOperationException | LinkageError e) {
                throw bad("indexes", "cannot create " + name + " (" + e + ")");
            }
        }
        return indexes;
    }

    private static String nonEmpty(String property, String value) {
        if (value == null || value.isBlank()) {
            throw bad(property, "must not be empty");
        }
        return value;
    }

    private static RetortException bad(String property, String message) {
        return new RetortException(ErrorCode.BAD_CONFIGURATION, PREFIX + property + ": " + message);
    }
}
