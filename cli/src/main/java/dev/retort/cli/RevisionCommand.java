package dev.retort.cli;

import com.squareup.javapoet.CodeBlock;
import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.ModelDiff;
import dev.retort.runtime.Retort;
import dev.retort.runtime.autogen.Difference;
import dev.retort.runtime.model.Model;
import dev.retort.cli.scaffold.OpWriter;
import dev.retort.cli.scaffold.Scaffolder;
import dev.retort.cli.scaffold.SourceRevisions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revision", description = "Write a new migration source on top of the head, and print its path; with"
        + " --autogenerate, with the ops that turn the migrations' schema into the model's.")
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

    @Option(names = "--autogenerate", arity = "0",
            description = "Fill upgrade() with the ops that turn the schema the migrations make at --head into the"
                    + " model's (--model or model in retort.properties); write nothing when they agree.")
    boolean autogenerate;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "With --autogenerate: jpa:<package> (JPA entities, through retort-hibernate on the class path),"
                    + " class:<fully.qualified.Name> (a DeclaredSchema) or url:<database>. Default: model in"
                    + " retort.properties.")
    String model;

    @Mixin
    NewRevisionOptions options;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        if (model != null && !autogenerate) {
            throw new RetortException(ErrorCode.BAD_OPTION, "--model goes with --autogenerate; give both, or neither");
        }
        Workspace workspace = options.workspace(top);
        var scaffolder = new Scaffolder(workspace.known());
        var revision = scaffolder.revision(options.message, head, splice, options.branchLabels, dependsOn, options.revId,
                workspace.packageName());
        List<CodeBlock> body = List.of();
        if (autogenerate) {
            Model chosen = Autogenerate.requiredModel(top, model, "revision --autogenerate");
            Retort retort = top.retort(null, database);
            List<RevisionInfo> declared = workspace.declared().stream()
                    .map(SourceRevisions.Declared::revision).toList();
            ModelDiff.Result result = Autogenerate.compare(top, retort, chosen, declared, revision.revises());
            if (result.differences().isEmpty()) {
                top.out().println("No changes: the migrations at " + (revision.revises().isEmpty() ? "base"
                        : String.join(", ", revision.revises())) + " make the schema " + chosen.describe()
                        + " describes; nothing written.");
                return 0;
            }
            for (Difference d : result.differences()) {
                top.out().println("  Detected " + OpWriter.line(d.op()));
            }
            body = Autogenerate.upgradeBody(chosen, result.differences());
        }
        Path file = Scaffolder.write(revision, body, workspace.sourceRoot());
        top.out().println("Generating " + top.settings().shown(file) + " (" + revision.id() + ", revises "
                + (revision.revises().isEmpty() ? "<base>" : String.join(", ", revision.revises())) + ")");
        return 0;
    }
}
