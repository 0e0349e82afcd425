package dev.retort.runtime.cli;

import dev.retort.runtime.scaffold.Scaffolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revision", description = "Write a new migration source on top of the head, and print its path.")
final class RevisionCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Option(names = "--head", paramLabel = "REV",
            description = "The revision to build on (default: the one head); base starts a new root.")
    String head;

    @Option(names = "--splice", arity = "0",
            description = "Allow --head to be a revision that is not a head, starting a branch.")
    boolean splice;

    @Option(names = "--depends-on", paramLabel = "REV", description = "A revision this one needs first (repeatable).")
    List<String> dependsOn = new ArrayList<>();

    @Mixin
    NewRevisionOptions options;

    @Override
    public Integer call() {
        Workspace workspace = options.workspace(top);
        var scaffolder = new Scaffolder(workspace.known());
        var revision = scaffolder.revision(options.message, head, splice, options.branchLabels, dependsOn, options.revId,
                workspace.packageName());
        Path file = Scaffolder.write(revision, workspace.sourceRoot());
        top.out().println("Generating " + top.settings().shown(file) + " (" + revision.id() + ", revises "
                + (revision.revises().isEmpty() ? "<base>" : String.join(", ", revision.revises())) + ")");
        return 0;
    }
}
