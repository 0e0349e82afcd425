package dev.retort.graph;

import java.util.regex.Pattern;

/** The forms of revision ids and branch labels, shared by the processor and the runtime. */
public final class RevisionIds {

    /** Labels are targets too, so they cannot hold the target grammar's {@code @ + - :}. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** Ids up to this length match only exactly, never as a prefix (Alembic's rule). */
    public static final int MIN_PREFIX_MATCH_LENGTH = 4;

    private RevisionIds() {
    }

    /** Words the target grammar gives a meaning; no id or label may be one of them. */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("head", "heads", "base", "current");

    /** The same as matching {@code [0-9a-z_]{1,32}}, without a regex: every start checks every id. */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > 32) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_')) {
                return false;
            }
        }
        return !RESERVED.contains(id);
    }

    public static boolean isValidLabel(String label) {
        return label != null && LABEL.matcher(label).matches() && !RESERVED.contains(label);
    }

    /** A fresh random id: 12 lower-case hex digits, as Alembic makes them. */
    public static String random(java.util.random.RandomGenerator random) {
        return String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
    }
}
