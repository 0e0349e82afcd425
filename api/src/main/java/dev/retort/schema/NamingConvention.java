package dev.retort.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How constraints and indexes that a migration leaves unnamed are named, with Alembic's
 * (SQLAlchemy's) template tokens, so every constraint has a name that is the same on every
 * dialect and can be dropped later. The default is the convention Alembic's documentation
 * recommends.
 *
 * <p>Tokens: {@code %(table_name)s}, {@code %(column_0_name)s}, {@code %(column_0_label)s}
 * ({@code table_column}), {@code %(column_0N_name)s} (all columns run together),
 * {@code %(column_0_N_name)s} (all columns joined by {@code _}), {@code %(referred_table_name)s},
 * {@code %(referred_column_0_name)s}, {@code %(constraint_name)s} (for a check, a short hash of its
 * expression when it has no name). Names longer than the 63 bytes PostgreSQL keeps are cut and
 * given a hash of the whole name, as SQLAlchemy does.
 *
 * <p>A template may be {@code null}: that kind of constraint is then left unnamed, and the
 * database names it (PostgreSQL {@code users_pkey}, {@code users_email_key},
 * {@code awards_team_id_fkey}, {@code t_col_check}; SQLite keeps no name). {@link #database()}
 * leaves every constraint to the database, as Alembic does without a naming convention.
 */
public record NamingConvention(String primaryKey, String unique, String check, String foreignKey, String index) {

    private static final Pattern TOKEN = Pattern.compile("%\\((\\w+)\\)s");
    private static final List<String> TOKENS = List.of("table_name", "column_0_name", "column_0_label", "column_0N_name",
            "column_0_N_name", "referred_table_name", "referred_column_0_name", "constraint_name");

    public NamingConvention {
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("the index template (ix) is needed: an index always has a name");
        }
        for (String template : new String[] {primaryKey, unique, check, foreignKey, index}) {
            if (template == null) {
                continue;
            }
            if (template.isBlank()) {
                throw new IllegalArgumentException("a naming template is empty; give one, or null to leave that kind of"
                        + " constraint to the database");
            }
            Matcher m = TOKEN.matcher(template);
            while (m.find()) {
                if (!TOKENS.contains(m.group(1))) {
                    throw new IllegalArgumentException("unknown token %(" + m.group(1) + ")s in naming template '" + template
                            + "'; use " + TOKENS);
                }
            }
        }
    }

    /** Alembic's recommended convention. */
    public static NamingConvention alembic() {
        return new NamingConvention("pk_%(table_name)s", "uq_%(table_name)s_%(column_0_N_name)s",
                "ck_%(table_name)s_%(constraint_name)s", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "ix_%(column_0_label)s");
    }

    /**
     * SQLAlchemy's default, which Alembic uses when a project sets no naming convention:
     * constraints are left unnamed, so the database names them; indexes are
     * {@code ix_%(column_0_label)s}.
     */
    public static NamingConvention database() {
        return new NamingConvention(null, null, null, null, "ix_%(column_0_label)s");
    }

    /**
     * A built-in convention by the name the configuration uses: {@code alembic} (the default) or
     * {@code database}.
     *
     * @throws IllegalArgumentException naming the choices, for any other name
     */
    public static NamingConvention named(String name) {
        return switch (name) {
            case "alembic" -> alembic();
            case "database" -> database();
            default -> throw new IllegalArgumentException("no naming convention is called '" + name
                    + "'; use alembic (pk_%(table_name)s, …; the default) or database (constraints named by the database,"
                    + " as Alembic without a convention)");
        };
    }

    private String template(Constraint constraint) {
        if (constraint instanceof Constraint.PrimaryKey) {
            return primaryKey;
        }
        if (constraint instanceof Constraint.Unique) {
            return unique;
        }
        if (constraint instanceof Constraint.Check) {
            return check;
        }
        return foreignKey;
    }

    /**
     * The name of a non-native enum's check: the check template with the enum's name as its
     * {@code constraint_name}, or, with no check template, the enum's name (as SQLAlchemy names it).
     */
    public String enumCheckName(TableName table, String enumName) {
        return check == null ? enumName : apply(check, table, List.of(), null, List.of(), enumName);
    }

    /** The constraint's own name, or the convention's; {@code null} when the database is to name it. */
    public String name(Constraint constraint, TableName table) {
        if (constraint.name() != null) {
            return constraint.name();
        }
        if (template(constraint) == null) {
            return null;
        }
        if (constraint instanceof Constraint.PrimaryKey pk) {
            return apply(primaryKey, table, pk.columns(), null, List.of(), null);
        }
        if (constraint instanceof Constraint.Unique uq) {
            return apply(unique, table, uq.columns(), null, List.of(), null);
        }
        if (constraint instanceof Constraint.Check ck) {
            return apply(check, table, List.of(), null, List.of(), hash(ck.expression()));
        }
        var fk = (Constraint.ForeignKey) constraint;
        return apply(foreignKey, table, fk.columns(), fk.referredTable().name(), fk.referredColumns(), null);
    }

    /** An index's name from its columns (expressions count by a short hash). */
    public String indexName(TableName table, List<String> columns) {
        return apply(index, table, columns, null, List.of(), null);
    }

    private static String apply(String template, TableName table, List<String> columns, String referredTable,
            List<String> referredColumns, String constraintName) {
        String first = columns.isEmpty() ? "" : columns.get(0);
        Map<String, String> values = Map.of(
                "table_name", table.name(),
                "column_0_name", first,
                "column_0_label", table.name() + "_" + first,
                "column_0N_name", String.join("", columns),
                "column_0_N_name", String.join("_", columns),
                "referred_table_name", referredTable == null ? "" : referredTable,
                "referred_column_0_name", referredColumns.isEmpty() ? "" : referredColumns.get(0),
                "constraint_name", constraintName == null ? "" : constraintName);
        Matcher m = TOKEN.matcher(template);
        var name = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(name, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(name);
        return fit(name.toString());
    }

    /** Cut to the 63 bytes PostgreSQL keeps, unique by a short hash of the whole name. */
    public static String fit(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= Names.MAX_BYTES) {
            return name;
        }
        String hash = hash(name).substring(0, 4);
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

    /** Eight hex digits of MD5: short, and the same for the same text. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
