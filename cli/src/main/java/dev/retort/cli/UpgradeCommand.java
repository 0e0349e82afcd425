package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "upgrade", description = "Apply migrations up to a target, or print their SQL with --sql.")
final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
            description = "head (default), heads, a revision id, prefix or branch label, +N, <revision>+N,"
                    + " or <branch>@ any of these (billing@head, billing@+1). With --sql: [from:]to (from defaults to base).")
    String target;

    @Option(names = "--sql", arity = "0", description = "Print the SQL script instead of running it, for the"
            + " argument as a range, [FROM:]TO (FROM defaults to base); connects to no database. A flag: --sql=... is"
            + " refused.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With --sql: postgresql, sqlite or mysql (default: the --url's).")
    String dialect;

    @Option(names = "--strict", arity = "0",
            description = "Stop before running anything when an applied revision changed since it"
            + " ran, or is missing from the code (checked even at head).")
    boolean strict;

    @Override
    public Integer call() {
        if (sql) {
            Retort retort = top.offline(database);
            var range = OfflineRange.parse(target, retort.graph(), "base", "upgrade");
            top.out().print(retort.upgradeSql(range.from(), range.to(), dialect));
            return 0;
        }
        Options.refuseDialectWithoutSql(dialect);
        try (var progress = new Progress(top.out())) {
            Retort retort = top.retort(progress, strict, database);
            RunResult result = retort.upgrade(target);
            Runs.report(top.out(), retort, result);
        }
        return 0;
    }
}
