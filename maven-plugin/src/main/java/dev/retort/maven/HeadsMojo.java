package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort heads}: the heads of the revision graph (no database needed). */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class HeadsMojo extends AbstractRetortMojo {

    /** Prints JSON for scripts. */
    @Parameter(property = "retort.json", defaultValue = "false")
    boolean json;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("heads").flag("--json", flag("retort.json", json));
    }
}
