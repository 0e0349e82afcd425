package dev.retort.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed target of {@code upgrade} or {@code downgrade}, before it is resolved against a graph
 * and the database's current revisions.
 *
 * <p>Grammar: {@code head}, {@code heads}, {@code base}, a full or partial revision id, {@code +N}
 * and {@code -N} (relative to the database's current revision), and {@code <x>+N} / {@code <x>-N}
 * where {@code x} is {@code head}, {@code base} or a revision id.
 */
public sealed interface Target {

    /** The single head of the graph; an error when there are several. */
    record Head() implements Target {
    }

    /** Every head of the graph. */
    record Heads() implements Target {
    }

    /** The empty database, before any revision. */
    record Base() implements Target {
    }

    /** A full or partial revision id. */
    record Rev(String identifier) implements Target {
    }

    /**
     * {@code steps} revisions above ({@code > 0}) or below ({@code < 0}) an anchor.
     *
     * @param anchor {@code null} for the database's current revision
     */
    record Relative(Target anchor, int steps) implements Target {
    }

    Pattern RELATIVE = Pattern.compile("(.*?)([+-])(\\d+)");

    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new GraphException.InvalidTarget(String.valueOf(text), "give a revision id, head, heads or base");
        }
        String t = text.strip();
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            int n = steps(t, m.group(3));
            int signed = m.group(2).equals("+") ? n : -n;
            if (m.group(1).isEmpty()) {
                return new Relative(null, signed);
            }
            Target anchor = simple(t, m.group(1));
            if (anchor instanceof Heads) {
                throw new GraphException.InvalidTarget(t, "relative steps need one revision, not 'heads'");
            }
            return new Relative(anchor, signed);
        }
        return simple(t, t);
    }

    private static Target simple(String whole, String part) {
        switch (part) {
            case "head":
                return new Head();
            case "heads":
                return new Heads();
            case "base":
                return new Base();
            default:
                if (part.indexOf('@') >= 0 || part.indexOf(':') >= 0 || part.indexOf('+') >= 0
                        || part.indexOf('-') >= 0) {
                    throw new GraphException.InvalidTarget(whole,
                            "use head, heads, base, a revision id, +N, -N, or <revision>+N / <revision>-N");
                }
                return new Rev(part);
        }
    }

    private static int steps(String whole, String digits) {
        try {
            int n = Integer.parseInt(digits);
            if (n == 0) {
                throw new GraphException.InvalidTarget(whole, "a relative step must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new GraphException.InvalidTarget(whole, "the step count is too large");
        }
    }
}
