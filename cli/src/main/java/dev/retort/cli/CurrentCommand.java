package dev.retort.cli;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Retort;
import dev.retort.runtime.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {

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
        List<String> warnings = ValidationReport.unfinishedLines(retort.unfinished());
        List<String> heads = retort.currentHeads();
        RevisionGraph graph = retort.graph();
        var formats = new Formats(graph, heads);
        if (json) {
            var current = new ArrayList<Object>();
            for (String id : heads) {
                current.add(graph.contains(id) ? formats.json(id) : Map.of("revision", id, "known", false));
            }
            var out = new LinkedHashMap<String, Object>();
            out.put("database", retort.database());
            out.put("current", current);
            out.put("warnings", warnings);
            top.out().println(Json.of(out));
            return 0;
        }
        warnings.forEach(line -> top.out().println("warning: " + Display.escape(line, false)));
        if (heads.isEmpty()) {
            top.out().println("base (no revision applied)");
            return 0;
        }
        for (String id : heads) {
            if (!graph.contains(id)) {
                top.out().println(id + " (not among the migrations on the class path)");
            } else {
                var plain = new Formats(graph, List.of()); // every line here is current: no mark needed
                top.out().println(top.verbose ? plain.entry(id) : plain.line(id, false, false));
            }
        }
        return 0;
    }
}
