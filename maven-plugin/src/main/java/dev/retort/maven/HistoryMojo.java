package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort history [-r FROM:TO] [-i]}: the revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class HistoryMojo extends AbstractRetortMojo {

    /** Only this range, {@code FROM:TO} as Alembic reads it ({@code current:}, {@code -3:}). */
    @Parameter(property = "retort.range")
    String range;

    /** Marks the database's current revision(s); needs the database. */
    @Parameter(property = "retort.indicateCurrent", defaultValue = "false")
    boolean indicateCurrent;

    /** Prints JSON for scripts. */
    @Parameter(property = "retort.json", defaultValue = "false")
    boolean json;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("history").option("--rev-range", setting("retort.range", range))
                .flag("--indicate-current", flag("retort.indicateCurrent", indicateCurrent))
                .flag("--json", flag("retort.json", json));
    }
}
