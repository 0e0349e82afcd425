package dev.retort.cli;

import dev.retort.graph.RevisionGraph;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Show everything about revisions: a revision id, prefix or label, head, heads.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Parameters(arity = "1..*", paramLabel = "REVISION", description = "What to show.")
    List<String> revisions;

    @Override
    public Integer call() {
        RevisionGraph graph = top.graph();
        var ids = new LinkedHashSet<String>();
        for (String revision : revisions) {
            ids.addAll(graph.resolve(revision, List.of()));
        }
        var formats = new Formats(graph, List.of());
        ids.forEach(id -> top.out().println(formats.entry(id)));
        return 0;
    }
}
