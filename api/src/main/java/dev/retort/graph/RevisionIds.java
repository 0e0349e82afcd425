package dev.retort.graph;

import java.util.regex.Pattern;

/** The forms of revision ids and branch labels, shared by the processor and the runtime. */
public final class RevisionIds {

    /** Lower-case so ids never differ only by case on case-insensitive file systems. */
    private static final Pattern ID = Pattern.compile("[0-9a-z_]{1,32}");
    /** Labels are targets too, so they cannot hold the target grammar's {@code @ + - :}. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** Ids up to this length match only exactly, never as a prefix (Alembic's rule). */
    public static final int MIN_PREFIX_MATCH_LENGTH = 4;

    private RevisionIds() {
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static boolean isValidLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    /** A fresh random id: 12 lower-case hex digits, as Alembic makes them. */
    public static String random(java.util.random.RandomGenerator random) {
        return String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
    }
}
