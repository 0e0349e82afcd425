package dev.retort.runtime.cli;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Retort;
import dev.retort.runtime.ValidationReport;
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
        for (String line : ValidationReport.unfinishedLines(retort.unfinished())) {
            top.out().println("warning: " + line);
        }
        List<String> heads = retort.currentHeads();
        if (heads.isEmpty()) {
            top.out().println("base (no revision applied)");
            return 0;
        }
        RevisionGraph graph = retort.graph();
        var formats = new Formats(graph, List.of());
        for (String id : heads) {
            if (!graph.contains(id)) {
                top.out().println(id + " (not among the migrations on the class path)");
            } else {
                top.out().println(top.verbose ? formats.entry(id) : formats.line(id, false, false));
            }
        }
        return 0;
    }
}
