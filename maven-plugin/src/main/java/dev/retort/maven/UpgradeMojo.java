package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort upgrade [TARGET] [--strict]}: applies the migrations up to the target, {@code head} by default. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class UpgradeMojo extends AbstractRetortMojo {

    /** {@code head} (default), {@code heads}, a revision, {@code +N}, {@code billing@head}, … */
    @Parameter(property = "retort.target", defaultValue = "head")
    String target;

    /** Stop before running anything when an applied revision changed or is missing from the code. */
    @Parameter(property = "retort.strict", defaultValue = "false")
    boolean strict;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("upgrade", setting("retort.target", target)).flag("--strict", flag("retort.strict", strict));
    }
}
