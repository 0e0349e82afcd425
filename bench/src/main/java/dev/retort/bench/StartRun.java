package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** For {@link StartBench}: one new JVM under {@code /usr/bin/time}; its wall and CPU seconds and peak resident memory. */
record StartRun(double wall, double cpu, double rssMib) {

    static StartRun of(StartBench bench, StartBench.Variant variant, StartBench.Databases databases)
            throws IOException, InterruptedException {
        Path times = bench.dir().resolve("time.txt");
        Path out = bench.dir().resolve("out.txt");
        var command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(variant.jvmOptions());
        String url = databases.jdbcUrl(variant.store());
        if (variant.main() == null) {
            command.addAll(List.of("-jar", NewJvmRuns.cliJar().toString()));
            command.addAll(variant.arguments());
            command.addAll(List.of("--url", url));
        } else {
            command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, variant.classPath()),
                    variant.main().getName(), url));
            command.addAll(variant.arguments());
        }
        Process process = new ProcessBuilder(command).directory(bench.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(variant.name() + " exited with " + exit + ": " + String.join(" ", command)
                    + "\n" + Files.readString(out) + Files.readString(times));
        }
        String[] fields = Files.readString(times).strip().split("\\s+");
        return new StartRun(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]),
                Double.parseDouble(fields[3]) / 1024);
    }
}
