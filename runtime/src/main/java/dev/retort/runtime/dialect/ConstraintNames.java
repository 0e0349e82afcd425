package dev.retort.runtime.dialect;

import dev.retort.schema.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names for the constraints a migration declares without naming them, after the naming
 * convention Alembic recommends: {@code pk_<table>}, {@code uq_<table>_<column>},
 * {@code fk_<table>_<column>_<referred table>}. Every constraint then has a name that is the same
 * on every dialect, so a later migration can drop it.
 */
public final class ConstraintNames {

    private ConstraintNames() {
    }

    public static String primaryKey(String table) {
        return fit("pk_" + table);
    }

    public static String unique(String table, String column) {
        return fit("uq_" + table + "_" + column);
    }

    public static String foreignKey(String table, String column, String referredTable) {
        return fit("fk_" + table + "_" + column + "_" + referredTable);
    }

    /**
     * Cuts a name PostgreSQL would truncate to {@value Names#MAX_BYTES} bytes, keeping it unique
     * with a short hash of the whole name, as SQLAlchemy does.
     */
    static String fit(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= Names.MAX_BYTES) {
            return name;
        }
        String hash = hash(name);
        var cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > Names.MAX_BYTES - hash.length() - 1) {
                break;
            }
            cut.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return cut + "_" + hash;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
