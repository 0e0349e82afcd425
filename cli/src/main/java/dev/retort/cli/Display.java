package dev.retort.cli;

import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.schema.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text the command line prints but did not build itself (error messages, which repeat what they
 * were given): a URL among the arguments is shown as {@link DatabaseUrl#shown} rebuilds it,
 * without its password, and control characters are written as {@code \}{@code uXXXX}, so no
 * value can break a line or drive the terminal.
 */
final class Display {

    /** Each argument (and each {@code --option=value}'s value) that shows differently, with how it shows. */
    private final Map<String, String> masked = new LinkedHashMap<>();

    Display(String[] args) {
        for (String arg : args) {
            mask(arg);
            int eq = arg.indexOf('=');
            if (arg.startsWith("-") && eq > 0) {
                mask(arg.substring(eq + 1));
            }
        }
    }

    private void mask(String text) {
        String shown = DatabaseUrl.shown(text);
        if (!shown.equals(text)) {
            masked.put(text, shown);
        }
    }

    /** One line: line breaks (a database's multi-line message) become spaces. */
    String line(String text) {
        // Unmasked before it is flattened: an argument with a line break in it is found whole.
        String flat = text == null ? "" : unmask(text).strip().replaceAll("\\s*\\R\\s*", " ");
        return escape(flat, false);
    }

    /** Several lines (a stack trace): line breaks and tabs stay. */
    String block(String text) {
        return escape(unmask(text), true);
    }

    private String unmask(String text) {
        String shown = text;
        // Longest first: an argument that contains another is replaced whole.
        var arguments = masked.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String raw : arguments) {
            shown = shown.replace(raw, masked.get(raw));
        }
        return shown;
    }

    static String escape(String text, boolean keepLines) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean layout = keepLines && (c == '\n' || c == '\r' || c == '\t');
            if (!layout && Names.isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
