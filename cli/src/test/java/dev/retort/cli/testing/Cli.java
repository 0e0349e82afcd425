package dev.retort.cli.testing;

import dev.retort.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in process and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        return in(java.nio.file.Path.of("").toAbsolutePath(), java.util.Map.of(), "", args);
    }

    /** Runs in {@code dir}, with only {@code env} as the environment and {@code stdin} as the input. */
    public static Cli in(java.nio.file.Path dir, java.util.Map<String, String> env, String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, dir,
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
