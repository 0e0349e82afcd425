package dev.retort.runtime.cli;

import dev.retort.runtime.scaffold.Scaffolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revision", description = "Write a new migration source on top of the head, and print its path.")
final class RevisionCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "What it does; also names the class.")
    String message = "";

    @Option(names = "--head", paramLabel = "REV",
            description = "The revision to build on (default: the one head); base starts a new root.")
    String head;

    @Option(names = "--splice", description = "Allow --head to be a revision that is not a head, starting a branch.")
    boolean splice;

    @Option(names = "--branch-label", paramLabel = "NAME", description = "A branch label for the new revision.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--depends-on", paramLabel = "REV", description = "A revision this one needs first (repeatable).")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "The id, instead of 12 random hex digits.")
    String revId;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The source folder (default: source-dir in retort.properties, or src/main/java).")
    String dir;

    @Option(names = "--package", paramLabel = "PACKAGE",
            description = "The package (default: package in retort.properties, or the one the migrations use).")
    String packageName;

    @Override
    public Integer call() {
        Workspace workspace = Workspace.of(top, dir, packageName);
        var scaffolder = new Scaffolder(workspace.known());
        var revision = scaffolder.revision(message, head, splice, branchLabels, dependsOn, revId, workspace.packageName());
        Path file = Scaffolder.write(revision, workspace.sourceRoot());
        top.out().println("Generating " + file + " (" + revision.id() + ", revises "
                + (revision.revises().isEmpty() ? "<base>" : String.join(", ", revision.revises())) + ")");
        return 0;
    }
}
