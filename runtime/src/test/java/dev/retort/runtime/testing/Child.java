package dev.retort.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A Java process started from the tests' own class path, with its output kept in a file. */
public final class Child {

    private final Process process;
    private final Path output;

    private Child(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code main} of {@code mainClass}, its output (both streams) going to {@code output}. */
    public static Child start(Class<?> mainClass, Path output, String... args) throws IOException {
        return start(mainClass, output, entry -> true, args);
    }

    /** The same, with only the class-path entries {@code keep} accepts: an application that lacks a library. */
    public static Child start(Class<?> mainClass, Path output, Predicate<String> keep, String... args)
            throws IOException {
        String classPath = Stream.of(classPath().split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived process: quick start matters more than peak speed.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m",
                "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new Child(process, output);
    }

    /** The test class path: surefire's full list when it runs us through a manifest-only jar. */
    private static String classPath() {
        String full = System.getProperty("surefire.test.class.path");
        return full != null && !full.isBlank() ? full : System.getProperty("java.class.path");
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits for the process; kills it and fails after {@code seconds}. */
    public int waitFor(int seconds) throws Exception {
        if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("child did not finish in " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block, no chance to release anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
