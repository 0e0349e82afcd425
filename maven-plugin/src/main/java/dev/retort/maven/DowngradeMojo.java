package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort downgrade TARGET [--strict]}: reverts what is applied above the target ({@code -1}, {@code base}, …). */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class DowngradeMojo extends AbstractRetortMojo {

    /** Required: {@code -1}, a revision, {@code base}, {@code billing@-1}, … */
    @Parameter(property = "retort.target")
    String target;

    /** Stop before running anything when an applied revision changed or is missing from the code. */
    @Parameter(property = "retort.strict", defaultValue = "false")
    boolean strict;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        String chosen = setting("retort.target", target);
        if (chosen == null) {
            throw new MojoExecutionException("downgrade needs a target: -Dretort.target=-1 (or base, or a revision),"
                    + " or <target> in the configuration");
        }
        line.add("downgrade", chosen).flag("--strict", flag("retort.strict", strict));
    }
}
