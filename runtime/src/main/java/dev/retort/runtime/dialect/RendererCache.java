package dev.retort.runtime.dialect;

import java.util.function.Function;

/**
 * A dialect's renderer for the last context it rendered for, made on first use, so an
 * application already at head never makes one (nor loads jOOQ, for PostgreSQL). One immutable
 * entry in one volatile field: a dialect rendering for two contexts on two threads (autogenerate's
 * two naming conventions) never pairs a renderer with the other's context.
 */
public final class RendererCache<R> {

    private record Entry<R>(RenderContext context, R renderer) {
    }

    private volatile Entry<R> last;

    /** The renderer for {@code context}: the last one when it was made for the same context, else {@code make}'s. */
    public R of(RenderContext context, Function<RenderContext, R> make) {
        Entry<R> current = last;
        if (current == null || !current.context().equals(context)) {
            current = new Entry<>(context, make.apply(context));
            last = current;
        }
        return current.renderer();
    }
}
