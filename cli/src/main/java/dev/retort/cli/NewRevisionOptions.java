package dev.retort.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code revision} and {@code merge} both take for the source they write. */
final class NewRevisionOptions {

    @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "What it does; also names the class.")
    String message = "";

    @Option(names = "--branch-label", paramLabel = "NAME", description = "A branch label for the new revision.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "The id, instead of 12 random hex digits.")
    String revId;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The source folder (default: source-dir in retort.properties, or src/main/java).")
    String dir;

    @Option(names = "--package", paramLabel = "PACKAGE",
            description = "The package (default: package in retort.properties, or the one the migrations use).")
    String packageName;

    Workspace workspace(RetortCommand top) {
        return Workspace.of(top, dir, packageName);
    }
}
