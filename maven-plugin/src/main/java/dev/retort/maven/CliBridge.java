package dev.retort.maven;

import dev.retort.cli.Main;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one class that knows where the command line lives. When it moves to
 * {@code dev.retort:retort-cli}, repoint the import (and the pom's dependency); nothing else in
 * this plugin names a command-line class.
 */
final class CliBridge {

    private CliBridge() {
    }

    /** Runs one {@code retort} command line in this JVM and returns its exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path workingDir) {
        return Main.run(args.toArray(String[]::new), out, err, environment, workingDir, InputStream.nullInputStream());
    }
}
