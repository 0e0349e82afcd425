package dev.retort.runtime.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "upgrade", description = "Apply migrations up to a target.")
final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Parameters(index = "0", arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
            description = "head (default), heads, a revision id, prefix or branch label, +N, <revision>+N,"
                    + " or <branch>@ any of these (billing@head, billing@+1).")
    String target;

    @Override
    public Integer call() {
        Retort retort = top.retort(new Progress(top.out()));
        RunResult result = retort.upgrade(target);
        Runs.report(top.out(), retort, result);
        return 0;
    }
}
