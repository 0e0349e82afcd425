package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check PostgreSQL prints with a cast on its array is no change once its migration ran. */
class CheckRoundTripTest {

    @Test
    void anInListCheckOnAVarcharColumnIsNoChangeAfterTheMigrationAutogenerateWrote(@TempDir Path dir) throws Exception {
        try (var db = TestDatabase.postgres()) {
            var project = new Project(Files.createDirectories(dir.resolve("app")), Map.of("RETORT_URL", db.url()));
            project.ok("init", "--package", "com.example.db", "--no-pom");
            Path model = project.dir.resolve("src/main/java/com/example/model/AppModel.java");
            Files.createDirectories(model.getParent());
            Files.writeString(model, """
                    package com.example.model;

                    import static dev.retort.schema.SqlType.*;

                    import dev.retort.model.DeclaredSchema;
                    import dev.retort.model.SchemaBuilder;

                    public final class AppModel implements DeclaredSchema {
                        @Override
                        public void declare(SchemaBuilder schema) {
                            schema.table("tickets", t -> t
                                    .column("id", BIGINT, c -> c.primaryKey())
                                    .column("status", varchar(16), c -> c.notNull())
                                    .check("status IN ('OPEN', 'CLOSED')"));
                        }
                    }
                    """);
            project.compile();
            project.revision("revision", "--autogenerate", "-m", "tickets", "--model", "class:com.example.model.AppModel");
            project.compile();
            Cli check = project.run("check", "--model", "class:com.example.model.AppModel");
            assertEquals(0, check.exitCode(), check.toString());
        }
    }
}
