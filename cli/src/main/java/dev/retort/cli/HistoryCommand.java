package dev.retort.cli;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Retort;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "List the revisions, newest first.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "FROM:TO",
            description = "Only this range: either side may be empty (base, heads), 'current' is the database's"
                    + " revision, and -N counts down from the heads (write -r-3: as one word).")
    String range;

    @Option(names = {"-i", "--indicate-current"}, arity = "0",
            description = "Mark the database's current revision(s).")
    boolean indicateCurrent;

    @Option(names = "--json", arity = "0",
            description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        boolean needsDatabase = indicateCurrent || (range != null && range.contains("current"));
        Retort retort = needsDatabase ? top.retort(null, database) : top.offline(database);
        RevisionGraph graph = retort.graph();
        List<String> current = needsDatabase ? retort.currentHeads() : List.of();
        var formats = new Formats(graph, indicateCurrent ? current : List.of());
        if (json) {
            top.out().println(Json.of(Map.of("revisions", graph.history(range, current).stream()
                    .map(formats::json).toList())));
            return 0;
        }
        for (String id : graph.history(range, current)) {
            top.out().println(top.verbose ? formats.entry(id) : formats.line(id, true, true));
        }
        return 0;
    }
}
