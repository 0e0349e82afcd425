package dev.retort.schema;

/**
 * Checks identifiers at the moment a migration records them. Any character is allowed (every
 * dialect quotes names), but an empty name, a name with a NUL character or one longer than
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
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a NUL character: " + name);
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    what + " '" + name + "' is longer than " + MAX_BYTES + " bytes, which PostgreSQL would truncate");
        }
        return name;
    }
}
