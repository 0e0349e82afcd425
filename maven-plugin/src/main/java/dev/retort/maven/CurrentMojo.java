package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort current}: the revision(s) the database is at. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class CurrentMojo extends AbstractRetortMojo {

    /** Prints JSON for scripts. */
    @Parameter(property = "retort.json", defaultValue = "false")
    boolean json;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("current").flag("--json", flag("retort.json", json));
    }
}
