package dev.retort.index;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on each generated index: what the processor needs, at compile time, to validate migrations
 * in another compilation that revise or depend on this index's revisions (a library jar that
 * ships its own branch, or the sources an IDE did not recompile). The runtime never reads it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface IndexedRevisions {

    Entry[] value();

    /** One revision, as its {@code @Revision} declared it. */
    @Retention(RetentionPolicy.CLASS)
    @Target({})
    @interface Entry {
        String id();

        String[] revises() default {};

        String[] dependsOn() default {};

        String[] branchLabels() default {};

        String message() default "";

        boolean transactional() default true;

        /** The migration's binary name. */
        String className();
    }
}
