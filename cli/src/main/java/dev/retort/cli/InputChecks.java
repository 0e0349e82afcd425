package dev.retort.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What picocli accepts but a safe command line must not: an option or argument given with an
 * empty value ({@code --url=}, {@code --dialect ""}, a script's {@code --head=$REV} with the
 * variable unset), which would otherwise fall back to a default and run, and a command line with
 * no command. Flags take no value at all: each is declared {@code arity = "0"}, so
 * {@code --sql=} or {@code --strict=false} is refused by picocli itself.
 */
final class InputChecks {

    private InputChecks() {
    }

    static void check(ParseResult top) {
        if (top.isUsageHelpRequested() || top.isVersionHelpRequested()) {
            return;
        }
        if (!top.hasSubcommand()) {
            throw new ParameterException(top.commandSpec().commandLine(), "no command given; the commands are "
                    + String.join(", ", top.commandSpec().subcommands().keySet()));
        }
        for (ParseResult result = top; result != null; result = result.hasSubcommand() ? result.subcommand() : null) {
            if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
                return;
            }
            for (ArgSpec arg : result.matchedArgs()) {
                refuseEmpty(result.commandSpec().commandLine(), arg);
            }
        }
    }

    private static void refuseEmpty(CommandLine commandLine, ArgSpec arg) {
        List<String> values = arg.originalStringValues();
        for (String value : values) {
            if (value.isBlank()) {
                String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
                throw new ParameterException(commandLine, name + " is empty; give a value"
                        + (arg.isOption() ? ", or leave the option out" : ""));
            }
        }
    }
}
