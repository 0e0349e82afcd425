package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort validate [--strict]}: compares the applied revisions with the code. Bound to
 * {@code verify} by default, so an {@code <execution>} naming the goal is all a CI build needs.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true)
public class ValidateMojo extends AbstractRetortMojo {

    /** Fail the build (exit 4) when an applied revision changed or is missing, or an upgrade cannot be prepared. */
    @Parameter(property = "retort.strict", defaultValue = "false")
    boolean strict;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("validate").flag("--strict", flag("retort.strict", strict));
    }
}
