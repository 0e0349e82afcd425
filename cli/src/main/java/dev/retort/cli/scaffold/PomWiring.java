package dev.retort.cli.scaffold;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Wires Retort into a Maven {@code pom.xml} by inserting text where it belongs, so the rest of the
 * file (formatting, comments, order) stays exactly as its author wrote it: the runtime as a
 * dependency, and the processor in {@code maven-compiler-plugin}'s {@code annotationProcessorPaths}
 * (javac 23 and later run no processor found only on the class path, and a project that lists any
 * processor there runs only those). A pom without a parent gets the compiler plugin's version
 * pinned ({@value #COMPILER_PLUGIN}: Maven 3.8 would otherwise use 3.1, which knows no processor
 * path and compiles for Java 5), and one that says no Java release gets 17, Retort's own.
 */
public final class PomWiring {

    /** A compiler plugin that runs processors from their path, shows their warnings, and takes {@code release}. */
    public static final String COMPILER_PLUGIN = "3.14.0";
    private static final Pattern RELEASE_SET = Pattern.compile(
            "<(maven\\.compiler\\.(release|source|target)|release|source|target)>");

    private final String version;
    private final Artifact driver;

    /** A dependency init adds beside retort-runtime: the JDBC driver, which the runtime does not bring. */
    public record Artifact(String groupId, String artifactId, String version) {

        /**
         * The driver for {@code kind}, at the version this command line carries (drivers.properties,
         * which the build fills in).
         */
        public static Artifact driver(DatabaseUrl.Kind kind) {
            var drivers = new Properties();
            try (InputStream in = PomWiring.class.getResourceAsStream("/dev/retort/cli/drivers.properties")) {
                drivers.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the command line's jar lacks dev/retort/cli/drivers.properties", e);
            }
            String[] gav = drivers.getProperty(kind.name().toLowerCase(Locale.ROOT)).split(":");
            return new Artifact(gav[0], gav[1], gav[2]);
        }
    }

    /** Wires Retort {@code version} in, with {@code driver} (or none, when null) beside the runtime. */
    public PomWiring(String version, Artifact driver) {
        this.version = version;
        this.driver = driver;
    }

    /** The pom with Retort wired in, or {@code null} when it already has Retort's processor. */
    public String wire(String pom) {
        if (pom.contains("<artifactId>retort-processor</artifactId>")) {
            return null;
        }
        Map<String, int[]> at = scan(pom);
        if (!at.containsKey("project")) {
            throw new RetortException(ErrorCode.BAD_OPTION, "pom.xml has no <project> element Retort"
                    + " can add to; run init with --no-pom and add the printed snippet by hand");
        }
        String unit = indentUnit(pom);
        var edits = new StringBuilder(pom);
        // Later positions first, so the earlier ones stay where they were measured.
        var inserts = new TreeMap<Integer, String>(Comparator.reverseOrder());
        boolean pinVersion = !at.containsKey("project/parent");
        String release = RELEASE_SET.matcher(withoutComments(pom)).find() ? "" : indent(unit, 5) + "<release>17</release>\n";
        if (at.containsKey("compiler/annotationProcessorPaths")) {
            inserts.put(at.get("compiler/annotationProcessorPaths")[1], path(unit, 6));
        } else if (at.containsKey("compiler/configuration")) {
            inserts.put(at.get("compiler/configuration")[1], release + processorPaths(unit, 5));
        } else if (at.containsKey("compiler")) {
            inserts.put(at.get("compiler")[1], indent(unit, 4) + "<configuration>\n" + release + processorPaths(unit, 5)
                    + indent(unit, 4) + "</configuration>\n");
        } else if (at.containsKey("project/build/plugins")) {
            inserts.put(at.get("project/build/plugins")[1], compilerPlugin(unit, 3, pinVersion, !release.isEmpty()));
        } else if (at.containsKey("project/build")) {
            inserts.put(at.get("project/build")[1], indent(unit, 2) + "<plugins>\n"
                    + compilerPlugin(unit, 3, pinVersion, !release.isEmpty()) + indent(unit, 2) + "</plugins>\n");
        } else {
            inserts.put(at.get("project")[1], indent(unit, 1) + "<build>\n" + indent(unit, 2) + "<plugins>\n"
                    + compilerPlugin(unit, 3, pinVersion, !release.isEmpty()) + indent(unit, 2) + "</plugins>\n"
                    + indent(unit, 1) + "</build>\n");
        }
        if (at.containsKey("compiler") && !at.containsKey("compiler/version") && pinVersion) {
            int[] artifactId = at.get("compiler/artifactId");
            String version = "<version>" + COMPILER_PLUGIN + "</version>";
            inserts.put(artifactId[1], artifactId[2] == 1 ? indent(unit, 4) + version + "\n" : version);
        }
        String dependency = dependency(unit, 2);
        if (driver != null && !pom.contains("<artifactId>" + driver.artifactId() + "</artifactId>")) {
            dependency += dependency(unit, 2, driver);
        }
        if (at.containsKey("project/dependencies")) {
            inserts.merge(at.get("project/dependencies")[1], dependency, (a, b) -> b + a);
        } else {
            inserts.merge(at.get("project")[1], indent(unit, 1) + "<dependencies>\n" + dependency + indent(unit, 1)
                    + "</dependencies>\n", (a, b) -> a + b);
        }
        inserts.forEach(edits::insert);
        return edits.toString();
    }

    /** What to add by hand, for a project whose pom Retort should not edit. */
    public String snippet() {
        return "<!-- in <dependencies> -->\n" + dependency("  ", 0) + (driver == null ? "" : dependency("  ", 0, driver))
                + "\n<!-- in <build><plugins> -->\n"
                + compilerPlugin("  ", 0, true, false);
    }

    private String dependency(String unit, int depth) {
        return dependency(unit, depth, new Artifact("dev.retort", "retort-runtime", version));
    }

    private static String dependency(String unit, int depth, Artifact artifact) {
        return indent(unit, depth) + "<dependency>\n"
                + indent(unit, depth + 1) + "<groupId>" + artifact.groupId() + "</groupId>\n"
                + indent(unit, depth + 1) + "<artifactId>" + artifact.artifactId() + "</artifactId>\n"
                + indent(unit, depth + 1) + "<version>" + artifact.version() + "</version>\n"
                + indent(unit, depth) + "</dependency>\n";
    }

    private String compilerPlugin(String unit, int depth, boolean pinVersion, boolean release) {
        return indent(unit, depth) + "<plugin>\n"
                + indent(unit, depth + 1) + "<groupId>org.apache.maven.plugins</groupId>\n"
                + indent(unit, depth + 1) + "<artifactId>maven-compiler-plugin</artifactId>\n"
                + (pinVersion ? indent(unit, depth + 1) + "<version>" + COMPILER_PLUGIN + "</version>\n" : "")
                + indent(unit, depth + 1) + "<configuration>\n"
                + (release ? indent(unit, depth + 2) + "<release>17</release>\n" : "")
                + processorPaths(unit, depth + 2)
                + indent(unit, depth + 1) + "</configuration>\n"
                + indent(unit, depth) + "</plugin>\n";
    }

    private String processorPaths(String unit, int depth) {
        return indent(unit, depth) + "<annotationProcessorPaths>\n" + path(unit, depth + 1) + indent(unit, depth)
                + "</annotationProcessorPaths>\n";
    }

    private String path(String unit, int depth) {
        return indent(unit, depth) + "<path>\n"
                + indent(unit, depth + 1) + "<groupId>dev.retort</groupId>\n"
                + indent(unit, depth + 1) + "<artifactId>retort-processor</artifactId>\n"
                + indent(unit, depth + 1) + "<version>" + version + "</version>\n"
                + indent(unit, depth) + "</path>\n";
    }

    private static String withoutComments(String pom) {
        return pom.replaceAll("(?s)<!--.*?-->", "");
    }

    private static String indent(String unit, int depth) {
        return unit.repeat(depth);
    }

    /** The indentation of the project's first child: the file's own unit. */
    private static String indentUnit(String pom) {
        var m = Pattern.compile("\\n([ \\t]+)<modelVersion>").matcher(pom);
        return m.find() ? m.group(1) : "  ";
    }

    /**
     * Where the elements that matter start and where their end tags start (the insertion point),
     * keyed by path; the compiler plugin of {@code project/build/plugins} is "compiler".
     */
    private static Map<String, int[]> scan(String pom) {
        var found = new HashMap<String, int[]>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        int pluginStart = -1;
        boolean compiler = false;
        int i = 0;
        while ((i = pom.indexOf('<', i)) >= 0) {
            if (pom.startsWith("<!--", i)) {
                i = after(pom, "-->", i);
            } else if (pom.startsWith("<![CDATA[", i)) {
                i = after(pom, "]]>", i);
            } else if (pom.startsWith("<?", i) || pom.startsWith("<!", i)) {
                i = after(pom, ">", i);
            } else if (pom.startsWith("</", i)) {
                if (path.isEmpty()) {
                    throw malformed(pom, i);
                }
                String current = String.join("/", reversed(path));
                int lineStart = pom.lastIndexOf('\n', i) + 1;
                int insertAt = pom.substring(lineStart, i).isBlank() ? lineStart : i;
                int start = starts.pop();
                record(found, current, start, insertAt, compiler);
                if (compiler && current.equals("project/build/plugins/plugin/artifactId")) {
                    // Where a missing version goes: the next line when the artifactId ends its own, else just after it.
                    int close = after(pom, ">", i);
                    int lineEnd = pom.indexOf('\n', close);
                    boolean ownLine = lineEnd >= 0 && pom.substring(close, lineEnd).isBlank();
                    found.put("compiler/artifactId", new int[] {start, ownLine ? lineEnd + 1 : close, ownLine ? 1 : 0});
                }
                if (current.equals("project/build/plugins/plugin")) {
                    compiler = false;
                    pluginStart = -1;
                }
                path.pop();
                i = after(pom, ">", i);
            } else {
                int end = after(pom, ">", i) - 1;
                String tag = pom.substring(i + 1, end).strip();
                String name = tag.split("[\\s/]", 2)[0];
                boolean selfClosing = tag.endsWith("/");
                if (!selfClosing) {
                    path.push(name);
                    starts.push(i);
                    String current = String.join("/", reversed(path));
                    if (current.equals("project/build/plugins/plugin")) {
                        pluginStart = i;
                    }
                    if (current.equals("project/build/plugins/plugin/artifactId") && pluginStart >= 0) {
                        int close = pom.indexOf('<', end);
                        compiler = pom.substring(end + 1, close).strip().equals("maven-compiler-plugin");
                    }
                }
                i = end + 1;
            }
        }
        return found;
    }

    /** Just past the end of the construct that starts at {@code from}. */
    private static int after(String pom, String end, int from) {
        int at = pom.indexOf(end, from);
        if (at < 0) {
            throw malformed(pom, from);
        }
        return at + end.length();
    }

    private static RetortException malformed(String pom, int at) {
        int line = (int) pom.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new RetortException(ErrorCode.BAD_OPTION, "pom.xml is not well-formed at line " + line
                + "; fix it, or run init with --no-pom and add the printed snippet by hand");
    }

    private static void record(Map<String, int[]> found, String path, int start, int insertAt, boolean compiler) {
        switch (path) {
            case "project", "project/dependencies", "project/build", "project/build/plugins", "project/parent" ->
                    found.put(path, new int[] {start, insertAt});
            case "project/build/plugins/plugin/version" -> {
                if (compiler) {
                    found.put("compiler/version", new int[] {start, insertAt});
                }
            }

            case "project/build/plugins/plugin" -> {
                if (compiler) {
                    found.put("compiler", new int[] {start, insertAt});
                }
            }
            case "project/build/plugins/plugin/configuration" -> {
                if (compiler) {
                    found.put("compiler/configuration", new int[] {start, insertAt});
                }
            }
            case "project/build/plugins/plugin/configuration/annotationProcessorPaths" -> {
                if (compiler) {
                    found.put("compiler/annotationProcessorPaths", new int[] {start, insertAt});
                }
            }
            default -> { }
        }
    }

    private static Iterable<String> reversed(Deque<String> path) {
        var list = new ArrayList<>(path);
        Collections.reverse(list);
        return list;
    }
}
