package dev.retort.runtime.cli;

import dev.retort.graph.RevisionGraph;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", description = "Show the heads of the revision graph (it needs no database).")
final class HeadsCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Override
    public Integer call() {
        RevisionGraph graph = top.retort(null).graph();
        for (String head : graph.heads()) {
            top.out().println(Describe.marked(graph, head, List.of())
                    + (top.verbose ? Describe.messageSuffix(graph.get(head)) + " [" + graph.get(head).className() + "]" : ""));
        }
        return 0;
    }
}
