package dev.retort.runtime.scaffold;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The revisions declared in migration sources, read from their {@code @Revision} annotations
 * without compiling: what {@code revision} and {@code merge} need to know the heads before the
 * code is built. The annotation's values must be literals (as {@code revision} writes them); a
 * source that uses constants is named with the way out (compile it and give {@code --classpath}).
 */
public final class SourceRevisions {

    /** A revision declared in a source file, with the file and package it lives in. */
    public record Declared(RevisionInfo revision, Path file, String packageName) {
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern ANNOTATION = Pattern.compile("@(?:dev\\.retort\\.)?Revision\\s*\\(");

    private SourceRevisions() {
    }

    /** Every {@code @Revision} in the {@code .java} files under {@code root}; none when it does not exist. */
    public static List<Declared> read(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        var found = new ArrayList<Declared>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = ANNOTATION.matcher(text);
                if (m.find() && text.contains("Migration")) {
                    try {
                        found.add(declared(file, text, m.end()));
                    } catch (IndexOutOfBoundsException e) {
                        throw unreadable(file, "its @Revision ends before its closing parenthesis");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Declared declared(Path file, String text, int open) {
        Matcher pkg = PACKAGE.matcher(text);
        String packageName = pkg.find() ? pkg.group(1) : "";
        String className = file.getFileName().toString().replaceFirst("\\.java$", "");
        Map<String, List<String>> values = attributes(file, text, open);
        String id = single(file, values, "id");
        if (id == null) {
            throw unreadable(file, "its @Revision has no id");
        }
        String message = single(file, values, "message");
        List<String> transactional = values.getOrDefault("transactional", List.of("true"));
        return new Declared(new RevisionInfo(id, values.getOrDefault("revises", List.of()), message,
                values.getOrDefault("branchLabels", List.of()), values.getOrDefault("dependsOn", List.of()),
                !transactional.equals(List.of("false")),
                packageName.isEmpty() ? className : packageName + "." + className), file, packageName);
    }

    /** name = "x" | {"x", "y"} | true | false, up to the annotation's closing parenthesis. */
    private static Map<String, List<String>> attributes(Path file, String text, int start) {
        var values = new LinkedHashMap<String, List<String>>();
        int i = start;
        while (true) {
            i = skip(text, i);
            if (i >= text.length()) {
                throw unreadable(file, "its @Revision is not closed");
            }
            if (text.charAt(i) == ')') {
                return values;
            }
            if (text.charAt(i) == ',') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            i = skip(text, i);
            if (name.isEmpty() || i >= text.length() || text.charAt(i) != '=') {
                throw unreadable(file, "its @Revision is not written as name = value pairs");
            }
            i = skip(text, i + 1);
            var list = new ArrayList<String>();
            if (text.charAt(i) == '{') {
                i = skip(text, i + 1);
                while (text.charAt(i) != '}') {
                    i = literal(file, text, i, name, list);
                    i = skip(text, i);
                    if (text.charAt(i) == ',') {
                        i = skip(text, i + 1);
                    }
                }
                i++;
            } else {
                i = literal(file, text, i, name, list);
            }
            values.put(name, list);
        }
    }

    private static int literal(Path file, String text, int i, String name, List<String> into) {
        if (text.charAt(i) == '"') {
            var value = new StringBuilder();
            int j = i + 1;
            while (text.charAt(j) != '"') {
                char c = text.charAt(j);
                if (c == '\\') {
                    char next = text.charAt(j + 1);
                    value.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> next;
                    });
                    j += 2;
                } else {
                    value.append(c);
                    j++;
                }
            }
            into.add(value.toString());
            return j + 1;
        }
        if (text.startsWith("true", i) || text.startsWith("false", i)) {
            into.add(text.startsWith("true", i) ? "true" : "false");
            return i + (text.startsWith("true", i) ? 4 : 5);
        }
        throw unreadable(file, "its @Revision's " + name + " is not a literal");
    }

    private static int skip(String text, int i) {
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                return i;
            }
        }
        return i;
    }

    private static String single(Path file, Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        if (list.size() > 1) {
            throw unreadable(file, "its @Revision's " + name + " has several values");
        }
        return list.get(0);
    }

    private static RetortException unreadable(Path file, String why) {
        return new RetortException(ErrorCode.BAD_OPTION, "cannot read the revision in " + file + ": " + why
                + "; write the annotation's values as literals, or compile the migrations and give --classpath");
    }
}
