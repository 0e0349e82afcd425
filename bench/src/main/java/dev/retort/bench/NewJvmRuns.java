package dev.retort.bench;

import dev.retort.runtime.Retort;
import dev.retort.cli.Main;
import dev.retort.runtime.dialect.Dialects;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For {@link AutogenerateBench}: autogenerate as a user meets it, in a JVM that has run nothing
 * yet. Each run starts two JVMs: one runs the whole command ({@code java -jar
 * retort-cli-*-all.jar}, as the {@code retort} script does; the bench's class path and
 * {@code Main} when that jar is not beside the runtime jar), the other ({@link #main}) the parts
 * of {@link AutogenerateParts} once, to show where a first run's time goes. Each with the JVM
 * options of {@link #OPTIONS} in turn: as the script runs Java now, and with C1 alone.
 */
final class NewJvmRuns {

    static final List<List<String>> OPTIONS = List.of(List.of(), List.of("-XX:TieredStopAtLevel=1"));
    private static final String COMMAND = "the whole command";

    private final AutogenerateProject project;
    private final String database;
    private final String url;
    /** Per option: per part (and the command), per run: {wall, CPU} in ms. */
    private final List<Map<String, List<double[]>>> times = new ArrayList<>();

    NewJvmRuns(AutogenerateProject project, String database, String url) {
        this.project = project;
        this.database = database;
        this.url = url;
        OPTIONS.forEach(o -> times.add(new LinkedHashMap<>()));
    }

    void run(int runs) throws Exception {
        for (int r = 0; r < runs; r++) {
            for (int o = 0; o < OPTIONS.size(); o++) {
                int n = r * OPTIONS.size() + o;
                var command = new ArrayList<>(cliJar() != null ? List.of("-jar", cliJar().toString())
                        : List.of("-cp", classPath(), Main.class.getName()));
                command.addAll(project.command(url, AutogenerateProject.revId("fc", n)));
                double[] measured = start(OPTIONS.get(o), command, "command-" + n);
                project.deleteWritten();
                times.get(o).computeIfAbsent(COMMAND, p -> new ArrayList<>()).add(measured);
                List<String> parts = List.of("-cp", classPath(), NewJvmRuns.class.getName(),
                        project.dir().toString(), database, url);
                Path log = project.dir().resolve(database + "-parts-" + n + ".log");
                start(OPTIONS.get(o), parts, "parts-" + n);
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.split("\t");
                    if (fields.length == 3 && AutogenerateParts.NAMES.contains(fields[0])) {
                        times.get(o).computeIfAbsent(fields[0], p -> new ArrayList<>())
                                .add(new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2])});
                    }
                }
            }
        }
    }

    void report() {
        String launcher = cliJar() != null ? "java -jar " + cliJar().getFileName() : "java -cp <bench class path> Main";
        System.out.printf(Locale.ROOT, "%n%s, a new JVM for each run, %d runs; ms, medians: wall (CPU); the command is %s%n",
                database, times.get(0).get(COMMAND).size(), launcher);
        var header = new StringBuilder(String.format(Locale.ROOT, "  %-44s", ""));
        OPTIONS.forEach(o -> header.append(String.format(Locale.ROOT, " %26s",
                o.isEmpty() ? "as the retort script runs it" : String.join(" ", o))));
        System.out.println(header);
        line(COMMAND + " (CPU of the process)", COMMAND);
        System.out.println("  its parts, another JVM doing each once (CPU of its thread):");
        for (String part : AutogenerateParts.NAMES) {
            if (times.get(0).containsKey(part)) {
                line("  " + part, part);
            }
        }
    }

    private void line(String label, String part) {
        var text = new StringBuilder(String.format(Locale.ROOT, "  %-44s", label));
        for (Map<String, List<double[]>> option : times) {
            List<double[]> values = option.get(part);
            text.append(String.format(Locale.ROOT, " %26s", String.format(Locale.ROOT, "%,.0f (%,.0f)",
                    AutogenerateBench.median(values.stream().mapToDouble(v -> v[0]).toArray()),
                    AutogenerateBench.median(values.stream().mapToDouble(v -> v[1]).toArray()))));
        }
        System.out.println(text);
    }

    /** Runs {@code java <options> <arguments>} in the project folder; returns {wall, CPU of the process} in ms. */
    private double[] start(List<String> options, List<String> arguments, String name) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(arguments);
        Path log = project.dir().resolve(database + "-" + name + ".log");
        var builder = new ProcessBuilder(command).directory(project.dir().toFile()).redirectOutput(log.toFile())
                .redirectError(project.dir().resolve(database + "-" + name + ".err").toFile());
        long t0 = System.nanoTime();
        Process process = builder.start();
        Duration cpu = Duration.ZERO;
        // The CPU of every thread (JIT compilers and GC too), read while the process lives, as it cannot be after.
        while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
            cpu = process.info().totalCpuDuration().orElse(cpu);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(database + ": " + String.join(" ", arguments) + " exited with "
                    + process.exitValue() + ":\n" + Files.readString(log)
                    + Files.readString(project.dir().resolve(database + "-" + name + ".err")));
        }
        return new double[] {wall, cpu.toNanos() / 1e6};
    }

    /** This JVM's class path, absolute: the new JVMs run in the project's folder. */
    private static String classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    /** The command line's fat jar beside the retort-cli jar this runs with (the reactor's cli/target), or null. */
    static Path cliJar() {
        try {
            Path thin = Path.of(dev.retort.cli.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String name = thin.getFileName().toString();
            Path cli = thin.resolveSibling(name.replace(".jar", "-all.jar"));
            return name.endsWith(".jar") && Files.isRegularFile(cli) ? cli : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** In a new JVM: the parts once, printed as {@code part TAB wall TAB cpu} lines. Arguments: project folder, database, URL. */
    public static void main(String[] args) throws Exception {
        AutogenerateProject project = AutogenerateProject.in(Path.of(args[0]));
        ClassLoader loader = project.loader();
        Retort retort = Retort.configure().url(args[2]).classLoader(loader).build();
        var parts = new AutogenerateParts(Dialects.named(args[1]), retort, AutogenerateProject.MODEL, loader, project.head());
        AutogenerateParts.Measured measured = parts.measure(Files.createTempDirectory(project.dir(), "written-" + args[1]),
                project.newRevision(AutogenerateProject.revId("fb", (int) (System.nanoTime() % 1_000_000))));
        project.check(args[1], measured.differences());
        measured.times().forEach((part, t) -> System.out.printf(Locale.ROOT, "%s\t%.3f\t%.3f%n", part, t[0], t[1]));
    }
}
