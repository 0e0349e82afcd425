package dev.retort.index;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated index. Retort's own rather than {@code javax.annotation.processing.Generated},
 * which lives in the {@code java.compiler} module: a named module would have to require it.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Generated {
    /** The generator. */
    String value();
}
