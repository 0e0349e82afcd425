package dev.retort.bench;

import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.Retort;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * For {@link StartBench}: one chain of {@code revisions} migrations, each as Retort, raw JDBC and
 * Flyway would take it. Each revision creates a table (an identity key, a varchar, a timestamp
 * with a default) and an index on it, through the DSL; the sources are compiled with Retort's
 * processor. The raw and Flyway forms hold the very statements Retort renders for each revision
 * (read from {@link Retort#upgradeSql}, less its version and history statements), so all three
 * run the same DDL.
 */
record StartProject(Path dir, int revisions, Path classes, List<String> ids) {

    static final String PACKAGE = "bench.start";
    private static final List<String> DIALECTS = List.of("sqlite", "postgresql");

    /** The compiled migrations and their index as one jar, as an application ships them. */
    Path jar() {
        return dir.resolve("migrations.jar");
    }

    static StartProject create(Path parent, int revisions) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("chain-" + revisions));
        var project = compile(dir, revisions, StartProject::source);
        for (String dialect : DIALECTS) {
            project.writeRawSql(dialect);
        }
        return project;
    }

    /**
     * The same chain with each revision's statements as {@code op.execute}, a variant per
     * dialect: Retort's engine without the DSL's cost (its lambdas, the ops it records, rendering).
     */
    StartProject withRawOps() throws IOException {
        var statements = new HashMap<String, List<List<String>>>();
        for (String dialect : DIALECTS) {
            statements.put(dialect, RawJdbcMain.read(rawSql(dialect)).statements());
        }
        return compile(dir.resolveSibling(dir.getFileName() + "-execute"), revisions, i -> {
            var ops = new StringBuilder();
            for (String dialect : DIALECTS) {
                for (String sql : statements.get(dialect).get(i - 1)) {
                    ops.append("        op.execute(SqlText.only(\"").append(dialect).append("\", ").append(literal(sql))
                            .append("));\n");
                }
            }
            return header(i, "import dev.retort.op.SqlText;\n") + ops + "    }\n}\n";
        });
    }

    private static StartProject compile(Path dir, int revisions, IntFunction<String> source)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/" + PACKAGE.replace('.', '/')));
        var ids = new ArrayList<String>();
        var sources = new ArrayList<Path>();
        for (int i = 1; i <= revisions; i++) {
            ids.add(id(i));
            Path file = src.resolve(className(i) + ".java");
            Files.writeString(file, source.apply(i));
            sources.add(file);
        }
        ProcessorBench.compile(dir, sources, new RevisionProcessor(), "classes");
        var project = new StartProject(dir, revisions, dir.resolve("out-classes"), List.copyOf(ids));
        project.writeJar();
        return project;
    }

    private void writeJar() throws IOException {
        try (var out = new JarOutputStream(Files.newOutputStream(jar()));
                var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static String literal(String sql) {
        return '"' + sql.substring(0, sql.length() - 1).replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n") + '"';
    }

    private static String header(int i, String imports) {
        String revises = i == 1 ? "" : ", revises = \"" + id(i - 1) + "\"";
        return """
                package %s;

                import dev.retort.Migration;
                import dev.retort.Revision;
                import dev.retort.dsl.Ops;
                %s
                @Revision(id = "%s"%s, message = "create t%04d")
                public final class %s implements Migration {
                    @Override
                    public void upgrade(Ops op) {
                """.formatted(PACKAGE, imports, id(i), revises, i, className(i));
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "5a%010d", i);
    }

    private static String className(int i) {
        return String.format(Locale.ROOT, "CreateTable%04d", i);
    }

    private static String source(int i) {
        String table = String.format(Locale.ROOT, "t%04d", i);
        return header(i, """
                import static dev.retort.schema.ServerDefault.now;
                import static dev.retort.schema.SqlType.BIGINT;
                import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
                import static dev.retort.schema.SqlType.varchar;
                """) + """
                        op.createTable("%s", t -> t
                                .column("id", BIGINT, c -> c.primaryKey().identity())
                                .column("name", varchar(100), c -> c.notNull())
                                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
                        op.createIndex("ix_%s_name", "%s", "name");
                    }
                }
                """.formatted(table, table, table);
    }

    /** {@code raw-DIALECT.sql}: {@code -- ID} before each revision's statements, one per line group ending in ';'. */
    Path rawSql(String dialect) {
        return dir.resolve("raw-" + dialect + ".sql");
    }

    /** Flyway's folder of {@code V<n>__<id>.sql}, the same statements. */
    Path flywayDir(String dialect) {
        return dir.resolve("flyway-" + dialect);
    }

    private void writeRawSql(String dialect) throws IOException {
        String script;
        try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, StartProject.class.getClassLoader())) {
            Retort retort = Retort.configure().url("sqlite:///" + dir.resolve("unused.db")).classLoader(loader).build();
            script = retort.upgradeSql(List.of(), "head", dialect);
        }
        List<List<String>> perRevision = statements(script);
        if (perRevision.size() != revisions) {
            throw new IllegalStateException(dialect + ": " + perRevision.size() + " revisions in the script, not " + revisions);
        }
        var raw = new StringBuilder();
        Path flyway = Files.createDirectories(flywayDir(dialect));
        for (int i = 0; i < revisions; i++) {
            raw.append("-- ").append(ids.get(i)).append('\n');
            var one = new StringBuilder();
            perRevision.get(i).forEach(sql -> one.append(sql).append('\n'));
            raw.append(one);
            Files.writeString(flyway.resolve("V" + (i + 1) + "__" + ids.get(i) + ".sql"), one);
        }
        Files.writeString(rawSql(dialect), raw);
    }

    /** Each revision's own statements in an upgrade script: no transaction control, no version or history rows. */
    private static List<List<String>> statements(String script) {
        var all = new ArrayList<List<String>>();
        List<String> current = null;
        var statement = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("-- upgrade ")) {
                current = new ArrayList<>();
                all.add(current);
                continue;
            }
            if (current == null || line.isBlank() || (statement.isEmpty() && line.startsWith("--"))) {
                continue;
            }
            statement.append(statement.isEmpty() ? "" : "\n").append(line);
            if (line.endsWith(";")) {
                String sql = statement.toString();
                statement.setLength(0);
                boolean control = sql.equals("BEGIN;") || sql.equals("COMMIT;") || sql.startsWith("PRAGMA ");
                if (!control && !sql.contains("retort_version") && !sql.contains("retort_history")) {
                    current.add(sql);
                }
            }
        }
        return all;
    }
}
