package dev.retort.runtime.cli;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Retort;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "List the revisions, newest first.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the database's current revision(s).")
    boolean indicateCurrent;

    @Override
    public Integer call() {
        Retort retort = top.retort(null);
        RevisionGraph graph = retort.graph();
        List<String> current = indicateCurrent ? retort.current() : List.of();
        List<String> order = graph.topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            var revision = graph.get(order.get(i));
            top.out().println(Describe.line(graph, revision, current)
                    + (top.verbose ? " [" + revision.className() + "]" : ""));
        }
        return 0;
    }
}
