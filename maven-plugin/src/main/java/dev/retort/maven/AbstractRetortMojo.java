package dev.retort.maven;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the connection settings, the class path, and running the command line.
 *
 * <p>Each setting is, in this order: a {@code -D} user property ({@code -Dretort.url=…}), the
 * plugin's {@code <configuration>}, then whatever the command line itself reads ({@code RETORT_URL},
 * {@code DATABASE_URL}, {@code retort.properties} in the project's base directory, the default). A
 * {@code -D} beats the pom here, unlike Maven's own rule, so a build can be pointed elsewhere
 * without editing it.
 */
public abstract class AbstractRetortMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** The database: a JDBC URL, {@code postgresql://user@host:5432/db} or {@code sqlite:///file.db}. */
    @Parameter(property = "retort.url")
    String url;

    /** The database user, when the URL has none. */
    @Parameter(property = "retort.user")
    String user;

    /**
     * The password. It reaches the command line through its environment ({@code RETORT_PASSWORD}),
     * never its arguments, and is never logged; prefer the environment or {@code retort.properties}
     * to a pom.
     */
    @Parameter(property = "retort.password")
    String password;

    /** The version table, default {@code retort_version}. */
    @Parameter(property = "retort.versionTable")
    String versionTable;

    /** Seconds to wait for another process's migration lock (default 300). */
    @Parameter(property = "retort.lockTimeout")
    String lockTimeout;

    /** Seconds of {@code lock_timeout} under which PostgreSQL's DDL is rendered online-safe; unset for the plain rendering. */
    @Parameter(property = "retort.onlineSafe")
    String onlineSafe;

    /** {@code per-migration} (default) or {@code all}. */
    @Parameter(property = "retort.transactionMode")
    String transactionMode;

    /** {@code alembic} (default) or {@code database}. */
    @Parameter(property = "retort.namingConvention")
    String namingConvention;

    /** The command line's {@code --verbose}: every entry in listings, the SQL that runs, stack traces. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    /** Skips the goal. */
    @Parameter(property = "retort.skip", defaultValue = "false")
    boolean skip;

    /** The command and its own arguments, after the shared options. */
    abstract void command(Arguments line) throws MojoExecutionException;

    /** Where the command's standard output goes: the Maven log, unless a goal keeps it. */
    OutputStream standardOutput() {
        return new LineOutput(getLog()::info);
    }

    /** What a goal does once the command succeeded. */
    void succeeded() throws MojoExecutionException {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (flag("retort.skip", skip)) {
            getLog().info("Skipping retort (retort.skip)");
            return;
        }
        var line = new Arguments()
                .option("--url", setting("retort.url", url))
                .option("--user", setting("retort.user", user))
                .option("--version-table", setting("retort.versionTable", versionTable))
                .option("--lock-timeout", setting("retort.lockTimeout", lockTimeout))
                .option("--online-safe", setting("retort.onlineSafe", onlineSafe))
                .option("--transaction-mode", setting("retort.transactionMode", transactionMode))
                .option("--naming-convention", setting("retort.namingConvention", namingConvention))
                .option("--classpath", classpath())
                .flag("--verbose", flag("retort.verbose", verbose));
        command(line);
        Map<String, String> environment = new HashMap<>(System.getenv());
        String secret = setting("retort.password", password);
        if (secret != null) {
            environment.put("RETORT_PASSWORD", secret);
        }
        getLog().debug(line.shown() + " (in " + project.getBasedir() + ")");
        var failure = new ArrayList<String>();
        int code;
        try (var out = new PrintStream(standardOutput(), true, StandardCharsets.UTF_8);
                var err = new PrintStream(new LineOutput(text -> error(text, failure)), true, StandardCharsets.UTF_8)) {
            code = CliBridge.run(line.args(), out, err, environment, project.getBasedir().toPath());
        }
        if (code != 0) {
            getLog().debug("retort exited " + code);
            throw new MojoFailureException(failure.isEmpty() ? "retort exited " + code : failure.get(0));
        }
        succeeded();
    }

    /** The command's first error line is the build failure's message; anything else on standard error is a warning. */
    private void error(String text, List<String> failure) {
        if (failure.isEmpty() && (text.startsWith("retort: error: ") || text.startsWith("retort: internal error: ")
                || text.endsWith("(see retort --help)"))) {
            failure.add(text);
        } else if (!failure.isEmpty()) {
            getLog().error(text); // the stack trace under --verbose
        } else {
            getLog().warn(text);
        }
    }

    /** The project's compiled classes and runtime dependencies: where the migrations and their index are. */
    private String classpath() throws MojoExecutionException {
        try {
            return String.join(File.pathSeparator, project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's runtime class path is not resolved: " + e.getMessage(), e);
        }
    }

    /**
     * A user property ({@code -Dname=…}) when given, else the configured value. A value Maven could
     * not interpolate ({@code ${env.DATABASE_URL}} with the variable unset) is refused rather than
     * handed on as text.
     */
    String setting(String property, String configured) throws MojoExecutionException {
        String value = session.getUserProperties().getProperty(property, configured);
        if (value != null && value.contains("${")) {
            throw new MojoExecutionException(property + " is '" + value + "', which Maven left as it is: the property"
                    + " or environment variable it names is not set");
        }
        return value;
    }

    /** A flag: {@code -Dname} or {@code -Dname=true} sets it, {@code -Dname=false} clears it, else the configured value. */
    boolean flag(String property, boolean configured) throws MojoExecutionException {
        String value = session.getUserProperties().getProperty(property);
        if (value == null) {
            return configured;
        }
        if (value.isEmpty() || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new MojoExecutionException("-D" + property + " is true or false, not '" + value + "'");
    }

    /** A list: {@code -Dname=a,b} when given, else the configured values. */
    List<String> list(String property, List<String> configured) throws MojoExecutionException {
        String value = setting(property, null);
        if (value != null) {
            return Arrays.stream(value.split(",")).map(String::trim).toList();
        }
        return configured == null ? List.of() : configured;
    }
}
