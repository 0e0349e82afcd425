package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.cli.scaffold.PomWiring;
import dev.retort.cli.scaffold.Scaffolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Set up migrations in a Maven project: a package with a first revision, the"
        + " processor in pom.xml, and retort.properties. Overwrites nothing.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Option(names = "--package", paramLabel = "PACKAGE", required = true,
            description = "The migrations' package, for example com.example.db.")
    String packageName;

    @Option(names = "--dir", paramLabel = "DIR", description = "The source folder (default: src/main/java).")
    String dir;

    @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "The first revision's message"
            + " (default: initial).")
    String message = "initial";

    @Option(names = "--no-pom", arity = "0",
            description = "Leave pom.xml alone and print what to add to it.")
    boolean noPom;

    @Override
    public Integer call() throws IOException {
        Path root = top.settings().workingDir();
        Path pom = root.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw new RetortException(ErrorCode.BAD_OPTION, "no pom.xml in " + root + "; run init at the root of a Maven"
                    + " project");
        }
        Workspace workspace = Workspace.of(top, dir, packageName);
        Path packageDir = workspace.sourceRoot().resolve(packageName.replace('.', '/'));
        if (workspace.declared().stream().anyMatch(d -> d.packageName().equals(packageName))) {
            throw new RetortException(ErrorCode.BAD_OPTION, packageDir + " already holds migrations; use 'retort revision'"
                    + " to add one");
        }
        PomWiring.Artifact driver = driver();
        var wiring = new PomWiring(Retort.version(), driver);
        String wired = noPom ? null : wiring.wire(Files.readString(pom, StandardCharsets.UTF_8));
        Path properties = root.resolve(Settings.FILE);

        var first = new Scaffolder(workspace.known()).revision(message, "base", false, List.of(), List.of(), null,
                packageName);
        Path file = Scaffolder.write(first, workspace.sourceRoot());
        top.out().println("Generating " + top.settings().shown(file) + " (" + first.id() + ", the first revision)");
        if (noPom) {
            top.out().println("Add this to " + pom + ":");
            top.out().println(wiring.snippet());
        } else if (wired == null) {
            top.out().println(pom + " already runs Retort's processor; left as it was.");
        } else {
            Files.writeString(pom, wired, StandardCharsets.UTF_8);
            top.out().println("Added retort-runtime, " + driver.groupId() + ":" + driver.artifactId() + " (the JDBC"
                    + " driver; the runtime brings none) and the Retort processor (annotationProcessorPaths) to " + pom
                    + ".");
        }
        if (Files.exists(properties)) {
            top.out().println(properties + " exists; left as it was.");
        } else {
            Path sourceDir = root.relativize(workspace.sourceRoot());
            Files.writeString(properties, "# Read by the retort command line; command-line options and RETORT_URL or\n"
                    + "# DATABASE_URL in the environment win over these.\n"
                    + "source-dir=" + sourceDir.toString().replace('\\', '/') + "\n"
                    + "package=" + packageName + "\n"
                    + "classpath=target/classes\n", StandardCharsets.UTF_8);
            top.out().println("Writing " + properties + " (source-dir, package, classpath).");
        }
        return 0;
    }

    /**
     * The JDBC driver for the database the command line would use here (the runtime brings none),
     * at the version this command line carries; SQLite when the URL says nothing parseable.
     */
    private PomWiring.Artifact driver() {
        DatabaseUrl.Kind kind;
        try {
            kind = DatabaseUrl.parse(top.settings().url(null).value(), null, null).kind();
        } catch (RetortException e) {
            kind = DatabaseUrl.Kind.SQLITE;
        }
        return PomWiring.Artifact.driver(kind);
    }
}
