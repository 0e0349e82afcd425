package dev.retort.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort upgrade --sql [FROM:]TO [--dialect D]}, written to a file: the offline script of an
 * upgrade, for a DBA to review or run. Connects to no database; the dialect is the URL's unless given.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class SqlMojo extends AbstractRetortMojo {

    /** {@code [FROM:]TO}, FROM defaulting to {@code base}: {@code head}, {@code 0c4f8a2e6b13:head}, … */
    @Parameter(property = "retort.range", defaultValue = "head")
    String range;

    /** {@code postgresql} or {@code sqlite}; default the URL's. */
    @Parameter(property = "retort.dialect")
    String dialect;

    /** The script's file. */
    @Parameter(property = "retort.output", defaultValue = "${project.build.directory}/retort/upgrade.sql")
    File output;

    private final ByteArrayOutputStream script = new ByteArrayOutputStream();

    @Override
    void command(Arguments line) throws MojoExecutionException {
        line.add("upgrade", setting("retort.range", range), "--sql").option("--dialect", setting("retort.dialect", dialect));
    }

    @Override
    OutputStream standardOutput() {
        return script;
    }

    @Override
    void succeeded() throws MojoExecutionException {
        String chosen = session.getUserProperties().getProperty("retort.output");
        File file = chosen != null ? new File(chosen) : output;
        if (!file.isAbsolute()) {
            file = new File(project.getBasedir(), file.getPath());
        }
        try {
            Files.createDirectories(file.toPath().toAbsolutePath().getParent());
            Files.write(file.toPath(), script.toByteArray());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the SQL script to " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote the upgrade script to " + file);
    }
}
