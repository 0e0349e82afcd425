package dev.retort.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed target, before it is resolved against a graph and the database's current revisions.
 * The grammar is Alembic's:
 *
 * <ul>
 *   <li>{@code head}, {@code heads}, {@code base};</li>
 *   <li>a revision id, an unambiguous prefix of one (ids of more than three characters), or a
 *       branch label;</li>
 *   <li>{@code +N} / {@code -N}, relative to the database's current revision;</li>
 *   <li>{@code <x>+N} / {@code <x>-N} for any of the above ({@code head-1}, {@code base+2});</li>
 *   <li>{@code <branch>@<x>} and {@code <branch>@+N} / {@code <branch>@-N}, where the branch is
 *       a label or a revision id and selects that revision's lineage ({@code billing@head},
 *       {@code billing@base}, {@code billing@-1}, {@code ae10@head}).</li>
 * </ul>
 *
 * @param text the target as typed
 * @param branch the label or revision before {@code @}, or {@code null}
 * @param symbol {@code head}, {@code heads}, {@code base}, an id, prefix or label; {@code null}
 *     for the database's current revision
 * @param steps revisions above ({@code > 0}) or below ({@code < 0}) the symbol; 0 for none
 */
public record Target(String text, String branch, String symbol, int steps) {

    public static final String HEAD = "head";
    public static final String HEADS = "heads";
    public static final String BASE = "base";

    private static final Pattern RELATIVE = Pattern.compile("(?:(\\w+)@)?(\\w+)?([+-]\\d+)");
    private static final Pattern ABSOLUTE = Pattern.compile("(?:(\\w+)@)?(\\w+)");
    private static final String GRAMMAR = "use head, heads, base, a revision id or label, +N, -N, <revision>+N, <revision>-N,"
            + " or <branch>@<any of these>";

    public static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new GraphException.InvalidTarget(String.valueOf(text), GRAMMAR);
        }
        String t = text.strip();
        if (t.indexOf(':') >= 0) {
            throw new GraphException.InvalidTarget(t, "a from:to range is not a single target; " + GRAMMAR);
        }
        Matcher relative = RELATIVE.matcher(t);
        if (relative.matches()) {
            return new Target(t, relative.group(1), relative.group(2), steps(t, relative.group(3)));
        }
        Matcher absolute = ABSOLUTE.matcher(t);
        if (absolute.matches()) {
            return new Target(t, absolute.group(1), absolute.group(2), 0);
        }
        throw new GraphException.InvalidTarget(t, GRAMMAR);
    }

    public boolean isRelative() {
        return steps != 0;
    }

    /** The symbol with the branch, as in {@code billing@head}: what a walk starts from. */
    public String anchor() {
        return branch == null ? symbol : branch + "@" + symbol;
    }

    private static int steps(String whole, String signed) {
        try {
            int n = Integer.parseInt(signed.substring(1));
            if (n == 0) {
                throw new GraphException.InvalidTarget(whole, "a relative step must be at least 1");
            }
            return signed.charAt(0) == '+' ? n : -n;
        } catch (NumberFormatException e) {
            throw new GraphException.InvalidTarget(whole, "the step count is too large");
        }
    }
}
