package dev.retort.runtime.lint;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.lint.LintRule;
import dev.retort.lint.LintRule.Severity;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Each rule's severity: its own, or the one configured ({@code lint.<id>=error|warning|off}). */
public record LintSettings(Map<LintRule, Severity> severities) {

    public LintSettings {
        severities = Map.copyOf(severities);
    }

    public static LintSettings defaults() {
        return new LintSettings(Map.of());
    }

    /**
     * The settings from {@code lint.<id>} keys and their values.
     *
     * @param where where they were read, for messages ({@code retort.properties})
     */
    public static LintSettings parse(Map<String, String> byKey, String where) {
        if (byKey.isEmpty()) {
            return defaults(); // every command reads the file: one without lint keys loads no rule catalog
        }
        var severities = new EnumMap<LintRule, Severity>(LintRule.class);
        byKey.forEach((key, value) -> {
            String id = key.substring("lint.".length());
            LintRule rule = LintRule.byId(id).orElseThrow(() -> new RetortException(ErrorCode.BAD_CONFIGURATION, where
                    + ": " + key + " names no lint rule; the rules are " + String.join(", ",
                            java.util.Arrays.stream(LintRule.values()).map(LintRule::id).toList())));
            try {
                severities.put(rule, Severity.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, where + ": " + key + " is '" + value
                        + "'; write error, warning or off");
            }
        });
        return new LintSettings(severities);
    }

    public Severity severity(LintRule rule) {
        return severities.getOrDefault(rule, rule.defaultSeverity());
    }
}
