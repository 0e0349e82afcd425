package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as one revision of the schema. The annotation processor checks the whole
 * revision graph while {@code javac} runs and lists every revision in a generated index, so the
 * runtime finds migrations without scanning the class path.
 *
 * <pre>{@code
 * @Revision(id = "a1b2c3d4e5f6", revises = "753d9557b07b", message = "add last_read_at")
 * public final class AddLastReadAt implements Migration {
 *     public void upgrade(Ops op) {
 *         op.addColumn("chats", "last_read_at", TIMESTAMP);
 *     }
 * }
 * }</pre>
 *
 * <p>Class retention: the runtime never reads this annotation (the generated index carries
 * everything), but the processor reads it from class files when it validates migrations that
 * revise revisions compiled earlier or shipped in another jar.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Revision {

    /** The revision id: 1 to 32 characters of {@code [0-9a-z_]}, unique in the graph. */
    String id();

    /** Parent revision ids: none for a base, one for a step, two or more for a merge point. */
    String[] revises() default {};

    /** What the revision does, shown by {@code history}, {@code show} and in upgrade output. */
    String message() default "";

    /** Names for the branch that starts (or continues) at this revision, usable as targets. */
    String[] branchLabels() default {};

    /**
     * Revisions (or branch labels) that must be applied before this one without being its
     * parents: a soft edge across branches, as Alembic's {@code depends_on}.
     */
    String[] dependsOn() default {};

    /**
     * Whether the revision runs inside a transaction. Set it to {@code false} for statements that
     * PostgreSQL refuses inside one, such as {@code CREATE INDEX CONCURRENTLY}.
     */
    boolean transactional() default true;
}
