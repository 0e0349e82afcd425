package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.io.PrintWriter;

/** The last line of an upgrade or downgrade: where the database now stands. */
final class Runs {

    private Runs() {
    }

    static void report(PrintWriter out, Retort retort, RunResult result) {
        String where = Formats.heads(retort, result.headsAfter());
        if (result.nothingToDo()) {
            out.println("Nothing to do: " + retort.database() + " is at " + where + ".");
        } else {
            out.println(retort.database() + " is now at " + where + ".");
        }
    }
}
