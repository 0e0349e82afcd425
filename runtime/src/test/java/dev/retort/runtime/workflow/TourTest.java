package dev.retort.runtime.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's tour, command by command, in a fresh Maven project: init, revision, fill, compile,
 * upgrade, status, downgrade -1, two revisions on two branches, merge, upgrade heads. ({@code mvn
 * compile} is javac with the processor, in process.)
 */
class TourTest {

    @Test
    void theTourRunsAsWritten(@TempDir Path dir) throws Exception {
        var project = new Project(dir, Map.of());
        String init = project.ok("init", "--package", "com.example.db").out();
        assertTrue(init.contains("Added retort-runtime and the Retort processor (annotationProcessorPaths)"), init);
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>retort-processor</artifactId>"), pom);
        assertTrue(pom.contains("<!-- the application's own dependencies -->"), "the rest of the pom stays as it was");
        assertTrue(Files.readString(dir.resolve("retort.properties")).contains("package=com.example.db"));

        var users = project.revision("revision", "-m", "create users");
        project.fill(users, "op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey().identity())"
                + ".column(\"name\", TEXT, c -> c.notNull()));");
        project.compile();
        String up = project.ok("upgrade").out();
        assertTrue(up.contains("[2/2] upgrade   "), up);
        assertTrue(up.contains(", create users ("), up);
        assertTrue(Files.exists(dir.resolve("retort.db")), "the default database is retort.db in the project");

        String status = project.ok("status").out();
        assertTrue(status.contains("Up to date."), status);
        project.ok("downgrade", "-1");
        status = project.ok("status").out();
        assertTrue(status.contains("1 pending (upgrade heads applies them, in this order):"), status);
        assertTrue(status.contains(" -> " + users.id() + " (head), create users"), status);
        project.ok("upgrade");

        // Two people branch from the same head.
        var email = project.revision("revision", "-m", "add email to users");
        project.fill(email, "op.addColumn(\"users\", \"email\", TEXT);");
        var phone = project.revision("revision", "-m", "add phone to users", "--head", users.id(), "--splice");
        project.fill(phone, "op.addColumn(\"users\", \"phone\", TEXT);");
        String compiled = project.compile().diagnostics();
        assertTrue(compiled.contains("[RetortMultipleHeads]"), "two heads is a warning: " + compiled);
        assertEquals(2, project.ok("heads").out().strip().lines().count());
        var noHead = project.run("revision", "-m", "one more");
        assertEquals(2, noHead.exitCode(), noHead.toString());
        assertTrue(noHead.err().contains("several heads"), noHead.toString());

        var merge = project.revision("merge", "-m", "merge heads", "heads");
        project.compile();
        String applied = project.ok("upgrade", "heads").out();
        assertTrue(applied.contains("[3/3] upgrade   "), applied);
        assertTrue(applied.contains(merge.id() + " (head)."), applied);
        assertTrue(project.ok("status").out().contains("Up to date."));
        try (var db = TestDatabase.sqlite(dir.resolve("retort.db"))) {
            assertEquals(List.of(merge.id()), db.versionRows());
            assertTrue(db.strings("SELECT name FROM pragma_table_info('users')").containsAll(List.of("email", "phone")));
        }
    }
}
