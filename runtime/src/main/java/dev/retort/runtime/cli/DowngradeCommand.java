package dev.retort.runtime.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "downgrade", description = "Revert migrations down to a target (the target itself stays applied).")
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "-N (below the current revision), a revision id, prefix or label, <revision>-N, base,"
                    + " or <branch>@ any of these to keep other branches (billing@-1, billing@base).")
    String target;

    @Override
    public Integer call() {
        Retort retort = top.retort(new Progress(top.out()));
        RunResult result = retort.downgrade(target);
        Runs.report(top.out(), retort, result);
        return 0;
    }
}
