package dev.retort.runtime.cli;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Retort;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Override
    public Integer call() {
        Retort retort = top.retort(null);
        List<String> rows = retort.current();
        if (rows.isEmpty()) {
            top.out().println("base (no revision applied)");
            return 0;
        }
        RevisionGraph graph = retort.graph();
        for (String id : rows) {
            if (!graph.contains(id)) {
                top.out().println(id + " (not among the migrations on the class path)");
                continue;
            }
            top.out().println(Describe.marked(graph, id, List.of()) + (top.verbose
                    ? Describe.messageSuffix(graph.get(id)) + " [" + graph.get(id).className() + "]" : ""));
        }
        return 0;
    }
}
