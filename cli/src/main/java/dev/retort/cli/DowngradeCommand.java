package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "downgrade", description = "Revert migrations down to a target (the target itself stays applied),"
        + " or print their SQL with --sql.")
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "-N (below the current revision), a revision id, prefix or label, <revision>-N, base,"
                    + " or <branch>@ any of these to keep other branches (billing@-1, billing@base). With --sql: from:to.")
    String target;

    @Option(names = "--sql", arity = "0", description = "Print the SQL script instead of running it, for the"
            + " argument as a range, FROM:TO; connects to no database. A flag: --sql=... is refused.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With --sql: postgresql, sqlite or mysql (default: the --url's).")
    String dialect;

    @Option(names = "--strict", arity = "0",
            description = "Stop before running anything when an applied revision changed since it"
            + " ran, or is missing from the code.")
    boolean strict;

    @Override
    public Integer call() {
        if (sql) {
            Retort retort = top.offline(database);
            var range = OfflineRange.parse(target, retort.graph(), null, "downgrade");
            top.out().print(retort.downgradeSql(range.from(), range.to(), dialect));
            return 0;
        }
        Options.refuseDialectWithoutSql(dialect);
        try (var progress = new Progress(top.out())) {
            Retort retort = top.retort(progress, strict, database);
            RunResult result = retort.downgrade(target);
            Runs.report(top.out(), retort, result);
        }
        return 0;
    }
}
