package dev.retort.cli;

import dev.retort.runtime.Retort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Where the database stands against the code: current, head, and what is pending.")
final class StatusCommand implements Callable<Integer> {

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
        if (json) {
            var out = new LinkedHashMap<String, Object>();
            out.put("database", retort.database());
            out.put("current", status.current());
            out.put("heads", status.heads());
            out.put("pending", status.upToDate() ? List.of()
                    : status.pending().stream().map(new Formats(retort.graph(), status.current())::json).toList());
            out.put("upToDate", status.upToDate());
            top.out().println(Json.of(out));
            return 0;
        }
        top.out().println("Database: " + retort.database());
        top.out().println("Current:  " + Formats.heads(retort, status.current()));
        top.out().println("Head:     " + Formats.heads(retort, status.heads()));
        if (status.upToDate()) {
            top.out().println("Up to date.");
        } else {
            var formats = new Formats(retort.graph(), status.current());
            top.out().println(status.pending().size() + " pending (upgrade heads applies them, in this order):");
            for (String id : status.pending()) {
                top.out().println("  " + formats.line(id, true, true));
            }
        }
        return 0;
    }
}
