package dev.retort.runtime.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortConfig;
import dev.retort.runtime.StepListener;
import dev.retort.runtime.TransactionMode;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.io.File;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code retort}: the options every command shares, and the commands. */
@Command(name = "retort",
        mixinStandardHelpOptions = true,
        versionProvider = RetortCommand.Version.class,
        description = "Schema migrations for Java: upgrade, downgrade and inspect a database with the migrations"
                + " on the class path.",
        subcommands = {UpgradeCommand.class, DowngradeCommand.class, StampCommand.class, CurrentCommand.class,
                HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, ShowCommand.class, ValidateCommand.class},
        footer = {"", "Exit codes: 0 success, 1 the database or a migration failed, 2 bad input, 3 the migration lock"
                + " was not free within --lock-timeout, 4 validation failed (--strict)."})
public final class RetortCommand implements Runnable {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The database: a JDBC URL, postgresql://user:pass@host:5432/db (also postgresql+asyncpg://),"
                    + " or sqlite:///path.db. Default: ${DEFAULT-VALUE} (retort.db in the working directory).",
            defaultValue = DatabaseUrl.DEFAULT)
    String url;

    @Option(names = "--classpath", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Jars or class folders holding migrations and their generated index, separated by ':'"
                    + " (';' on Windows).")
    String classpath;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The version table (default: ${DEFAULT-VALUE}); alembic_version adopts a database Alembic managed.",
            defaultValue = RetortConfig.DEFAULT_VERSION_TABLE)
    String versionTable;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            description = "How long to wait for another process's migration lock (default: 300).")
    String lockTimeout;

    @Option(names = "--transaction-mode", scope = ScopeType.INHERIT, paramLabel = "MODE",
            description = "per-migration (default): each migration in its own transaction; all: the whole run in one.")
    String transactionMode;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail: every revision's entry in listings, the SQL that runs, stack traces with errors.")
    boolean verbose;

    private CommandLine commandLine;
    private PrintWriter out;

    void bind(CommandLine commandLine, PrintWriter out) {
        this.commandLine = commandLine;
        this.out = out;
    }

    PrintWriter out() {
        return out;
    }

    @Override
    public void run() {
        commandLine.usage(out);
    }

    /** A configured Retort for the chosen database and class path. */
    Retort retort(StepListener listener) {
        return retort(listener, false);
    }

    Retort retort(StepListener listener, boolean strict) {
        var builder = Retort.configure()
                .url(url)
                .versionTable(versionTable)
                .classLoader(classLoader())
                .listener(listener)
                .strict(strict);
        if (lockTimeout != null) {
            builder.lockTimeout(seconds(lockTimeout));
        }
        if (transactionMode != null) {
            builder.transactionMode(TransactionMode.parse(transactionMode));
        }
        return builder.build();
    }

    private static Duration seconds(String text) {
        // ASCII digits only: Long.parseLong would also take other scripts' digits.
        if (text.matches("[0-9]{1,5}") && Long.parseLong(text) <= Duration.ofDays(1).toSeconds()) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        throw new RetortException(ErrorCode.BAD_OPTION, "--lock-timeout '" + text + "' is not a whole number of seconds"
                + " from 0 to 86400");
    }

    /** Anything that may carry the password, with the password replaced by {@code ***}. */
    String redact(String text) {
        String shown = text;
        try {
            DatabaseUrl parsed = url == null ? null : DatabaseUrl.parse(url);
            if (parsed != null && parsed.password() != null && !parsed.password().isEmpty()) {
                shown = shown.replace(parsed.password(), "***");
            }
        } catch (RetortException e) {
            // an unparsable URL is shown redacted by the error that reports it
        }
        return DatabaseUrl.redact(shown);
    }

    private ClassLoader classLoader() {
        ClassLoader parent = RetortCommand.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        var urls = new ArrayList<URL>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new RetortException(ErrorCode.BAD_OPTION, "--classpath entry " + entry
                        + " does not exist; give jars or class folders that hold migrations");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new RetortException(ErrorCode.BAD_OPTION, "--classpath entry " + entry + " is not a path: " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
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
