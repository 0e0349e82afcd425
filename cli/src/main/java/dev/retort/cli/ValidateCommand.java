package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.ValidationReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", description = "Check the applied revisions against the code: ops changed since they ran,"
        + " revisions the code no longer has, migrations left half-done outside a transaction; and record, running"
        + " nothing, the downgrade of every applied revision and the upgrade of every pending one.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--strict", arity = "0",
            description = "Exit 4 when an applied revision changed or is missing from the code, a revision's"
                    + " upgrade cannot be prepared, or a migration was left part-done.")
    boolean strict;

    @Override
    public Integer call() {
        Retort retort = top.retort(null, database);
        ValidationReport report = retort.validate();
        for (String line : report.lines()) {
            top.out().println("warning: " + Display.escape(line, false));
        }
        if (report.lines().isEmpty()) {
            top.out().println("Every applied revision matches the code.");
        }
        // A part-done migration does not keep a run from going on with it, but a database in that state is no valid one.
        if (strict && (!report.clean() || !report.unfinished().isEmpty())) {
            int differ = report.changed().size() + report.unknown().size();
            int unprepared = report.blockingUpgrades().size();
            var problems = new java.util.ArrayList<String>();
            if (differ > 0) {
                problems.add(differ + " applied revision(s) differ from the code");
            }
            if (unprepared > 0) {
                problems.add(unprepared + " upgrade(s) cannot be prepared");
            }
            if (!report.unfinished().isEmpty()) {
                problems.add(report.unfinished().size() + " migration(s) left part-done");
            }
            throw new RetortException(ErrorCode.VALIDATION_FAILED, String.join(" and ", problems) + " (--strict)");
        }
        return 0;
    }
}
