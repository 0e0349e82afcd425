package dev.retort.runtime.lint;

import dev.retort.lint.LintRule;
import dev.retort.lint.LintRule.Severity;

/**
 * One danger in one op of one migration.
 *
 * @param migration the migration's class
 * @param op the op as a migration's author writes it ({@code dropColumn(users.email)})
 * @param severity the rule's severity as configured
 * @param allowedBecause the reason of the migration's {@code @AllowLint} for the rule, or {@code null}
 * @param detail what the database adds ({@code 12,408 rows}), or {@code null}
 */
public record Finding(String revision, String migration, String op, LintRule rule, Severity severity,
        String allowedBecause, String detail) {

    /** Whether it fails {@code retort lint}: an error nobody exempted. */
    public boolean blocking() {
        return severity == Severity.ERROR && allowedBecause == null;
    }

    /** One line: where, which rule, why, and the safe way. */
    public String line() {
        String where = "revision " + revision + (migration.isEmpty() ? ""
                : " (" + migration.substring(migration.lastIndexOf('.') + 1) + ")") + ": " + op
                + (detail == null ? "" : " [" + detail + "]") + ": " + rule.id() + " (" + severity.label() + ")";
        if (allowedBecause != null) {
            return where + " allowed: " + allowedBecause;
        }
        return where + ": " + rule.why() + "; instead: " + rule.instead();
    }
}
