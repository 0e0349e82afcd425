package dev.retort.cli;

import dev.retort.runtime.Retort;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", description = "Copy the database to a file: SQLite by VACUUM INTO, PostgreSQL by pg_dump,"
        + " MySQL and MariaDB by mariadb-dump.")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand top;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--to", paramLabel = "FILE", description = "Where (must not exist). Default: a name with the date and"
            + " time beside the SQLite file, or retort-backup-<time>.sql in the working directory.")
    String to;

    @Option(names = {"--dump-tool", "--pg-dump"}, paramLabel = "PROGRAM", description = "The pg_dump to run (one of the"
            + " server's version or newer, where several are installed), or for MySQL and MariaDB the mariadb-dump."
            + " Default: pg_dump, or mariadb-dump (else mysqldump), on the PATH. --pg-dump is its earlier name.")
    String pgDump;

    @Override
    public Integer call() {
        Retort retort = top.retort(null, database);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path destination;
        if (to != null) {
            destination = top.settings().workingDir().resolve(to);
        } else if (retort.dialectName().equals("sqlite") && retort.databaseFile() != null) {
            destination = Path.of(retort.databaseFile() + "." + stamp + ".bak");
        } else {
            destination = top.settings().workingDir().resolve("retort-backup-" + stamp + ".sql");
        }
        retort.backup(destination, pgDump == null ? null : top.settings().workingDir().resolve(pgDump));
        top.out().println("Backed up " + retort.database() + " to " + destination + ".");
        return 0;
    }
}
