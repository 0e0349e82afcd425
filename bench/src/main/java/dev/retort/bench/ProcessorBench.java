package dev.retort.bench;

import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * How much the processor adds to a compilation: generates N migration sources (default 2,000: a
 * chain with a branch merged back every 100 revisions), compiles them in process without any
 * processor, with a processor that does nothing, and with Retort's, interleaved after warm-up
 * rounds, and reports the median CPU time of the compiling thread (wall time on a shared VM is
 * too noisy to compare) and each processor's share of its total, as the median of the shares
 * measured within each round. The target for Retort's share
 * is at most 15%. Two reference processors show the floor javac sets: one that does nothing,
 * and one that generates a tiny class. For any processor javac runs an extra round, and for one
 * that generates code another, and each round re-reads every class-file symbol and re-enters
 * every source.
 *
 * <pre>bench/run ProcessorBench [sources] [measured rounds]</pre>
 */
public final class ProcessorBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessorBench() {
    }

    /** Claims @Revision and does nothing: what javac costs for any processor. */
    @SupportedAnnotationTypes("dev.retort.Revision")
    public static final class DoNothing extends AbstractProcessor {
        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
        }
    }

    /** Claims @Revision and writes one tiny class: what javac costs for any processor that generates code. */
    @SupportedAnnotationTypes("dev.retort.Revision")
    public static final class GenerateOneClass extends AbstractProcessor {
        private boolean written;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written && !round.processingOver()) {
                written = true;
                try (var out = processingEnv.getFiler().createSourceFile("bench.generated.Tiny").openWriter()) {
                    out.write("package bench.generated;\npublic final class Tiny {\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        Path dir = Files.createTempDirectory("retort-processor-bench");
        List<Path> sources = generate(dir.resolve("src"), count);
        System.out.printf("%d migration sources in %s; %d measured rounds after 3 warm-up rounds%n", count, dir, rounds);

        Map<String, Supplier<Processor>> modes = new LinkedHashMap<>();
        modes.put("no processor (-proc:none)", () -> null);
        modes.put("a processor doing nothing", DoNothing::new);
        modes.put("one generating a tiny class", GenerateOneClass::new);
        modes.put("Retort's processor", RevisionProcessor::new);
        Map<String, long[]> cpu = new LinkedHashMap<>();
        Map<String, long[]> wall = new LinkedHashMap<>();
        modes.keySet().forEach(m -> {
            cpu.put(m, new long[rounds]);
            wall.put(m, new long[rounds]);
        });
        int run = 0;
        for (int r = -3; r < rounds; r++) {
            for (var mode : modes.entrySet()) {
                long[] measured = compile(dir, sources, mode.getValue().get(), "run" + run++);
                if (r >= 0) {
                    cpu.get(mode.getKey())[r] = measured[0];
                    wall.get(mode.getKey())[r] = measured[1];
                }
            }
        }
        long[] none = cpu.get("no processor (-proc:none)");
        for (String mode : modes.keySet()) {
            long[] c = cpu.get(mode);
            // Each round compiles every mode back to back: comparing within a round cancels the
            // slow drifts of a shared machine, so the share is the median of per-round shares.
            double[] shares = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                shares[r] = 100.0 * (c[r] - none[r]) / c[r];
            }
            Arrays.sort(shares);
            System.out.printf(Locale.ROOT, "%-27s CPU median %5.0f ms, wall median %5.0f ms, share of its total %5.1f%%"
                    + "  (CPU runs: %s)%n", mode, median(c), median(wall.get(mode)), shares[rounds / 2], runs(c));
        }
        System.out.println("target: Retort's share at most 15%");
    }

    private static String runs(long[] nanos) {
        return Arrays.stream(nanos).mapToObj(n -> String.valueOf(n / 1_000_000)).reduce((a, b) -> a + " " + b).orElse("");
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** A realistic body: a table with a key, columns with defaults and a reference, and an index. */
    static List<Path> generate(Path src, int count) throws IOException {
        Path pkg = Files.createDirectories(src.resolve("bench/db"));
        var files = new ArrayList<Path>();
        for (int i = 0; i < count; i++) {
            Files.writeString(pkg.resolve("M" + i + ".java"), source(i));
            files.add(pkg.resolve("M" + i + ".java"));
        }
        return files;
    }

    /** Every 100 revisions a branch starts at the 50th and is merged at the 99th. */
    private static String source(int i) {
        String revises = i == 0 ? ""
                : i % 100 == 99 ? ", revises = {\"" + id(i - 1) + "\", \"" + id(i - 49) + "\"}"
                : i % 100 == 51 ? ", revises = \"" + id(i - 2) + "\""
                : ", revises = \"" + id(i - 1) + "\"";
        return "package bench.db;\n\n"
                + "import static dev.retort.schema.SqlType.*;\n"
                + "import static dev.retort.schema.ServerDefault.now;\n"
                + "import dev.retort.Migration;\n"
                + "import dev.retort.Revision;\n"
                + "import dev.retort.dsl.Ops;\n\n"
                + "@Revision(id = \"" + id(i) + "\"" + revises + ", message = \"create table t" + i + "\")\n"
                + "public final class M" + i + " implements Migration {\n"
                + "    @Override\n"
                + "    public void upgrade(Ops op) {\n"
                + "        op.createTable(\"t" + i + "\", t -> t\n"
                + "                .column(\"id\", BIGINT, c -> c.primaryKey().identity())\n"
                + "                .column(\"name\", varchar(100), c -> c.notNull().unique())\n"
                + "                .column(\"created_at\", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))\n"
                + "                .column(\"owner_id\", BIGINT, c -> c.references(\"t0\", \"id\")));\n"
                + "        op.createIndex(\"ix_t" + i + "_owner_id\", \"t" + i + "\", \"owner_id\");\n"
                + "    }\n"
                + "}\n";
    }

    private static String id(int i) {
        return String.format("r%05d", i);
    }

    /** Compiles once; returns the compiling thread's CPU time and the wall time, in nanoseconds. */
    static long[] compile(Path dir, List<Path> sources, Processor processor, String name) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Path out = Files.createDirectories(dir.resolve("out-" + name));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(Files.createDirectories(out.resolve("gen"))));
            var classpath = new ArrayList<Path>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                classpath.add(Path.of(entry));
            }
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            var options = new ArrayList<>(List.of("--release", "17", "-nowarn"));
            if (processor == null) {
                options.add("-proc:none");
            }
            System.gc();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            var task = javac.getTask(null, files, null, options, null, files.getJavaFileObjectsFromPaths(sources));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            if (!task.call()) {
                throw new IllegalStateException("the generated sources do not compile");
            }
            return new long[] {THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
