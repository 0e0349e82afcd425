package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Renders this migration's ops the online-safe way on PostgreSQL, whether or not the run asks for
 * it ({@code --online-safe}): indexes built and dropped {@code CONCURRENTLY}, foreign keys and
 * checks added {@code NOT VALID} and validated after, {@code SET NOT NULL} through a validated
 * check, unique constraints through a concurrent index, every statement under a
 * {@code lock_timeout} and retried when the lock cannot be had. The migration runs statement by
 * statement, outside a transaction, with its progress recorded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnlineSafe {

    /** How long a statement waits for its lock before it gives up and is retried. */
    int lockTimeoutSeconds() default 5;
}
