package dev.retort.schema;

/**
 * Checks identifiers at the moment a migration records them. Any character is allowed (every
 * dialect quotes names), but an empty name, a name with a control character or one longer than
 * the 63 bytes PostgreSQL keeps would fail late and confusingly, so they fail here.
 */
public final class Names {

    /** PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1); SQLite has no limit. */
    public static final int MAX_BYTES = 63;

    private Names() {
    }

    public static String check(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (isControl(name.charAt(i))) {
                // Legal in a quoted PostgreSQL name (NUL aside), but always a mistake, and one that
                // hides in listings and terminals.
                throw new IllegalArgumentException(what + " must not contain a control character (U+"
                        + String.format("%04X", (int) name.charAt(i)) + " at position " + (i + 1) + ")");
            }
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    what + " '" + name + "' is longer than " + MAX_BYTES + " bytes, which PostgreSQL would truncate");
        }
        return name;
    }

    /**
     * C0 and C1 controls, DEL, line separators and the bidirectional controls that reorder text:
     * characters no name holds, and the command line prints escaped.
     */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }
}
