package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort stamp TARGET... [--purge]}: writes the version table as if at the targets, running nothing. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class StampMojo extends AbstractRetortMojo {

    /** Required: one or more targets ({@code head}, {@code base}, revisions); {@code -Dretort.targets=a,b}. */
    @Parameter(property = "retort.targets")
    List<String> targets;

    /** Empty the version table first, even of revisions unknown here. */
    @Parameter(property = "retort.purge", defaultValue = "false")
    boolean purge;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        List<String> chosen = list("retort.targets", targets);
        if (chosen.isEmpty()) {
            throw new MojoExecutionException("stamp needs a target: -Dretort.targets=head (or base, or revisions),"
                    + " or <targets> in the configuration");
        }
        line.add("stamp").add(chosen.toArray(String[]::new)).flag("--purge", flag("retort.purge", purge));
    }
}
