package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort status}: the database, its current revision(s), the heads and what is pending. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class StatusMojo extends AbstractRetortMojo {

    /** Prints JSON for scripts. */
    @Parameter(property = "retort.json", defaultValue = "false")
    boolean json;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("status").flag("--json", flag("retort.json", json));
    }
}
