package dev.retort.runtime.cli;

import dev.retort.runtime.scaffold.Scaffolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "merge", description = "Write a merge revision that joins several revisions (usually: heads).")
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Parameters(arity = "1..*", paramLabel = "REV", description = "heads, or the revisions or labels to merge.")
    List<String> targets;

    @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "What it does; also names the class.")
    String message = "";

    @Option(names = "--branch-label", paramLabel = "NAME", description = "A branch label for the merge revision.")
    List<String> branchLabels = new ArrayList<>();

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
        var revision = new Scaffolder(workspace.known()).merge(message, targets, branchLabels, revId, workspace.packageName());
        Path file = Scaffolder.write(revision, workspace.sourceRoot());
        top.out().println("Generating " + file + " (" + revision.id() + ", merges " + String.join(", ", revision.revises())
                + ")");
        return 0;
    }
}
