package dev.retort.runtime.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", description = "Compare the database's schema with what its migrations describe at its current"
        + " revision; exit 1 listing each difference (a change made by hand).")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", arity = "0",
            description = "Print JSON for scripts (the exit code still tells).")
    boolean json;

    @Override
    public Integer call() {
        Retort retort = top.retort(null, database);
        List<String> differences = retort.check();
        if (json) {
            var out = new LinkedHashMap<String, Object>();
            out.put("database", retort.database());
            out.put("current", retort.current());
            out.put("differences", differences);
            out.put("clean", differences.isEmpty());
            top.out().println(Json.of(out));
        } else if (differences.isEmpty()) {
            top.out().println("The database matches its migrations at " + Formats.heads(retort.graph(), retort.current()) + ".");
        } else {
            differences.forEach(line -> top.out().println("  " + line));
        }
        if (!differences.isEmpty()) {
            throw new RetortException(ErrorCode.SCHEMA_DRIFT, differences.size() + " difference(s) between the database and"
                    + " its migrations; change the database back, or write a revision that makes the change");
        }
        return 0;
    }
}
