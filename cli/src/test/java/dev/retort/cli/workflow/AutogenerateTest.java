package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code retort revision --autogenerate} and {@code retort check} with a model, as a developer
 * uses them in a project: change the model, check, generate, review, compile, apply; and every
 * mistake a user can make, answered in one line.
 */
class AutogenerateTest {

    private static final String MODEL = "com.example.model.AppModel";

    /** The model of the project, version by version: what the developer edits. */
    private static String model(String tables) {
        return """
                package com.example.model;

                import static dev.retort.schema.ReferentialAction.*;
                import static dev.retort.schema.ServerDefault.*;
                import static dev.retort.schema.SqlType.*;

                import dev.retort.model.DeclaredSchema;
                import dev.retort.model.SchemaBuilder;

                public final class AppModel implements DeclaredSchema {
                    @Override
                    public void declare(SchemaBuilder schema) {
                """ + tables + """
                    }
                }
                """;
    }

    private static final String USERS = """
                    schema.table("users", t -> t
                            .column("id", BIGINT, c -> c.primaryKey().identity())
                            .column("email", varchar(200), c -> c.notNull().unique())
                            .column("handle", varchar(40))
                            .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now())));
                    schema.index("ix_users_handle", "users", "handle");
            """;

    private static final String POSTS = """
                    schema.table("posts", t -> t
                            .column("id", BIGINT, c -> c.primaryKey().identity())
                            .column("user_id", BIGINT, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                            .column("body", TEXT, c -> c.notNull()));
            """;

    /** The second version: posts are new, handle became nickname, its index went. */
    private static final String USERS_2 = USERS.replace("\"handle\", varchar(40)", "\"nickname\", varchar(40)")
            .replace("        schema.index(\"ix_users_handle\", \"users\", \"handle\");\n", "");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theModelChangesAndAutogenerateWritesTheMigration(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, Files.createDirectories(dir.resolve("db")))) {
            var project = new Project(Files.createDirectories(dir.resolve("app")), Map.of("RETORT_URL", db.url()));
            project.ok("init", "--package", "com.example.db", "--no-pom");
            writeModel(project, USERS);
            project.compile();

            Cli pending = project.run("check", "--model", "class:" + MODEL);
            assertEquals(1, pending.exitCode(), pending.toString());
            assertTrue(pending.out().contains("  createTable(users)\n  createIndex(ix_users_handle on users)\n"), pending.out());
            assertTrue(pending.err().contains("2 op(s) between the migrations and class:" + MODEL), pending.err());

            Project.Generated first = project.revision("revision", "--autogenerate", "-m", "create users", "--model",
                    "class:" + MODEL);
            String source = Files.readString(first.file());
            assertTrue(source.contains(String.join("\n",
                    "        op.createTable(\"users\", t -> t",
                    "                .column(\"id\", " + identity(kind) + ")",
                    "                .column(\"email\", varchar(200), c -> c.notNull())",
                    "                .column(\"handle\", varchar(40))",
                    "                .column(\"created_at\", TIMESTAMP, c -> c.notNull().serverDefault(now()))",
                    "                .primaryKey(\"id\")",
                    "                .unique(\"email\"));")), source);
            assertTrue(source.contains("op.createIndex(\"ix_users_handle\", \"users\", i -> i.columns(\"handle\"));"), source);
            project.compile();
            assertTrue(project.ok("check", "--model", "class:" + MODEL).out().startsWith("No changes: the migrations at "
                    + first.id() + " make the schema class:" + MODEL + " describes."));

            project.ok("upgrade");
            assertEquals(0, project.run("check").exitCode(), "without a model, check compares the database");

            // The model is in retort.properties from now on, as a project keeps it.
            Files.writeString(project.dir.resolve("retort.properties"), "model=class:" + MODEL + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            writeModel(project, USERS_2 + POSTS);
            project.compile();
            Cli drift = project.run("check");
            assertEquals(1, drift.exitCode(), "check with a model configured is Alembic's check: " + drift);
            Project.Generated second = project.revision("revision", "--autogenerate", "-m", "posts and nickname");
            String written = Files.readString(second.file());
            int posts = written.indexOf("op.createTable(\"posts\"");
            int key = written.indexOf(".foreignKey(fk -> fk.columns(\"user_id\").references(\"users\", \"id\").onDelete(CASCADE))");
            assertTrue(posts > 0 && key > posts, written);
            assertTrue(written.contains("// column handle goes and nickname comes with the same type: if it is a rename, write"
                    + " op.renameColumn(\"users\", \"handle\", \"nickname\") instead, which keeps the data"), written);
            assertTrue(written.contains("// drops column users.handle and the data in it\n"
                    + "        op.dropColumn(\"users\", \"handle\", varchar(40));"), written);
            assertTrue(written.indexOf("op.dropIndex(\"ix_users_handle\", \"users\", i -> i.columns(\"handle\"));")
                    < written.indexOf("op.dropColumn(\"users\", \"handle\""), "the index goes before its column: " + written);
            project.compile();
            assertEquals(0, project.run("check").exitCode(), "generated and compiled: nothing left");

            project.ok("upgrade");
            assertEquals(List.of(second.id()), db.versionRows());
            assertTrue(db.tableExists("posts"));
            project.ok("downgrade", "-1");
            assertFalse(db.tableExists("posts"), "the default downgrade reverses what autogenerate wrote");
            assertEquals(0, project.run("check", "--model", "class:" + MODEL).exitCode());
            project.ok("upgrade");

            Cli again = project.ok("revision", "--autogenerate", "-m", "nothing");
            assertTrue(again.out().contains("No changes: the migrations at " + second.id() + " make the schema class:"
                    + MODEL + " describes; nothing written."), again.out());
            try (Stream<Path> files = Files.list(project.dir.resolve("src/main/java/com/example/db"))) {
                assertEquals(3, files.count(), "the initial revision and the two generated ones, nothing more");
            }
        }
    }

    private static String identity(Kind kind) {
        // SQLite's identity is its INTEGER PRIMARY KEY AUTOINCREMENT, INTEGER whatever the model declared.
        return kind == Kind.SQLITE ? "INTEGER, c -> c.notNull().identity()" : "BIGINT, c -> c.notNull().identity()";
    }

    /**
     * README.md's Autogenerate section, as written: its declared schema is the model, and its
     * commands run in order, each printing what its comment says.
     */
    @Test
    void theReadmesWorkflowRunsAsWritten(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("\n## Autogenerate\n"), readme.indexOf("\n## Running safely\n"));
        String model = block(section, "```java\n", 0);
        String commands = block(section, "```bash\n", section.indexOf("<!-- autogenerate-commands -->"));
        var project = new Project(dir, Map.of());
        project.ok("init", "--package", "com.example.db", "--no-pom");
        Files.writeString(dir.resolve("retort.properties"), "model=class:com.example.model.AppSchema\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path file = dir.resolve("src/main/java/com/example/model/AppSchema.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, model);
        project.compile();
        var outputs = new ArrayList<Cli>();
        for (String line : commands.strip().split("\n")) {
            String command = line.replaceFirst("\\s+#.*$", "");
            if (command.equals("mvn -q compile")) {
                project.compile();
                continue;
            }
            assertTrue(command.startsWith("retort "), line);
            outputs.add(project.run(arguments(command.substring("retort ".length()))));
        }
        Cli pending = outputs.get(0);
        assertEquals(1, pending.exitCode(), pending.toString());
        assertTrue(pending.out().startsWith("  createTable(users)\n  createTable(posts)\n  createIndex("), pending.out());
        Cli written = outputs.get(1);
        assertEquals(0, written.exitCode(), written.toString());
        assertTrue(written.out().contains("  Detected createTable(users)\n")
                && written.out().contains("Generating src/main/java/com/example/db/UsersAndPosts_"), written.out());
        Cli clean = outputs.get(2);
        assertEquals(0, clean.exitCode(), clean.toString());
        assertTrue(clean.out().matches("No changes: the migrations at \\w+ make the schema class:com.example.model.AppSchema"
                + " describes.\n"), clean.out());
        Cli nothing = outputs.get(3);
        assertEquals(0, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.out().startsWith("No changes: ") && nothing.out().endsWith("; nothing written.\n"), nothing.out());
    }

    private static String block(String text, String fence, int from) {
        int start = text.indexOf(fence, from) + fence.length();
        return text.substring(start, text.indexOf("```", start));
    }

    /** A command line as a shell splits it: words, and double-quoted words with spaces. */
    private static String[] arguments(String line) {
        var words = new ArrayList<String>();
        var m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }

    /** PostgreSQL's enum types: created with their values, and a value added later where the model puts it. */
    @Test
    void enumValuesAddedToTheModelBecomeAddEnumValue(@TempDir Path dir) throws Exception {
        try (var db = TestDatabase.postgres()) {
            var project = new Project(dir, Map.of("RETORT_URL", db.url()));
            project.ok("init", "--package", "com.example.db", "--no-pom");
            String moods = """
                            schema.enumType("mood", "calm", "sad");
                            schema.table("people", t -> t
                                    .column("id", BIGINT, c -> c.primaryKey())
                                    .column("mood", enumOf("mood", "calm", "sad"), c -> c.notNull().serverDefault(value("calm"))));
                    """;
            writeModel(project, moods);
            project.compile();
            String first = Files.readString(project.revision("revision", "--autogenerate", "-m", "people", "--model",
                    "class:" + MODEL).file());
            assertTrue(first.indexOf("op.createEnum(\"mood\", \"calm\", \"sad\");") < first.indexOf("op.createTable(\"people\""),
                    first);
            project.compile();
            project.ok("upgrade");
            writeModel(project, moods.replace("\"calm\", \"sad\"", "\"calm\", \"glad\", \"sad\""));
            project.compile();
            String second = Files.readString(project.revision("revision", "--autogenerate", "-m", "glad", "--model",
                    "class:" + MODEL).file());
            assertTrue(second.contains("op.addEnumValueAfter(\"mood\", \"glad\", \"calm\");"), second);
            assertTrue(second.contains("// PostgreSQL cannot remove an enum value"), second);
            project.compile();
            project.ok("upgrade");
            assertEquals(List.of("calm", "glad", "sad"), db.strings("SELECT unnest(enum_range(NULL::mood))::text"));
            assertEquals(0, project.run("check", "--model", "class:" + MODEL).exitCode());
        }
    }

    /** A database changed by hand (or by {@code ddl-auto=update}) is a model too: {@code url:}. */
    @Test
    void aDevelopmentDatabaseChangedByHandIsTheModel(@TempDir Path dir) throws Exception {
        var project = new Project(dir, Map.of());
        project.ok("init", "--package", "com.example.db", "--no-pom");
        writeModel(project, USERS);
        project.compile();
        project.revision("revision", "--autogenerate", "-m", "create users", "--model", "class:" + MODEL);
        project.compile();
        project.ok("upgrade", "--url", "sqlite:///dev.db");
        try (var dev = TestDatabase.sqlite(dir.resolve("dev.db"))) {
            dev.execute("ALTER TABLE users ADD COLUMN bio TEXT");
        }
        Project.Generated bio = project.revision("revision", "--autogenerate", "-m", "add bio", "--model", "url:sqlite:///dev.db");
        String source = Files.readString(bio.file());
        assertTrue(source.contains("op.addColumn(\"users\", \"bio\", TEXT);"), source);
        assertTrue(source.contains("// Written by retort revision --autogenerate from url:sqlite:///dev.db:"), source);
    }

    @Test
    void mistakesAreOneLineAndWriteNothing(@TempDir Path dir) throws Exception {
        var project = new Project(dir, Map.of());
        project.ok("init", "--package", "com.example.db", "--no-pom");
        writeModel(project, USERS);
        project.compile();
        refused(project, 2, "needs a model to compare the migrations with: --model jpa:<package>, class:<fully.qualified.Name>"
                + " or url:<database>, or model=… in retort.properties", "revision", "--autogenerate", "-m", "x");
        refused(project, 2, "--model: a model is jpa:<package>, class:<fully.qualified.Name> or url:<database URL>, not"
                + " 'users'", "revision", "--autogenerate", "-m", "x", "--model", "users");
        refused(project, 2, "model class:com.example.Missing: no such class on the class path; compile it (mvn compile)",
                "revision", "--autogenerate", "-m", "x", "--model", "class:com.example.Missing");
        refused(project, 2, "model class:java.lang.String does not implement dev.retort.model.DeclaredSchema",
                "check", "--model", "class:java.lang.String");
        refused(project, 2, "--model: no model source for 'jpa:' on the class path (known: class, url); put retort-hibernate",
                "revision", "--autogenerate", "-m", "x", "--model", "jpa:com.example.model");
        refused(project, 2, "--model goes with --autogenerate", "revision", "-m", "x", "--model", "class:" + MODEL);
        refused(project, 2, "the model database is postgresql and the migrations run on sqlite", "revision",
                "--autogenerate", "-m", "x", "--model", "url:postgresql://app:s3cret@127.0.0.1:5432/test");
        Cli unreachable = project.run("--url", "postgresql://app:s3cret@127.0.0.1:1/test", "check", "--model",
                "url:postgresql://app:s3cret@127.0.0.1:1/test");
        assertEquals(1, unreachable.exitCode(), unreachable.toString());
        assertFalse(unreachable.toString().contains("s3cret"), "no password in any output: " + unreachable);

        project.revision("revision", "-m", "by hand");
        refused(project, 2, "are in the sources but not compiled; compile first (mvn compile)", "revision", "--autogenerate",
                "-m", "x", "--model", "class:" + MODEL);
    }

    private static void refused(Project project, int exit, String message, String... args) throws Exception {
        List<Path> before = sources(project);
        Cli cli = project.run(args);
        assertEquals(exit, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains(message), cli.toString());
        assertFalse(cli.toString().contains("s3cret"), "no password in any output: " + cli);
        assertEquals(1, cli.err().lines().filter(l -> l.startsWith("retort: error:")).count(), "one error line: " + cli);
        assertEquals(before, sources(project), "nothing written");
    }

    private static List<Path> sources(Project project) throws Exception {
        try (Stream<Path> files = Files.walk(project.dir.resolve("src"))) {
            return new ArrayList<>(files.sorted().toList());
        }
    }

    private static void writeModel(Project project, String tables) throws Exception {
        Path file = project.dir.resolve("src/main/java/com/example/model/AppModel.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, model(tables));
    }
}
