package dev.retort.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort lint --all}: every revision's ops against the lint rules, running nothing and
 * opening no database. Bound to {@code verify}, so a pull request that adds a dangerous change
 * fails its build (exit 1) unless the migration exempts itself with {@code @AllowLint}.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true)
public class LintMojo extends AbstractRetortMojo {

    /** The database whose own rules apply ({@code postgresql}, {@code sqlite}, {@code mysql}); default: the URL's. */
    @Parameter(property = "retort.dialect")
    String dialect;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("lint").add("--all").option("--dialect", setting("retort.dialect", dialect));
    }
}
