package dev.retort.cli;

import dev.retort.runtime.Retort;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "info", description = "The database, its dialect, where it stands, how many revisions are pending.")
final class InfoCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", arity = "0",
            description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        Retort retort = top.retort(null, database);
        Retort.Status status = retort.status();
        var info = new LinkedHashMap<String, Object>();
        info.put("database", retort.database());
        info.put("dialect", retort.dialectName());
        info.put("versionTable", retort.config().versionTable().toString());
        info.put("current", status.current());
        info.put("heads", status.heads());
        info.put("pending", status.pending().size());
        info.put("revisions", retort.graph().size());
        info.put("retort", Retort.version());
        if (json) {
            top.out().println(Json.of(info));
            return 0;
        }
        top.out().println("Database:      " + info.get("database"));
        top.out().println("Dialect:       " + info.get("dialect"));
        top.out().println("Version table: " + info.get("versionTable"));
        top.out().println("Current:       " + Formats.heads(retort.graph(), status.current()));
        top.out().println("Head:          " + Formats.heads(retort.graph(), status.heads()));
        top.out().println("Pending:       " + status.pending().size() + " of " + retort.graph().size() + " revisions");
        top.out().println("Retort:        " + Retort.version());
        return 0;
    }
}
