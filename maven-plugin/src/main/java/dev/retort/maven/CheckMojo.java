package dev.retort.maven;


import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort check [--model M | --no-model]}: fails the build when the database differs from
 * what its migrations describe (or, with a model, when autogenerate would write anything). Bound
 * to {@code verify} by default.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true)
public class CheckMojo extends AbstractRetortMojo {

    /** Compare the migrations at the head with this model: {@code class:…}, {@code jpa:…} or {@code url:…}. */
    @Parameter(property = "retort.model")
    String model;

    /** Compare the database with its migrations even when {@code retort.properties} names a model. */
    @Parameter(property = "retort.noModel", defaultValue = "false")
    boolean noModel;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("check").option("--model", setting("retort.model", model))
                .flag("--no-model", flag("retort.noModel", noModel));
    }
}
