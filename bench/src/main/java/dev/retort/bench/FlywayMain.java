package dev.retort.bench;

import org.flywaydb.core.Flyway;

/**
 * For {@link StartBench}: the same statements as Flyway's SQL migrations, one file per revision.
 * Arguments: the JDBC URL, the folder of {@code V<n>__<id>.sql}, and {@code upgrade} or {@code status}.
 */
public final class FlywayMain {

    private FlywayMain() {
    }

    public static void main(String[] args) {
        Flyway flyway = Flyway.configure().dataSource(args[0], null, null).locations("filesystem:" + args[1]).load();
        if (args[2].equals("status")) {
            System.out.println(flyway.info().pending().length + " pending");
        } else {
            System.out.println("applied " + flyway.migrate().migrationsExecuted);
        }
    }
}
