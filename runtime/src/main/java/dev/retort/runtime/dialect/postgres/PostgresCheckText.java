package dev.retort.runtime.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check's expression as PostgreSQL prints it after parsing what it printed. It prints
 * {@code x IN ('A', 'B')} on a varchar column as {@code x::text = ANY (ARRAY['A'::character
 * varying, 'B'::character varying]::text[])}; a migration that writes that text back gets
 * {@code ARRAY['A'::character varying::text, 'B'::character varying::text]}, the array's cast moved
 * onto each element. Both read the same here, so a check is no change after its own migration.
 */
final class PostgresCheckText {

    /** The cast after an array's closing bracket: {@code ::text[]}, {@code ::character varying(16)[]}. */
    private static final Pattern ARRAY_CAST = Pattern.compile("::([a-z_][a-z0-9_ ]*?(?:\\(\\d+(?:,\\d+)?\\))?)\\[\\]");

    private PostgresCheckText() {
    }

    static String canonical(String expression) {
        var out = new StringBuilder(expression.length());
        int i = 0;
        while (i < expression.length()) {
            if (expression.charAt(i) == '\'') {
                int end = endOfLiteral(expression, i);
                out.append(expression, i, end);
                i = end;
            } else {
                int after = expression.startsWith("ARRAY[", i) ? castArray(expression, i, out) : i;
                if (after > i) {
                    i = after;
                } else {
                    out.append(expression.charAt(i++));
                }
            }
        }
        return out.toString();
    }

    /**
     * Appends the array at {@code start} with its cast moved onto its elements and returns the index
     * after the cast; returns {@code start}, appending nothing, when no cast follows the array.
     */
    private static int castArray(String text, int start, StringBuilder out) {
        int open = start + "ARRAY".length();
        int close = closing(text, open);
        if (close < 0) {
            return start;
        }
        Matcher cast = ARRAY_CAST.matcher(text).region(close + 1, text.length());
        if (!cast.lookingAt()) {
            return start;
        }
        String suffix = "::" + cast.group(1);
        var elements = new ArrayList<String>();
        for (String element : elements(canonical(text.substring(open + 1, close)))) {
            elements.add(element.endsWith(suffix) ? element : element + suffix);
        }
        out.append("ARRAY[").append(String.join(", ", elements)).append(']');
        return cast.end();
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = endOfLiteral(text, i) - 1;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && --depth == 0) {
                return c == ']' ? i : -1;
            }
        }
        return -1;
    }

    /** The elements of an array's inside, split at its top-level commas. */
    private static List<String> elements(String inside) {
        var result = new ArrayList<String>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\'') {
                i = endOfLiteral(inside, i) - 1;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                result.add(inside.substring(from, i).strip());
                from = i + 1;
            }
        }
        result.add(inside.substring(from).strip());
        return result;
    }

    /** The index after the string literal starting at {@code quote} ({@code ''} is a quote inside it). */
    private static int endOfLiteral(String text, int quote) {
        int i = quote + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
