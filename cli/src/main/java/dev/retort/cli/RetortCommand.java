package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortConfig;
import dev.retort.runtime.StepListener;
import dev.retort.runtime.TransactionMode;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code retort}: the options every command shares; the commands are {@link Commands}. */
// INHERIT gives every command --help and --version too: `retort merge --help` must not ask for REV.
// They are declared here rather than by mixinStandardHelpOptions, whose flags take a value: there
// `upgrade --help=` is help=false, and upgrade would run.
@Command(name = "retort",
        scope = ScopeType.INHERIT,
        versionProvider = RetortCommand.Version.class,
        description = "Schema migrations for Java: upgrade, downgrade and inspect a database with the migrations"
                + " on the class path.",
        footer = {"", "Exit codes: 0 success, 1 the database or a migration failed, 2 bad input, 3 the migration lock"
                + " was not free within --lock-timeout, 4 validation failed (--strict)."})
public final class RetortCommand implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, arity = "0", scope = ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, arity = "0", scope = ScopeType.INHERIT,
            description = "Print version information and exit.")
    boolean version;

    /** Given before the command; each command that uses a database takes them after it too. */
    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--classpath", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Jars or class folders holding migrations and their generated index, separated by ':'"
                    + " (';' on Windows). Default: classpath in retort.properties.")
    String classpath;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, arity = "0",
            description = "More detail: every revision's entry in listings, the SQL that runs, stack traces with errors.")
    boolean verbose;

    private CommandLine commandLine;
    private PrintWriter out;
    private PrintWriter err;
    private BufferedReader in;
    private Map<String, String> environment = Map.of();
    private Path workingDir = Path.of("");
    private Settings settings;

    void bind(CommandLine commandLine, PrintWriter out, PrintWriter err, Map<String, String> environment,
            Path workingDir, BufferedReader in) {
        this.commandLine = commandLine;
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.workingDir = workingDir;
        this.in = in;
    }

    PrintWriter out() {
        return out;
    }

    /** Answers to prompts ({@code reset}). */
    BufferedReader in() {
        return in;
    }

    /** Command line, environment and retort.properties, read once. */
    Settings settings() {
        if (settings == null) {
            settings = Settings.load(environment, workingDir);
        }
        return settings;
    }

    /** Never called with a command; {@link InputChecks} refuses a command line without one. */
    @Override
    public void run() {
        commandLine.usage(out);
    }

    /** A configured Retort for the chosen database and class path. */
    Retort retort(StepListener listener, DatabaseOptions given) {
        return retort(listener, false, given);
    }

    Retort retort(StepListener listener, boolean strict, DatabaseOptions given) {
        return configure(listener, strict, given, true);
    }

    /** A Retort that connects to nothing: for offline scripts (the URL gives the dialect) and plain listings. */
    Retort offline(DatabaseOptions given) {
        return configure(null, false, given, false);
    }

    private Retort configure(StepListener listener, boolean strict, DatabaseOptions given, boolean connects) {
        Settings s = settings();
        DatabaseOptions options = given.orBefore(database);
        var builder = Retort.configure()
                .database(database(options, connects))
                .versionTable(s.value(options.versionTable, "version-table", RetortConfig.DEFAULT_VERSION_TABLE))
                .classLoader(classLoader())
                .listener(listener)
                .namingConvention(s.naming(options.namingConvention))
                .strict(strict);
        String timeout = s.value(options.lockTimeout, "lock-timeout", null);
        if (timeout != null) {
            builder.lockTimeout(seconds(timeout, options.lockTimeout != null ? "--lock-timeout"
                    : "retort.properties: lock-timeout", 0));
        }
        String rebuild = s.value(null, "sqlite-auto-rebuild", "true");
        if (!rebuild.equals("true") && !rebuild.equals("false")) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "retort.properties: sqlite-auto-rebuild is true or false,"
                    + " not '" + rebuild + "'");
        }
        builder.sqliteAutoRebuild(Boolean.parseBoolean(rebuild));
        String onlineSafe = s.value(options.onlineSafe, "online-safe", null);
        if (onlineSafe != null) {
            builder.onlineSafe(seconds(onlineSafe, options.onlineSafe != null ? "--online-safe"
                    : "retort.properties: online-safe", 1));
        }
        String mode = s.value(options.transactionMode, "transaction-mode", null);
        if (mode != null) {
            builder.transactionMode(TransactionMode.parse(mode));
        }
        return builder.build();
    }

    /** The revision graph of the migrations on the class path, for the commands that need no database. */
    RevisionGraph graph() {
        return MigrationSet.load(classLoader()).requireAny().graph();
    }

    /**
     * The database from the option, the environment or retort.properties, a relative SQLite file
     * taken as relative to the working directory, as the command line's user means it. A URL that
     * cannot be used is reported naming where it came from.
     */
    private DatabaseUrl database(DatabaseOptions options, boolean connects) {
        Settings.Sourced source = settings().url(options.url);
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(source.value(), settings().user(options.user), settings().password());
        } catch (RetortException e) {
            throw new RetortException(e.code(), source.source() + ": " + e.getMessage(), e);
        }
        if (source.isDefault() && connects) {
            // Said first, before anything is written: a misspelt DATABASE_URL must not pass unnoticed.
            err.println("retort: no database given (--url, RETORT_URL, DATABASE_URL, url in " + Settings.FILE
                    + "); using " + source.value() + " in " + workingDir);
            err.flush();
        }
        return inWorkingDir(parsed);
    }

    /** An SQLite file given by a relative path is relative to the working directory, as every path here is. */
    DatabaseUrl inWorkingDir(DatabaseUrl parsed) {
        if (parsed.kind() != DatabaseUrl.Kind.SQLITE) {
            return parsed;
        }
        String rest = parsed.jdbcUrl().substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:") || Path.of(file).isAbsolute()) {
            return parsed;
        }
        return parsed.withJdbcUrl("jdbc:sqlite:" + workingDir.resolve(file) + (query < 0 ? "" : rest.substring(query)));
    }

    private static Duration seconds(String text, String option, int least) {
        // ASCII digits only: Long.parseLong would also take other scripts' digits.
        if (text.matches("[0-9]{1,5}") && Long.parseLong(text) >= least && Long.parseLong(text) <= Duration.ofDays(1).toSeconds()) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        throw new RetortException(ErrorCode.BAD_OPTION, option + " '" + text + "' is not a whole number of seconds"
                + " from " + least + " to 86400");
    }

    ClassLoader classLoader() {
        ClassLoader parent = RetortCommand.class.getClassLoader();
        String entries = settings().value(classpath, "classpath", null);
        if (entries == null || entries.isBlank()) {
            if (classpath != null) {
                throw new RetortException(ErrorCode.BAD_OPTION, "--classpath is empty; give jars or class folders that"
                        + " hold migrations");
            }
            return parent;
        }
        var urls = new ArrayList<URL>();
        for (String entry : entries.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = workingDir.resolve(entry);
            if (!Files.exists(path)) {
                throw new RetortException(ErrorCode.BAD_OPTION, "--classpath entry " + entry
                        + " does not exist; give jars or class folders that hold migrations");
            }
            if (!Files.isDirectory(path) && !isJar(path)) {
                throw new RetortException(ErrorCode.BAD_OPTION, "--classpath entry " + entry + " is neither a folder nor"
                        + " a jar; give jars or class folders that hold migrations");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new RetortException(ErrorCode.BAD_OPTION, "--classpath entry " + entry + " is not a path: " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** A readable zip file: a class loader would pass over anything else without a word. */
    private static boolean isJar(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (var zip = new ZipFile(path.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The version of the Retort jar that runs. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"retort " + Retort.version()};
        }
    }

    static List<String> orBase(List<String> heads) {
        return heads.isEmpty() ? List.of("base") : heads;
    }
}
