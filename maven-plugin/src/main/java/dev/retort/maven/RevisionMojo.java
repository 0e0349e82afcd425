package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort revision -m MESSAGE [--autogenerate [--model M]] …}: writes a new migration source
 * on the head, under {@code src/main/java} (or {@code source-dir} in {@code retort.properties}).
 * Run it from the command line: {@code mvn retort:revision -Dmessage="add users"}.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.NONE,
        threadSafe = true)
public class RevisionMojo extends AbstractRetortMojo {

    /** Required: what the revision does; also names the class. */
    @Parameter(property = "message")
    String message;

    /** Fill {@code upgrade()} with the ops that turn the migrations' schema into the model's. */
    @Parameter(property = "autogenerate", defaultValue = "false")
    boolean autogenerate;

    /** With autogenerate: {@code class:…}, {@code jpa:…} or {@code url:…}; default {@code model} in retort.properties. */
    @Parameter(property = "retort.model")
    String model;

    /** The revision to build on (default: the one head); {@code base} starts a new root. */
    @Parameter(property = "retort.head")
    String head;

    /** Allow {@code head} to be a revision that is not a head. */
    @Parameter(property = "retort.splice", defaultValue = "false")
    boolean splice;

    /** The id, instead of 12 random hex digits. */
    @Parameter(property = "retort.revId")
    String revId;

    /** A branch label for the new revision. */
    @Parameter(property = "retort.branchLabel")
    String branchLabel;

    /** Revisions this one needs first; {@code -Dretort.dependsOn=a,b}. */
    @Parameter(property = "retort.dependsOn")
    List<String> dependsOn;

    /** The source folder (default {@code source-dir} in retort.properties, or {@code src/main/java}). */
    @Parameter(property = "retort.dir")
    String dir;

    /** The package (default {@code package} in retort.properties, or the one the migrations use). */
    @Parameter(property = "retort.package")
    String packageName;

    @Override
    void command(Arguments line) throws MojoExecutionException {
        String text = setting("message", message);
        if (text == null || text.isBlank()) {
            throw new MojoExecutionException("revision needs a message: -Dmessage=\"add users\"");
        }
        line.add("revision").option("--message", text)
                .option("--head", setting("retort.head", head))
                .flag("--splice", flag("retort.splice", splice))
                .option("--rev-id", setting("retort.revId", revId))
                .option("--branch-label", setting("retort.branchLabel", branchLabel))
                .options("--depends-on", list("retort.dependsOn", dependsOn))
                .option("--dir", setting("retort.dir", dir))
                .option("--package", setting("retort.package", packageName));
        boolean generate = flag("autogenerate", autogenerate);
        line.flag("--autogenerate", generate);
        if (generate) {
            line.option("--model", setting("retort.model", model));
        }
    }
}
