package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reset", description = "Downgrade to base (dropping everything the migrations created) and upgrade to the"
        + " heads again, after a confirmation.")
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--yes", arity = "0",
            description = "Do not ask: for scripts.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        try (var progress = new Progress(top.out())) {
            Retort retort = top.retort(progress, database);
            if (!yes) {
                top.out().print("This drops everything the migrations created in " + retort.database()
                        + ", data included, and migrates it again. Type yes to go on: ");
                top.out().flush();
                String answer = top.in().readLine();
                if (answer == null) {
                    throw new RetortException(ErrorCode.BAD_OPTION, "reset needs a confirmation and got no answer; type yes at"
                            + " the prompt, or give --yes");
                }
                if (!answer.strip().equalsIgnoreCase("yes")) {
                    throw new RetortException(ErrorCode.CANCELLED, "reset cancelled; nothing was changed");
                }
            }
            RunResult result = retort.reset();
            Runs.report(top.out(), retort, result);
        }
        return 0;
    }
}
