package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "stamp", description = "Write the version table as if at the targets, running no migration.")
final class StampCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Parameters(arity = "1..*", paramLabel = "TARGET",
            description = "head, heads, base, revisions or labels (several for several branches). With --sql the first"
                    + " may be from:to (from defaults to base).")
    List<String> targets;

    @Option(names = "--purge", arity = "0",
            description = "Empty the version table first, even of revisions not known here.")
    boolean purge;

    @Option(names = "--sql", arity = "0", description = "Print the SQL script instead of running it, for the first"
            + " argument as a range, [FROM:]TARGET (FROM defaults to base); connects to no database. A flag: --sql=..."
            + " is refused.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With --sql: postgresql, sqlite or mysql (default: the --url's).")
    String dialect;

    @Override
    public Integer call() {
        if (sql) {
            Retort retort = top.offline(database);
            var range = OfflineRange.parse(targets.get(0), retort.graph(), "base", "stamp");
            var all = new ArrayList<String>();
            all.add(range.to());
            all.addAll(targets.subList(1, targets.size()));
            top.out().print(retort.stampSql(range.from(), all, purge, dialect));
            return 0;
        }
        Options.refuseDialectWithoutSql(dialect);
        try (var progress = new Progress(top.out())) {
            Retort retort = top.retort(progress, database);
            RunResult result = retort.stamp(targets, purge);
            Runs.report(top.out(), retort, result);
        }
        return 0;
    }
}
