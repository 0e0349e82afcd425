package dev.retort.buildtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's tour, run exactly as written: its blocks are read from the README itself, in order;
 * the shell blocks run in bash (the install in a copy of this checkout, into the local Maven
 * repository as a reader's would), the pom and the classes are written where the text says, and
 * real Maven builds the project: the machine's (3.8) for the whole tour, and in the soak profile
 * Maven 3.9 for the project part again. Each command whose line carries a comment prints what the comment says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TourTest {

    private static final Path ROOT = Path.of(System.getProperty("retort.root", "..")).toAbsolutePath().normalize();

    /** What each commented command prints: patterns that must all be found in its output. */
    private static final Map<String, List<String>> PROMISED = new LinkedHashMap<>();

    static {
        PROMISED.put("retort init --package com.example.db", List.of(
                "^Generating src/main/java/com/example/db/Initial_[0-9a-f]{12}\\.java \\([0-9a-f]{12}, the first revision\\)"));
        PROMISED.put("retort revision -m \"create users\"", List.of(
                "^Generating src/main/java/com/example/db/CreateUsers_[0-9a-f]{12}\\.java \\([0-9a-f]{12}"));
        PROMISED.put("mvn -q compile                           # the processor", List.of("\\A\\s*\\z"));
        PROMISED.put("retort upgrade                           # retort: no database", List.of(
                "^retort: no database given \\(--url, RETORT_URL, DATABASE_URL, url in retort.properties\\); using"
                        + " sqlite:///retort.db in \\S+",
                "\\[1/2\\] upgrade   <base> -> [0-9a-f]{12}, initial", "\\[2/2\\] upgrade   [0-9a-f]{12} -> [0-9a-f]{12},"
                        + " create users"));
        PROMISED.put("retort status                            # Up to date.", List.of("Up to date\\."));
        PROMISED.put("retort downgrade -1", List.of("\\[1/1\\] downgrade [0-9a-f]{12} -> [0-9a-f]{12}, create users \\(\\d+ ms\\)"));
        PROMISED.put("retort status                            # 1 pending", List.of(
                "1 pending \\(upgrade heads applies them, in this order\\):"));
        PROMISED.put("retort upgrade                           # [1/1]", List.of(
                "\\[1/1\\] upgrade   [0-9a-f]{12} -> [0-9a-f]{12}, create users \\(\\d+ ms\\)"));
        PROMISED.put("mvn compile | grep RetortMultipleHeads", List.of("\\[WARNING\\] .*\\[RetortMultipleHeads\\] the revision"
                + " graph has 2 heads \\([0-9a-f]{12}, [0-9a-f]{12}\\); write a merge revision that revises them all: retort"
                + " merge -m \"merge heads\" heads"));
        PROMISED.put("retort heads", List.of("(?s)^[^\\n]+\\(head\\)[^\\n]*\\n[^\\n]+\\(head\\)[^\\n]*\\n?$"));
        PROMISED.put("retort merge -m \"merge heads\" heads", List.of(
                "^Generating src/main/java/com/example/db/MergeHeads_[0-9a-f]{12}\\.java \\([0-9a-f]{12}, merges"
                        + " [0-9a-f]{12}, [0-9a-f]{12}\\)"));
        PROMISED.put("retort upgrade heads", List.of("\\[1/3\\] upgrade", "\\[2/3\\] upgrade",
                "\\[3/3\\] upgrade   [0-9a-f]{12}, [0-9a-f]{12} -> [0-9a-f]{12}, merge heads \\(\\d+ ms\\)"));
        PROMISED.put("mvn -q compile exec:java", List.of("retort.db is at head; the application starts\\."));
    }

    record Block(String language, String text) {
    }

    /** The copy of this checkout the first run installs from; the second uses its launcher. */
    @TempDir
    static Path shared;
    private static Path checkout;

    @Test
    @Order(1)
    void theTourRunsAsWrittenWithTheMachinesMaven() throws IOException {
        checkout = copyOfThisCheckout(shared.resolve("retort"));
        run(shared, "mvn", true);
    }

    @Test
    @Order(2)
    void theProjectPartRunsWithMaven39(@TempDir Path dir) throws IOException {
        // A second real Maven costs most of a minute: the soak profile runs it (mvn -Psoak -pl buildtests verify).
        Assumptions.assumeTrue(Boolean.getBoolean("retort.tour.maven39"), "Maven 3.9's run of the tour is in the soak profile");
        Path maven = Path.of(System.getProperty("retort.maven39", "")).toAbsolutePath();
        assertTrue(Files.isRegularFile(maven.resolve("bin/mvn")), "Maven 3.9 unpacked by the build at " + maven);
        maven.resolve("bin/mvn").toFile().setExecutable(true); // the unpacking may lose the mode
        if (checkout == null) {
            theTourRunsAsWrittenWithTheMachinesMaven(); // run alone, the second needs the first's install
        }
        Path again = Files.createDirectories(dir.resolve("second"));
        run(again, maven.resolve("bin/mvn").toString(), false);
    }

    /**
     * Runs the tour's blocks in order. {@code withInstall}: the first block (the install) runs in
     * the checkout; the rest in the project. {@code mvn} is the Maven that "mvn" means.
     */
    private static void run(Path dir, String mvn, boolean withInstall) throws IOException {
        List<Block> blocks = tourBlocks();
        Path cwd = checkout;
        String path = System.getenv("PATH");
        Path mavenBin = Path.of(mvn).isAbsolute() ? Path.of(mvn).getParent() : null;
        if (!withInstall) {
            path = checkout + ":" + path; // the install's export, already run by the first test
            Path project = dir.resolve("tour");
            Files.createDirectories(dir.resolve("retort-sibling"));
            cwd = dir.resolve("retort-sibling"); // "mkdir ../tour && cd ../tour" lands in dir/tour
            assertFalse(Files.exists(project));
        }
        if (mavenBin != null) {
            path = mavenBin + ":" + path;
        }
        Path generated = null;
        boolean first = true;
        for (Block block : blocks) {
            switch (block.language()) {
                case "bash" -> {
                    if (first && !withInstall) {
                        first = false;
                        continue;
                    }
                    first = false;
                    Shell shell = bash(cwd, path, block.text());
                    cwd = shell.cwd();
                    path = shell.path();
                    if (block.text().contains("retort revision -m \"create users\"")) {
                        generated = generatedFile(shell.outputs().get("retort revision -m \"create users\""), cwd);
                    }
                }
                case "xml" -> Files.writeString(cwd.resolve("pom.xml"), block.text());
                case "java" -> {
                    if (block.text().startsWith("package com.example;")) {
                        Tools.write(cwd.resolve("src/main/java/com/example/App.java"), block.text());
                    } else {
                        replaceUpgrade(generated, block.text());
                    }
                }
                default -> fail("a block of " + block.language() + " in the tour, which the test does not know how to run");
            }
        }
    }

    /** The file {@code revision} said it wrote. */
    private static Path generatedFile(String output, Path cwd) {
        Matcher m = Pattern.compile("Generating (\\S+\\.java)").matcher(output);
        assertTrue(m.find(), output);
        return cwd.resolve(m.group(1));
    }

    /** What the reader does in the editor: the generated empty upgrade gives way to the README's. */
    private static void replaceUpgrade(Path file, String upgrade) throws IOException {
        String source = Files.readString(file);
        String empty = "    @Override\n    public void upgrade(Ops op) {\n    }\n";
        assertTrue(source.contains(empty), source);
        Files.writeString(file, source.replace(empty, upgrade.endsWith("\n") ? upgrade : upgrade + "\n"));
    }

    record Shell(Path cwd, String path, Map<String, String> outputs) {
    }

    /**
     * Runs a block's lines in one bash, each announced by a marker so its output can be told from
     * the others'; the lines themselves run as written. Fails at the first line that fails, or
     * whose printed output lacks what its comment promises.
     */
    private static Shell bash(Path cwd, String path, String block) {
        var script = new StringBuilder("set -e\n");
        List<String> lines = block.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < lines.size(); i++) {
            script.append("echo '@@line ").append(i).append("'\n").append(lines.get(i)).append('\n');
        }
        script.append("echo '@@end'\necho \"@@cwd $PWD\"\necho \"@@path $PATH\"\n");
        Tools.Run run = Tools.run(cwd, Map.of("PATH", path, "CI", "true"), List.of("bash", "-c", script.toString()));
        var outputs = new LinkedHashMap<String, String>();
        String[] parts = run.output().split("@@line ");
        for (int p = 1; p < parts.length; p++) {
            int newline = parts[p].indexOf('\n');
            int index = Integer.parseInt(parts[p].substring(0, newline));
            String output = parts[p].substring(newline + 1);
            if (output.contains("@@end\n")) {
                output = output.substring(0, output.indexOf("@@end\n"));
            }
            outputs.put(command(lines.get(index)), output);
            check(lines.get(index), output);
        }
        assertEquals(0, run.exitCode(), "the tour stopped:\n" + run.output());
        Matcher dir = Pattern.compile("@@cwd (.+)").matcher(run.output());
        Matcher newPath = Pattern.compile("@@path (.+)").matcher(run.output());
        assertTrue(dir.find() && newPath.find(), run.output());
        return new Shell(Path.of(dir.group(1)), newPath.group(1), outputs);
    }

    private static String command(String line) {
        int hash = line.indexOf("   #");
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    /** A line with a comment promises output: it must be in PROMISED, and every pattern found. */
    private static void check(String line, String output) {
        if (!line.contains(" # ")) {
            return;
        }
        List<String> patterns = PROMISED.entrySet().stream().filter(e -> line.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (patterns == null) {
            if (line.startsWith("mvn -q -B -DskipTests install") || line.startsWith("export PATH")) {
                return;
            }
            fail("the README promises output the test does not check: " + line);
        }
        // What a terminal shows: Maven 3.8 writes colour resets (ESC[0m) even when quiet.
        String shown = output.replaceAll("\u001b\\[[0-9;]*m", "");
        for (String pattern : patterns) {
            assertTrue(Pattern.compile(pattern, Pattern.MULTILINE).matcher(shown).find(),
                    "'" + line + "' printed:\n" + output + "\nwhich lacks " + pattern);
        }
    }

    /** The fenced blocks of the README's tour section, in order. */
    static List<Block> tourBlocks() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## A five-minute tour");
        int end = readme.indexOf("\n## ", start + 1);
        String tour = readme.substring(start, end);
        var blocks = new ArrayList<Block>();
        Matcher m = Pattern.compile("(?s)```(\\w+)\\n(.*?)```").matcher(tour);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2)));
        }
        return blocks;
    }

    /** The checkout's files as git sees them (tracked, and new ones not ignored), as a reader's clone has them. */
    private static Path copyOfThisCheckout(Path into) throws IOException {
        Tools.Run files = Tools.run(ROOT, List.of("git", "ls-files", "-co", "--exclude-standard", "-z"));
        assertEquals(0, files.exitCode(), files.output());
        for (String name : files.output().split("\0")) {
            Path source = ROOT.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(source)) {
                Path target = into.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
                target.toFile().setExecutable(source.toFile().canExecute());
            }
        }
        try (Stream<Path> all = Files.list(into)) {
            assertTrue(all.anyMatch(p -> p.getFileName().toString().equals("retort")), "the launcher script");
        }
        return into;
    }
}
