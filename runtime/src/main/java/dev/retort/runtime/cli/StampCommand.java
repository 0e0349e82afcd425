package dev.retort.runtime.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "stamp", description = "Write the version table as if at the targets, running no migration.")
final class StampCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Parameters(arity = "1..*", paramLabel = "TARGET",
            description = "head, heads, base, revisions or labels (several for several branches).")
    List<String> targets;

    @Option(names = "--purge", description = "Empty the version table first, even of revisions not known here.")
    boolean purge;

    @Override
    public Integer call() {
        Retort retort = top.retort(new Progress(top.out()));
        RunResult result = retort.stamp(targets, purge);
        Runs.report(top.out(), retort, result);
        return 0;
    }
}
