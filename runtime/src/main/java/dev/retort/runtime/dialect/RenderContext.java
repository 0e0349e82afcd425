package dev.retort.runtime.dialect;

import dev.retort.schema.NamingConvention;
import java.time.Duration;
import java.util.Objects;

/**
 * What rendering needs besides the op: the naming convention for unnamed constraints, whether
 * an op SQLite cannot do in place becomes a table rebuild by itself (outside a
 * {@code batchAlterTable} block) or an error naming the block, and whether PostgreSQL's DDL is
 * rendered online-safe, under which {@code lock_timeout}.
 *
 * @param onlineSafe the {@code lock_timeout} of online-safe rendering, or {@code null} for the plain
 */
public record RenderContext(NamingConvention naming, boolean sqliteAutoRebuild, Duration onlineSafe) {

    public RenderContext {
        Objects.requireNonNull(naming, "naming");
    }

    public RenderContext(NamingConvention naming, boolean sqliteAutoRebuild) {
        this(naming, sqliteAutoRebuild, null);
    }

    /** The same, rendering online-safe under this {@code lock_timeout}. */
    public RenderContext withOnlineSafe(Duration lockTimeout) {
        return new RenderContext(naming, sqliteAutoRebuild, lockTimeout);
    }

    public static RenderContext defaults() {
        return new RenderContext(NamingConvention.alembic(), true);
    }
}
