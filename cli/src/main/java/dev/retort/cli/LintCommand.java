package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.lint.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "lint", description = "Check the migrations not yet applied to the database (every one with --all,"
        + " or those of RANGE) for"
        + " changes that lose data, lock a busy table or break the application still running; runs nothing. Exit 1"
        + " when an error-level finding is not exempted with @AllowLint.")
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE", description = "Only these revisions: FROM:TO as"
            + " history -r takes it (either side may be empty: base, heads; 'current' is the database's), or one revision.")
    String range;

    @Option(names = "--all", arity = "0", description = "Every revision, from base; connects to no database.")
    boolean all;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "The database whose own rules apply: postgresql, sqlite or mysql (default: the --url's).")
    String dialect;

    @Option(names = "--json", arity = "0", description = "Print JSON for scripts (the exit code still tells).")
    boolean json;

    @Override
    public Integer call() {
        Retort retort = top.retort(null, database);
        if (range != null && all) {
            throw new RetortException(ErrorCode.BAD_OPTION, "lint takes a RANGE or --all, not both; --all is base:heads");
        }
        if (range != null && range.isBlank()) {
            throw new RetortException(ErrorCode.BAD_OPTION, "lint's RANGE is empty; give FROM:TO, a revision, or leave"
                    + " it out for what the database has not run");
        }
        List<Finding> findings = range != null ? retort.lint(range, dialect, top.settings().lint())
                : retort.lint(all, dialect, top.settings().lint());
        long blocking = findings.stream().filter(Finding::blocking).count();
        if (json) {
            var list = new ArrayList<Map<String, Object>>();
            for (Finding f : findings) {
                var one = new LinkedHashMap<String, Object>();
                one.put("revision", f.revision());
                one.put("migration", f.migration());
                one.put("op", f.op());
                one.put("rule", f.rule().id());
                one.put("severity", f.severity().label());
                one.put("why", f.rule().why());
                one.put("instead", f.rule().instead());
                one.put("allowed", f.allowedBecause());
                one.put("detail", f.detail());
                list.add(one);
            }
            var out = new LinkedHashMap<String, Object>();
            out.put("findings", list);
            out.put("errors", blocking);
            top.out().println(Json.of(out));
        } else if (findings.isEmpty()) {
            top.out().println("No findings.");
        } else {
            findings.forEach(f -> top.out().println(Display.escape(f.line(), false)));
        }
        if (blocking > 0) {
            throw new RetortException(ErrorCode.LINT_FAILED, blocking + " lint error(s); change the migration as the"
                    + " line says, or exempt it with @AllowLint(rule = \"…\", reason = \"…\")");
        }
        return 0;
    }
}
