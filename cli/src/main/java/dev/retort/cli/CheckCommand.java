package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.autogen.Difference;
import dev.retort.runtime.model.Model;
import dev.retort.cli.scaffold.OpWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", description = "Without a model: compare the database's schema with what its migrations"
        + " describe at its current revision, and exit 1 listing each difference (a change made by hand). With a model"
        + " (--model, or model in retort.properties), as Alembic's check: list what revision --autogenerate would write"
        + " on the head, and exit 1 when it would write anything.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", arity = "0",
            description = "Print JSON for scripts (the exit code still tells).")
    boolean json;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Compare the migrations at the head with this model instead of the database with its migrations:"
                    + " jpa:<package>, class:<fully.qualified.Name> or url:<database>. Default: model in retort.properties.")
    String model;

    @Option(names = "--no-model", arity = "0",
            description = "Compare the database with its migrations even when retort.properties names a model.")
    boolean noModel;

    @Override
    public Integer call() {
        if (noModel && model != null) {
            throw new RetortException(ErrorCode.BAD_OPTION, "--model and --no-model ask for the two meanings of check; give one");
        }
        Model chosen = noModel ? null : Autogenerate.model(top, model);
        if (chosen != null) {
            return againstModel(chosen);
        }
        Retort retort = top.retort(null, database);
        List<String> differences = retort.check();
        if (json) {
            var out = new LinkedHashMap<String, Object>();
            out.put("database", retort.database());
            out.put("current", retort.current());
            out.put("differences", differences);
            out.put("clean", differences.isEmpty());
            top.out().println(Json.of(out));
        } else if (differences.isEmpty()) {
            top.out().println("The database matches its migrations at " + Formats.heads(retort.graph(), retort.current()) + ".");
        } else {
            differences.forEach(line -> top.out().println("  " + line));
        }
        if (!differences.isEmpty()) {
            throw new RetortException(ErrorCode.SCHEMA_DRIFT, differences.size() + " difference(s) between the database and"
                    + " its migrations; change the database back, or write a revision that makes the change");
        }
        return 0;
    }

    /** Alembic's {@code check}: would autogenerate write anything? */
    private int againstModel(Model chosen) {
        Retort retort = top.retort(null, database);
        List<String> heads = retort.graph().heads();
        if (heads.size() > 1) {
            throw new RetortException(ErrorCode.MULTIPLE_HEADS, "check compares the model with the migrations at the head,"
                    + " and there are " + heads.size() + " (" + String.join(", ", heads) + "); merge them first");
        }
        List<Difference> differences = Autogenerate.compare(top, retort, chosen, List.of(), heads).differences();
        List<String> lines = differences.stream().map(d -> OpWriter.line(d.op())).toList();
        if (json) {
            var out = new LinkedHashMap<String, Object>();
            out.put("model", chosen.describe());
            out.put("heads", heads);
            out.put("differences", lines);
            out.put("clean", lines.isEmpty());
            top.out().println(Json.of(out));
        } else if (lines.isEmpty()) {
            top.out().println("No changes: the migrations at " + String.join(", ", heads) + " make the schema "
                    + chosen.describe() + " describes.");
        } else {
            lines.forEach(line -> top.out().println("  " + line));
        }
        if (!lines.isEmpty()) {
            throw new RetortException(ErrorCode.SCHEMA_DRIFT, lines.size() + " op(s) between the migrations and "
                    + chosen.describe() + "; write them with retort revision --autogenerate -m \"…\"");
        }
        return 0;
    }
}
