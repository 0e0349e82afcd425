package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;

/**
 * Runs the command line. Errors print as one line on standard error, {@code retort: error: …},
 * with the stack trace only under {@code --verbose}; the exit code comes from the error's
 * {@link ErrorCode}: 0 success, 1 the database or a migration failed, 2 bad input.
 */
public final class Main {

    /**
     * The library's warnings go to the step listener, which the command line prints; this logger
     * carries the same warnings for applications, and stays quiet here so each prints once.
     */
    private static final Logger WARNINGS = Logger.getLogger("dev.retort.runtime.Retort");

    /** Retort's log: the SQL that runs and each step, under {@code --verbose}. */
    private static final Logger RETORT = Logger.getLogger("dev.retort");

    /** pgjdbc's log, which would print its own lines beside Retort's one-line message. */
    private static final Logger POSTGRES_DRIVER = Logger.getLogger("org.postgresql");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns its exit code; tests call this in process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), Path.of("").toAbsolutePath(), System.in);
    }

    /**
     * Runs one command with the given environment, working directory (where retort.properties and
     * relative paths are read) and standard input (answers to prompts).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path workingDir, InputStream in) {
        quietLogging(args);
        var display = new Display(args);
        var top = new RetortCommand();
        var err8 = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        var out8 = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        var cli = new CommandLine(top);
        Commands.add(cli, args);
        cli.setOut(out8)
                .setErr(err8)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parsed -> {
                    InputChecks.check(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setParameterExceptionHandler((e, a) -> {
                    err8.println("retort: " + display.line(e.getMessage()) + " (see retort --help)");
                    return ErrorCode.Exit.BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (e instanceof RetortException r) {
                        err8.println("retort: error: " + display.line(r.getMessage()));
                        if (top.verbose) {
                            printTrace(e, err8, display);
                        }
                        return r.code().exitCode();
                    }
                    if (e instanceof InvalidPathException p) {
                        // A path option or a class-path entry the file system cannot name (a NUL in it).
                        err8.println("retort: error: " + display.line("'" + p.getInput() + "' is not a path: "
                                + p.getReason()));
                        return ErrorCode.Exit.BAD_INPUT;
                    }
                    err8.println("retort: internal error: " + display.line(String.valueOf(e))
                            + (top.verbose ? "" : " (run with --verbose for the stack trace)"));
                    if (top.verbose) {
                        printTrace(e, err8, display);
                    }
                    return ErrorCode.Exit.FAILED;
                });
        top.bind(cli, out8, err8, environment, workingDir,
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        int code = cli.execute(args);
        out8.flush();
        err8.flush();
        return code;
    }

    private static void printTrace(Exception e, PrintWriter err, Display display) {
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.print(display.block(trace.toString()));
    }

    /**
     * The library logs through the JDK's System.Logger (java.util.logging here); the command line
     * prints for humans and keeps the log quiet: Retort's log and pgjdbc's only under
     * {@code --verbose}, one line each, on standard error.
     */
    private static void quietLogging(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        setIfAbsent("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
        WARNINGS.setLevel(Level.OFF);
        POSTGRES_DRIVER.setLevel(verbose ? Level.INFO : Level.OFF);
        RETORT.setLevel(verbose ? Level.FINE : Level.WARNING);
        if (verbose && RETORT.getHandlers().length == 0) {
            var handler = new ConsoleHandler();
            handler.setLevel(Level.FINE);
            handler.setFormatter(new SimpleFormatter());
            RETORT.addHandler(handler);
            RETORT.setUseParentHandlers(false);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
