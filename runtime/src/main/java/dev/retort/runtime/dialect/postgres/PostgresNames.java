package dev.retort.runtime.dialect.postgres;

import dev.retort.schema.Constraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names PostgreSQL gives constraints a statement leaves unnamed, by its own rules
 * ({@code makeObjectName} and {@code ChooseIndexNameAddition} in its source): {@code t_pkey},
 * {@code t_a_b_key}, {@code t_a_fkey}, {@code t_a_check} (or {@code t_check} when the expression
 * names no single column), each part cut so the whole fits in 63 bytes. A name already taken in
 * the schema gets a number ({@code t_pkey1}), which only the catalog can tell: online, Retort
 * finds a constraint in the catalog; these rules name it where there is none (offline SQL).
 */
public final class PostgresNames {

    /** PostgreSQL's NAMEDATALEN: names hold 63 bytes. */
    private static final int NAMEDATALEN = 64;
    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^']|'')*'|\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*|::|\\S");
    /** Words that are never a column here; type names are told apart by where they stand (after AS or ::). */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "true", "false", "between",
            "like", "ilike", "similar", "to", "case", "when", "then", "else", "end", "cast", "as", "any", "all", "some",
            "array", "distinct", "from", "collate", "escape", "current_date", "current_timestamp", "current_time",
            "localtimestamp", "localtime", "interval", "double", "precision", "character", "varying", "with", "zone",
            "without", "at", "isnull", "notnull", "unknown");

    private PostgresNames() {
    }

    /** The name PostgreSQL gives {@code constraint} of {@code table} when it is made without one. */
    public static String of(Constraint constraint, String table) {
        if (constraint instanceof Constraint.PrimaryKey) {
            return primaryKey(table);
        }
        if (constraint instanceof Constraint.Unique u) {
            return unique(table, u.columns());
        }
        if (constraint instanceof Constraint.ForeignKey fk) {
            return foreignKey(table, fk.columns());
        }
        return check(table, ((Constraint.Check) constraint).expression());
    }

    static String primaryKey(String table) {
        return objectName(table, null, "pkey");
    }

    static String unique(String table, List<String> columns) {
        return objectName(table, columnsAddition(columns), "key");
    }

    static String foreignKey(String table, List<String> columns) {
        return objectName(table, columnsAddition(columns), "fkey");
    }

    /** {@code t_col_check} when the expression names one column, else {@code t_check}. */
    static String check(String table, String expression) {
        return objectName(table, singleColumn(expression), "check");
    }

    /** The column names joined by {@code _}, stopping once the text reaches NAMEDATALEN bytes. */
    static String columnsAddition(List<String> columns) {
        var joined = new StringBuilder();
        for (String column : columns) {
            if (!joined.isEmpty()) {
                joined.append('_');
            }
            joined.append(column);
            if (bytes(joined.toString()) >= NAMEDATALEN) {
                break;
            }
        }
        return joined.toString();
    }

    /**
     * {@code name1_name2_label} in 63 bytes: the longer of the two names loses a byte until it
     * fits, then each is cut back to a whole character.
     */
    static String objectName(String name1, String name2, String label) {
        int overhead = (name2 != null ? 1 : 0) + (label != null ? bytes(label) + 1 : 0);
        int available = NAMEDATALEN - 1 - overhead;
        int n1 = bytes(name1);
        int n2 = name2 == null ? 0 : bytes(name2);
        while (n1 + n2 > available) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        var name = new StringBuilder(clip(name1, n1));
        if (name2 != null) {
            name.append('_').append(clip(name2, n2));
        }
        if (label != null) {
            name.append('_').append(label);
        }
        return name.toString();
    }

    /**
     * The one column an expression names, as PostgreSQL decides a check's name; {@code null} when
     * it names none or several. Read from the text: identifiers that are not keywords, function
     * names or inside string literals.
     */
    static String singleColumn(String expression) {
        var tokens = new ArrayList<String>();
        Matcher m = TOKEN.matcher(expression);
        while (m.find()) {
            tokens.add(m.group());
        }
        var columns = new LinkedHashSet<String>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String previous = i > 0 ? tokens.get(i - 1).toLowerCase(Locale.ROOT) : "";
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            boolean quoted = token.startsWith("\"");
            boolean word = quoted || Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
            if (!word || next.equals("(") || previous.equals("::") || previous.equals("as") || next.startsWith("'")
                    || extractField(tokens, i)) {
                continue; // a function, a type (after :: or AS, or before a typed literal), or EXTRACT's field
            }
            if (quoted) {
                columns.add(token.substring(1, token.length() - 1).replace("\"\"", "\""));
            } else if (!KEYWORDS.contains(token.toLowerCase(Locale.ROOT))) {
                columns.add(token.toLowerCase(Locale.ROOT));
            }
        }
        return columns.size() == 1 ? columns.iterator().next() : null;
    }

    /** {@code EXTRACT(field FROM …)}: the field is no column. */
    private static boolean extractField(List<String> tokens, int i) {
        return i >= 2 && tokens.get(i - 1).equals("(") && tokens.get(i - 2).equalsIgnoreCase("extract")
                && i + 1 < tokens.size() && tokens.get(i + 1).equalsIgnoreCase("from");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of whole characters within {@code limit} bytes. */
    private static String clip(String text, int limit) {
        var clipped = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > limit) {
                break;
            }
            clipped.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return clipped.toString();
    }
}
