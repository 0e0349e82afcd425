package dev.retort.runtime.dialect;

import dev.retort.schema.NamingConvention;
import java.util.Objects;

/**
 * What rendering needs besides the op: the naming convention for unnamed constraints, and
 * whether an op SQLite cannot do in place becomes a table rebuild by itself (outside a
 * {@code batchAlterTable} block) or an error naming the block.
 */
public record RenderContext(NamingConvention naming, boolean sqliteAutoRebuild) {

    public RenderContext {
        Objects.requireNonNull(naming, "naming");
    }

    public static RenderContext defaults() {
        return new RenderContext(NamingConvention.alembic(), true);
    }
}
