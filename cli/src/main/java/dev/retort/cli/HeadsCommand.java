package dev.retort.cli;

import dev.retort.graph.RevisionGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", description = "Show the heads of the revision graph (no database needed).")
final class HeadsCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Option(names = "--json", arity = "0",
            description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        RevisionGraph graph = top.graph();
        var formats = new Formats(graph, List.of());
        if (json) {
            top.out().println(Json.of(Map.of("heads", graph.heads().stream().map(formats::json).toList())));
            return 0;
        }
        for (String head : graph.heads()) {
            top.out().println(top.verbose ? formats.entry(head) : formats.line(head, false, false));
        }
        return 0;
    }
}
