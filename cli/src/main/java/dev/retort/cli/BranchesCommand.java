package dev.retort.cli;

import dev.retort.graph.RevisionGraph;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "branches", description = "Show the branch points of the revision graph and where they lead.")
final class BranchesCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Override
    public Integer call() {
        RevisionGraph graph = top.graph();
        var formats = new Formats(graph, List.of());
        List<String> newestFirst = graph.history(":", List.of());
        for (String id : newestFirst) {
            if (!graph.isBranchPoint(id)) {
                continue;
            }
            top.out().println(top.verbose ? formats.entry(id) : formats.line(id, false, false));
            for (String child : graph.children(id)) {
                top.out().println(" ".repeat(id.length()) + " -> " + formats.line(child, false, top.verbose));
            }
            top.out().println();
        }
        return 0;
    }
}
