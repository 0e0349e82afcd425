package dev.retort.runtime.cli;

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
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the command line. Errors print as one line on standard error, {@code retort: error: …},
 * with the stack trace only under {@code --verbose}; the exit code comes from the error's
 * {@link ErrorCode}: 0 success, 1 the database or a migration failed, 2 bad input.
 */
public final class Main {

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
        var top = new RetortCommand();
        var err8 = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        var out8 = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        var cli = new CommandLine(top)
                .setOut(out8)
                .setErr(err8)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((e, a) -> {
                    err8.println(top.redact("retort: " + oneLine(e.getMessage()) + " (see retort --help)"));
                    return ErrorCode.Exit.BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (e instanceof RetortException r) {
                        err8.println(top.redact("retort: error: " + oneLine(r.getMessage())));
                        if (top.verbose) {
                            printTrace(e, err8, top);
                        }
                        return r.code().exitCode();
                    }
                    err8.println(top.redact("retort: internal error: " + oneLine(String.valueOf(e))
                            + (top.verbose ? "" : " (run with --verbose for the stack trace)")));
                    if (top.verbose) {
                        printTrace(e, err8, top);
                    }
                    return ErrorCode.Exit.FAILED;
                });
        top.bind(cli, out8, environment, workingDir,
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        int code = cli.execute(args);
        out8.flush();
        err8.flush();
        return code;
    }

    private static void printTrace(Exception e, PrintWriter err, RetortCommand top) {
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println(top.redact(trace.toString()));
    }

    /** The library logs through SLF4J; the command line prints for humans and keeps the log quiet. */
    private static void quietLogging(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
