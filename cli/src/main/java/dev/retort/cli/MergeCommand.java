package dev.retort.cli;

import dev.retort.cli.scaffold.Scaffolder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "merge", description = "Write a merge revision that joins several revisions (usually: heads).")
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Parameters(arity = "1..*", paramLabel = "REV", description = "heads, or the revisions or labels to merge.")
    List<String> targets;

    @Mixin
    NewRevisionOptions options;

    @Override
    public Integer call() {
        Workspace workspace = options.workspace(top);
        var revision = new Scaffolder(workspace.known()).merge(options.message, targets, options.branchLabels,
                options.revId, workspace.packageName());
        Path file = Scaffolder.write(revision, workspace.sourceRoot());
        top.out().println("Generating " + top.settings().shown(file) + " (" + revision.id() + ", merges " + String.join(", ", revision.revises())
                + ")");
        return 0;
    }
}
