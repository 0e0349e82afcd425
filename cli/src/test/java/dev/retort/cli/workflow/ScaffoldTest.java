package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.cli.scaffold.PomWiring;
import dev.retort.cli.scaffold.SourceRevisions;
import dev.retort.runtime.Retort;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** What revision, merge and init write compiles unchanged, and they refuse what would not. */
class ScaffoldTest {

    @Test
    void fiftyRevisionsInARowWithBranchesAndMergesCompile(@TempDir Path dir) throws Exception {
        var project = new Project(dir, Map.of());
        project.ok("init", "--package", "com.example.db", "--no-pom");
        var random = new Random(7);
        var ids = new ArrayList<String>();
        String open = null; // a branch waiting to be merged
        while (ids.size() < 50) {
            String message = "step " + ids.size() + " of the \"plan\" #" + random.nextInt(1000);
            Project.Generated g;
            boolean merge = false;
            if (open == null && ids.size() > 2 && random.nextInt(5) == 0) {
                String from = ids.get(ids.size() - 2); // not the head: a second line of work
                g = project.revision("revision", "-m", message, "--head", from, "--splice",
                        "--branch-label", "branch" + ids.size());
                open = g.id();
            } else if (open != null && random.nextInt(3) == 0) {
                g = project.revision("merge", "-m", "merge " + ids.size(), "heads");
                open = null;
                merge = true;
            } else if (open != null) {
                g = project.revision("revision", "-m", message, "--head", open);
                open = g.id();
            } else {
                g = project.revision("revision", "-m", message);
            }
            if (!merge) {
                project.fill(g, "op.createTable(\"t" + g.id() + "\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));");
            }
            ids.add(g.id());
        }
        if (open != null) {
            ids.add(project.revision("merge", "-m", "the last merge", "heads").id());
        }
        String diagnostics = project.compile().diagnostics();
        assertFalse(diagnostics.contains("error:"), diagnostics);
        List<SourceRevisions.Declared> declared = SourceRevisions.read(dir.resolve("src/main/java"));
        assertEquals(ids.size() + 1, declared.size(), "the init revision and every one written");
        String heads = project.ok("--classpath", "target/classes", "heads").out();
        assertEquals(1, heads.strip().lines().count(), heads);
        assertTrue(project.ok("upgrade").out().contains("(head)."));
    }

    @Test
    void revisionRefusesWhatWouldNotCompile(@TempDir Path dir) throws Exception {
        var project = new Project(dir, Map.of());
        var first = project.revision("init", "--package", "com.example.db");
        var second = project.revision("revision", "-m", "second");

        var notAHead = project.run("revision", "-m", "x", "--head", first.id());
        assertEquals(2, notAHead.exitCode(), notAHead.toString());
        assertEquals("retort: error: revision " + first.id() + " is not a head; give --splice to start a branch from it\n",
                notAHead.err());
        var taken = project.run("revision", "-m", "x", "--rev-id", second.id());
        assertEquals(2, taken.exitCode(), taken.toString());
        var badId = project.run("revision", "-m", "x", "--rev-id", "Not-An-Id");
        assertEquals(2, badId.exitCode(), badId.toString());
        var unknownHead = project.run("revision", "-m", "x", "--head", "fffffffffff0");
        assertEquals(2, unknownHead.exitCode(), unknownHead.toString());
        var label = project.run("revision", "-m", "x", "--branch-label", second.id());
        assertEquals(2, label.exitCode(), "a label equal to an id:\n" + label);
        var oneMerge = project.run("merge", "-m", "x", "heads");
        assertEquals(2, oneMerge.exitCode(), oneMerge.toString());
        assertTrue(oneMerge.err().contains("a merge needs two revisions or more"), oneMerge.toString());
        var again = project.run("init", "--package", "com.example.db");
        assertEquals(2, again.exitCode(), again.toString());
        assertTrue(again.err().contains("already holds migrations"), again.toString());
        try (var files = Files.walk(dir.resolve("src"))) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".java")).count(), "nothing else was written");
        }

        var newRoot = project.revision("revision", "-m", "a second root", "--head", "base", "--branch-label", "audit");
        var dependent = project.revision("revision", "-m", "uses both", "--head", "audit@head", "--depends-on", second.id());
        String source = Files.readString(dependent.file());
        assertTrue(source.contains("revises = \"" + newRoot.id() + "\""), source);
        assertTrue(source.contains("dependsOn = \"" + second.id() + "\""), source);
        assertTrue(source.contains("message = \"uses both\""), source);
        assertTrue(dependent.file().getFileName().toString().equals("UsesBoth_" + dependent.id() + ".java"));
        String diagnostics = project.compile().diagnostics();
        assertFalse(diagnostics.contains("error:"), diagnostics);
    }

    @Test
    void sourcesWithConstantsAreNamedWithTheWayOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("src/main/java/com/example/db/Odd.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package com.example.db;\nimport dev.retort.*;\n@Revision(id = Ids.ODD)\n"
                + "public final class Odd implements Migration { public void upgrade(dev.retort.dsl.Ops op) { } }\n");
        var project = new Project(dir, Map.of());
        var cli = project.run("revision", "-m", "x");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("its @Revision's id (Ids.ODD) is not a literal or a constant of these sources; write"
                + " the annotation's values as literals or constants, or compile the migrations and give --classpath"),
                cli.toString());
    }

    /**
     * The sources are read by javac's parser: a Javadoc that shows {@code @Revision(}, constants of
     * another class, concatenations and text blocks are what they are in Java.
     */
    @Test
    void sourcesAreReadAsJava(@TempDir Path dir) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("src/main/java/com/example/db"));
        Files.writeString(pkg.resolve("Ids.java"), "package com.example.db;\n/** Ids, as in @Revision(id = \"no\"). */\n"
                + "public final class Ids {\n    public static final String FIRST = \"a1\" + \"b2c3\";\n"
                + "    static final String LABEL = \"\"\"\n        users\"\"\".strip();\n}\n");
        Files.writeString(pkg.resolve("First.java"), "package com.example.db;\nimport dev.retort.Migration;\n"
                + "import dev.retort.Revision;\nimport dev.retort.dsl.Ops;\n/**\n * Not this: @Revision(id = \"zz\")\n */\n"
                + "@Revision(id = Ids.FIRST, message = \"\"\"\n        first one\"\"\")\n"
                + "public final class First implements Migration {\n    @Override public void upgrade(Ops op) { }\n}\n");
        var project = new Project(dir, Map.of());
        var next = project.revision("revision", "-m", "second");
        String source = Files.readString(next.file());
        // One head, a1b2c3: the id in the Javadoc is no revision.
        assertTrue(source.contains("revises = \"a1b2c3\""), source);
    }

    private static final PomWiring.Artifact SQLITE = new PomWiring.Artifact("org.xerial", "sqlite-jdbc", "3.50.3.0");

    @Test
    void thePomGetsTheProcessorWhereverItsPluginsStand() throws Exception {
        var wiring = new PomWiring("9.9", SQLITE);
        String head = "<project>\n    <modelVersion>4.0.0</modelVersion>\n";
        List<String> poms = List.of(
                head + "</project>\n",
                head + "    <build>\n    </build>\n</project>\n",
                head + "    <build>\n        <plugins>\n        </plugins>\n    </build>\n</project>\n",
                head + "    <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
                        + "<artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin></plugins></build>\n"
                        + "</project>\n",
                head + "    <build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId><configuration><release>17"
                        + "</release></configuration></plugin></plugins></build>\n</project>\n",
                head + "    <dependencies>\n    </dependencies>\n    <build><plugins><plugin><artifactId>maven-compiler-plugin"
                        + "</artifactId><configuration><annotationProcessorPaths><path><groupId>org.immutables</groupId>"
                        + "<artifactId>value</artifactId></path></annotationProcessorPaths></configuration></plugin>"
                        + "</plugins></build>\n</project>\n",
                head + "    <!-- <build><plugins></plugins></build> in a comment -->\n    <build>\n        <pluginManagement>"
                        + "<plugins><plugin><artifactId>maven-compiler-plugin</artifactId></plugin></plugins>"
                        + "</pluginManagement>\n    </build>\n</project>\n");
        for (String pom : poms) {
            String wired = wiring.wire(pom);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(wired)));
            var paths = doc.getElementsByTagName("path");
            int processors = 0;
            for (int i = 0; i < paths.getLength(); i++) {
                processors += paths.item(i).getTextContent().contains("retort-processor") ? 1 : 0;
            }
            assertEquals(1, processors, wired);
            assertEquals(1, countOf(wired, "<artifactId>retort-runtime</artifactId>"), wired);
            assertEquals(1, countOf(wired, "<artifactId>sqlite-jdbc</artifactId>"), "the driver, which the runtime"
                    + " does not bring: " + wired);
            var compilerPlugins = doc.getElementsByTagName("artifactId");
            int compilers = 0;
            for (int i = 0; i < compilerPlugins.getLength(); i++) {
                compilers += compilerPlugins.item(i).getTextContent().equals("maven-compiler-plugin") ? 1 : 0;
            }
            assertTrue(compilers <= 2, wired);
            assertEquals(null, wiring.wire(wired), "wiring twice changes nothing");
            assertTrue(wired.startsWith(head), "the start of the file stays as it was");
        }
        assertTrue(wiring.snippet().contains("<annotationProcessorPaths>"));
        assertTrue(wiring.snippet().contains("<artifactId>sqlite-jdbc</artifactId>"), wiring.snippet());
        String ownDriver = head + "    <dependencies><dependency><groupId>org.xerial</groupId><artifactId>sqlite-jdbc"
                + "</artifactId><version>3.36.0</version></dependency></dependencies>\n</project>\n";
        assertEquals(1, countOf(wiring.wire(ownDriver), "<artifactId>sqlite-jdbc</artifactId>"),
                "a driver the project already has stays as it is");
    }

    /**
     * init adds the driver of the database the command line would use: PostgreSQL's for a
     * PostgreSQL DATABASE_URL (the seeds' form too), MariaDB Connector/J for a MySQL one, SQLite's
     * when none is given. Nothing connects.
     */
    @Test
    void initAddsTheDriverOfTheProjectsDatabase(@TempDir Path dir) throws Exception {
        for (var database : List.of(Map.of("DATABASE_URL", "postgresql+asyncpg://user:secret@db.invalid:5432/app"),
                Map.of("DATABASE_URL", "mysql+pymysql://user:secret@db.invalid:3306/app"), Map.<String, String>of())) {
            DatabaseUrl.Kind kind = database.isEmpty() ? DatabaseUrl.Kind.SQLITE
                    : DatabaseUrl.parse(database.get("DATABASE_URL")).kind();
            Path projectDir = Files.createDirectories(dir.resolve(kind.name()));
            var project = new Project(projectDir, database);
            var cli = project.ok("init", "--package", "com.example.db");
            String pom = Files.readString(projectDir.resolve("pom.xml"));
            PomWiring.Artifact driver = PomWiring.Artifact.driver(kind);
            assertTrue(driver.version().matches("[0-9][0-9.]*"), "the build filled in the version: " + driver);
            assertTrue(pom.contains("<artifactId>" + driver.artifactId() + "</artifactId>"), pom);
            assertEquals(1, countOf(pom, "<groupId>org.postgresql</groupId>") + countOf(pom, "<groupId>org.xerial</groupId>")
                    + countOf(pom, "<groupId>org.mariadb.jdbc</groupId>"), "one driver: " + pom);
            assertTrue(cli.out().contains("Added retort-runtime, " + driver.groupId() + ":" + driver.artifactId()), cli.out());
            assertFalse(cli.out().contains("secret") || cli.err().contains("secret"), cli.toString());
        }
    }

    /** README's Installing section shows, for Maven, exactly what init writes for an SQLite project. */
    @Test
    void theReadmesMavenBlockIsWhatInitWrites() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf("<!-- install-maven -->\n```xml\n");
        assertTrue(marker >= 0, "README.md marks its Maven block");
        int start = readme.indexOf('\n', readme.indexOf("```xml", marker)) + 1;
        String block = readme.substring(start, readme.indexOf("```", start));
        var wiring = new PomWiring(Retort.version(), PomWiring.Artifact.driver(DatabaseUrl.Kind.SQLITE));
        assertEquals(wiring.snippet().strip(), block.strip());
    }

    /**
     * Maven 3.8 runs a compiler plugin without a version as 3.1, which knows no processor path and
     * compiles for Java 5: init pins the version (unless a parent manages it) and, where the pom
     * says no Java release, sets 17.
     */
    @Test
    void thePomGetsACompilerThatRunsTheProcessor() throws Exception {
        var wiring = new PomWiring("9.9", SQLITE);
        String head = "<project>\n    <modelVersion>4.0.0</modelVersion>\n";
        String bare = wiring.wire(head + "</project>\n");
        assertTrue(bare.contains("<artifactId>maven-compiler-plugin</artifactId>\n                <version>"
                + PomWiring.COMPILER_PLUGIN + "</version>"), bare);
        assertTrue(bare.contains("<release>17</release>"), bare);

        String released = wiring.wire(head + "    <properties>\n        <maven.compiler.release>21</maven.compiler.release>\n"
                + "    </properties>\n</project>\n");
        assertFalse(released.contains("<release>17</release>"), "the project's own release stays: " + released);

        String parented = wiring.wire(head + "    <parent><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-parent</artifactId><version>3.5.7</version></parent>\n</project>\n");
        assertFalse(parented.contains("<version>" + PomWiring.COMPILER_PLUGIN + "</version>"), "the parent manages it: "
                + parented);

        for (String plugin : List.of("<plugin><artifactId>maven-compiler-plugin</artifactId></plugin>",
                "<plugin>\n            <artifactId>maven-compiler-plugin</artifactId>\n        </plugin>")) {
            String unversioned = wiring.wire(head + "    <build><plugins>" + plugin + "</plugins></build>\n</project>\n");
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(unversioned)));
            var versions = doc.getElementsByTagName("version");
            boolean pinned = false;
            for (int i = 0; i < versions.getLength(); i++) {
                pinned |= versions.item(i).getParentNode().getNodeName().equals("plugin")
                        && versions.item(i).getTextContent().equals(PomWiring.COMPILER_PLUGIN);
            }
            assertTrue(pinned, unversioned);
        }
    }

    @Test
    void aPomThatIsNotWellFormedIsNamedNotLoopedOn() {
        var wiring = new PomWiring("9.9", SQLITE);
        for (String pom : List.of("<project>\n<!-- never closed\n", "<project>\n<build\n", "</project>\n",
                "<project>\n<![CDATA[ open\n</project>\n")) {
            var e = assertThrows(RetortException.class, () -> wiring.wire(pom), pom);
            assertTrue(e.getMessage().startsWith("pom.xml is not well-formed at line "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; fix it, or run init with --no-pom and add the printed snippet by hand"),
                    e.getMessage());
        }
    }

    @Test
    void classNamesComeFromTheMessage() throws Exception {
        var project = new Project(Files.createTempDirectory("names"), Map.of());
        project.ok("init", "--package", "a.b", "--no-pom");
        for (String[] c : new String[][] {{"add last_read_at to chats", "AddLastReadAtToChats"},
                {"42 is the answer", "IsTheAnswer"}, {"Ünïcode ünd ß", "NCodeNd"}}) {
            var g = project.revision("revision", "-m", c[0]);
            assertEquals(c[1] + "_" + g.id() + ".java", g.file().getFileName().toString());
        }
        var unnamed = project.revision("revision"); // no -m: an empty -m is refused as an empty value
        assertEquals("Revision_" + unnamed.id() + ".java", unnamed.file().getFileName().toString());
        project.compile();
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** A merge of a revision with its own ancestor joins nothing: refused, as Alembic does not. */
    @Test
    void mergeRefusesARevisionWithItsOwnAncestor() throws Exception {
        var project = new Project(Files.createTempDirectory("merge"), Map.of());
        project.ok("init", "--package", "a.b", "--no-pom");
        var first = project.revision("revision", "-m", "first");
        project.revision("revision", "-m", "second");
        var cli = project.run("merge", "-m", "merge", "heads", first.id());
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("cannot merge " + first.id() + " into ") && cli.err().contains(" is already an"
                + " ancestor of "), cli.toString());
    }

    /** The file revision writes compiles the README's upgrade: every static import its types and defaults need. */
    @Test
    void theGeneratedFileCompilesTheReadmesUpgrade() throws Exception {
        var project = new Project(Files.createTempDirectory("readme"), Map.of());
        project.ok("init", "--package", "com.example.db", "--no-pom");
        var users = project.revision("revision", "-m", "create users");
        project.fill(users, "op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey().identity())"
                + ".column(\"email\", varchar(255), c -> c.notNull().unique())"
                + ".column(\"team_id\", BIGINT, c -> c.references(\"teams\", \"id\").onDelete(CASCADE))"
                + ".column(\"created_at\", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));");
        assertFalse(project.compile().diagnostics().contains("error"));
    }
}
