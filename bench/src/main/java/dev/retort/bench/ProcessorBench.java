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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * How much the processor adds to a compilation: generates N migration sources (default 2,000: a
 * chain with a branch merged back every 100 revisions) and compiles them in process four ways,
 * back to back in each round after warm-up rounds: without any processor, with a processor that
 * does nothing, with one that generates a tiny source, and with Retort's. It reports, for each,
 * the first quartile of the compiling thread's CPU time (wall time on a shared VM is too noisy to
 * compare, and what the rest of the machine does only ever adds time, so the faster rounds are
 * the ones to compare), the ratios of those quartiles, the median of the ratios within each
 * round with their spread, and the CPU spent
 * inside the processor's own code. The target: Retort's processor within 10% of one that does
 * nothing. The tiny source shows what any generated source costs: javac runs one more round,
 * entering every source again, which is why Retort writes its index (on the class path) as a
 * class file.
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

    /** Claims @Revision and writes one tiny source: what javac costs for any processor that generates a source. */
    @SupportedAnnotationTypes("dev.retort.Revision")
    public static final class GenerateOneSource extends AbstractProcessor {
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
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 41;
        Path dir = Files.createTempDirectory("retort-processor-bench");
        List<Path> sources = generate(dir.resolve("src"), count);
        System.out.printf("%d migration sources in %s; %d measured rounds after %d warm-up rounds%n", count, dir, rounds,
                WARM_UP);

        Map<String, Supplier<Processor>> modes = new LinkedHashMap<>();
        modes.put(NONE, () -> null);
        modes.put(NOTHING, DoNothing::new);
        modes.put("one generating a tiny source", GenerateOneSource::new);
        modes.put(RETORT, RevisionProcessor::new);
        Map<String, long[]> cpu = new LinkedHashMap<>();
        Map<String, long[]> inside = new LinkedHashMap<>();
        modes.keySet().forEach(m -> {
            cpu.put(m, new long[rounds]);
            inside.put(m, new long[rounds]);
        });
        int run = 0;
        var order = new ArrayList<>(modes.entrySet());
        for (int r = -WARM_UP; r < rounds; r++) {
            // Each round starts with another mode, so that none always follows the same one.
            Collections.rotate(order, 1);
            for (var mode : order) {
                Processor processor = mode.getValue().get();
                Timed timed = processor == null ? null : new Timed(processor);
                long measured = compile(dir, sources, timed, "run" + run++);
                if (r >= 0) {
                    cpu.get(mode.getKey())[r] = measured;
                    inside.get(mode.getKey())[r] = timed == null ? 0 : timed.cpu;
                }
            }
        }
        System.out.printf("%-28s %15s %13s %15s %32s %10s%n", "", "CPU quartile 1", "over none", "over nothing",
                "over nothing, within rounds", "inside it");
        for (String mode : modes.keySet()) {
            long[] c = cpu.get(mode);
            System.out.printf(Locale.ROOT, "%-28s %12.0f ms %13s %15s %32s %7.0f ms%n", mode, quantile(c, 0.25),
                    mode.equals(NONE) ? "" : percent(quantile(c, 0.25) / quantile(cpu.get(NONE), 0.25)),
                    mode.equals(NONE) || mode.equals(NOTHING) ? ""
                            : percent(quantile(c, 0.25) / quantile(cpu.get(NOTHING), 0.25)),
                    mode.equals(NONE) || mode.equals(NOTHING) ? "" : withinRounds(c, cpu.get(NOTHING)),
                    quantile(inside.get(mode), 0.5));
        }
        System.out.println("(quartile 1: a quarter of the rounds were faster. Interference from the rest of the machine"
                + " only ever adds time, so the fast rounds are the ones to compare; within rounds: the median of the"
                + " ratios in each round, in brackets their middle half, which shows how noisy the machine was)");
        System.out.println("CPU per round, ms:");
        modes.keySet().forEach(m -> System.out.printf("  %-26s %s%n", m, runs(cpu.get(m))));
        System.out.println("target: Retort's processor within 10% of one doing nothing");
    }

    private static final int WARM_UP = 5;
    private static final String NONE = "no processor (-proc:none)";
    private static final String NOTHING = "a processor doing nothing";
    private static final String RETORT = "Retort's processor";

    /** The median of {@code mode}'s ratios to {@code base} within each round, and their quartiles. */
    private static String withinRounds(long[] mode, long[] base) {
        double[] ratios = new double[mode.length];
        for (int r = 0; r < mode.length; r++) {
            ratios[r] = (double) mode[r] / base[r];
        }
        Arrays.sort(ratios);
        int n = ratios.length;
        return percent(ratios[n / 2]) + " [" + percent(ratios[n / 4]) + ", " + percent(ratios[3 * n / 4]) + "]";
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * ratio - 100);
    }

    /** Counts the CPU time a processor spends in its own code, around every call javac makes. */
    static final class Timed implements Processor {
        private final Processor processor;
        long cpu;

        Timed(Processor processor) {
            this.processor = processor;
        }

        @Override
        public Set<String> getSupportedOptions() {
            return processor.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return processor.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return processor.getSupportedSourceVersion();
        }

        @Override
        public void init(ProcessingEnvironment env) {
            long start = THREADS.getCurrentThreadCpuTime();
            processor.init(env);
            cpu += THREADS.getCurrentThreadCpuTime() - start;
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                return processor.process(annotations, round);
            } finally {
                cpu += THREADS.getCurrentThreadCpuTime() - start;
            }
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String text) {
            return processor.getCompletions(element, annotation, member, text);
        }
    }

    private static String runs(long[] nanos) {
        return Arrays.stream(nanos).mapToObj(n -> String.valueOf(n / 1_000_000)).reduce((a, b) -> a + " " + b).orElse("");
    }

    /** The value a fraction {@code q} of the measurements are below, in milliseconds. */
    private static double quantile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) (q * (sorted.length - 1))] / 1e6;
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

    /** Compiles once; returns the compiling thread's CPU time in nanoseconds. */
    static long compile(Path dir, List<Path> sources, Processor processor, String name) {
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
            var task = javac.getTask(null, files, null, options, null, files.getJavaFileObjectsFromPaths(sources));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            if (!task.call()) {
                throw new IllegalStateException("the generated sources do not compile");
            }
            return THREADS.getCurrentThreadCpuTime() - cpu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
