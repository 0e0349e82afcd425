package dev.retort.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands under {@code retort}, added only when a run needs them. picocli builds a command's
 * model by reflection over its annotations, and building all of them was most of what a
 * command line cost before any Retort work started (bench/README.md, StartBench). A run that
 * names a command gets that one; help, no command, or a name that is no command get them all,
 * so the listing, the "no command given" message and picocli's suggestions stay whole.
 */
public final class Commands {

    /** In the order help lists them. */
    static final List<String> NAMES = List.of("init", "revision", "merge", "upgrade", "downgrade", "stamp", "current",
            "status", "info", "history", "heads", "branches", "show", "validate", "check", "lint", "backup", "reset");

    private Commands() {
    }

    /** {@code retort} with every command: the whole model, for what walks it (the tests' corpus of options). */
    public static CommandLine everyCommand() {
        var cli = new CommandLine(new RetortCommand());
        add(cli, new String[0]);
        return cli;
    }

    /** Adds to {@code top} the command {@code args} names, or every command. Call before configuring {@code top}. */
    static void add(CommandLine top, String[] args) {
        String named = named(top.getCommandSpec(), args);
        for (String name : named == null ? NAMES : List.of(named)) {
            top.addSubcommand(name, create(name));
        }
    }

    /**
     * The first argument that is not an option of {@code retort} itself or an option's value,
     * when it names a command; none after {@code --help} or {@code --version}, whose output is the
     * top command's.
     */
    private static String named(CommandSpec top, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-") && !arg.equals("-")) {
                OptionSpec option = top.findOption(arg);
                if (option != null && (option.usageHelp() || option.versionHelp())) {
                    return null; // `retort --help upgrade` is the top command's help, which lists them all
                }
                if (option != null && option.arity().min() > 0) {
                    i++;
                }
                continue;
            }
            return NAMES.contains(arg) ? arg : null;
        }
        return null;
    }

    // A switch, not a map of constructor references: each reference would link a lambda at start.
    private static Object create(String name) {
        return switch (name) {
            case "init" -> new InitCommand();
            case "revision" -> new RevisionCommand();
            case "merge" -> new MergeCommand();
            case "upgrade" -> new UpgradeCommand();
            case "downgrade" -> new DowngradeCommand();
            case "stamp" -> new StampCommand();
            case "current" -> new CurrentCommand();
            case "status" -> new StatusCommand();
            case "info" -> new InfoCommand();
            case "history" -> new HistoryCommand();
            case "heads" -> new HeadsCommand();
            case "branches" -> new BranchesCommand();
            case "show" -> new ShowCommand();
            case "validate" -> new ValidateCommand();
            case "lint" -> new LintCommand();
            case "check" -> new CheckCommand();
            case "backup" -> new BackupCommand();
            case "reset" -> new ResetCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }
}
