package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts this migration from one lint rule, with the reason: {@code retort lint} then lists the
 * finding as allowed rather than as a problem. The annotation processor refuses a rule that does
 * not exist ({@link dev.retort.lint.LintRule}) and an empty reason, so an exemption always says
 * which danger was weighed and why it is accepted.
 *
 * <pre>{@code
 * @Revision(id = "9c1e0f2a4b7d", revises = "...", message = "drop the legacy flag")
 * @AllowLint(rule = "drop-column", reason = "nothing has read legacy_flag since release 4.2")
 * public final class DropLegacyFlag implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AllowLint.List.class)
public @interface AllowLint {

    /** The rule's id, as {@code retort lint} prints it: {@code drop-column}, {@code index-not-concurrent}, … */
    String rule();

    /** Why the danger is accepted here; not empty. */
    String reason();

    /** Several exemptions on one migration. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        AllowLint[] value();
    }
}
