package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's schema for {@link AutogenerateBench}, generated from a seed: tables of 5 to 12
 * columns of mixed types, each with a primary key, some unique and check constraints, a foreign
 * key or two to earlier tables and an index or two. It writes the same declarations twice, as
 * sources: migrations that create all but {@code missing} of the tables ({@code perRevision} to a
 * revision, in a chain), and a {@code DeclaredSchema} that declares them all, so what autogenerate
 * should find is exactly the missing tables and their indexes.
 *
 * @param tables every table, referred ones first
 * @param missing the positions of the tables only the model has; no migrated table refers to one
 */
record GeneratedSchema(List<Table> tables, Set<Integer> missing) {

    static final String MIGRATION_PACKAGE = "bench.db";
    static final String MODEL_CLASS = "bench.model.BenchSchema";

    /** One table: its name, the builder chain after {@code t -> t}, and its indexes as {@code (name, table, columns...)} arguments. */
    record Table(String name, String spec, List<String> indexes, List<Boolean> uniqueIndexes) {
    }

    private static final String[] NOUNS = {"account", "customer", "invoice", "invoice_line", "product", "supplier",
        "warehouse", "shipment", "payment", "refund", "category", "tag", "employee", "department", "project", "task",
        "comment", "attachment", "contract", "subscription", "plan", "coupon", "address", "region", "audit_entry"};

    /** A column the generator may pick: its name, its type as written in a migration, and the column spec. */
    private record Kind(String name, String type, String spec) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("name", "varchar(100)", "c -> c.notNull()"),
            new Kind("title", "varchar(200)", "c -> c.notNull()"),
            new Kind("code", "varchar(32)", "c -> c.notNull().unique()"),
            new Kind("email", "varchar(255)", "c -> c.unique()"),
            new Kind("status", "varchar(20)", "c -> c.notNull().serverDefault(\"new\")"),
            new Kind("description", "TEXT", null),
            new Kind("notes", "TEXT", null),
            new Kind("amount", "numeric(12, 2)", "c -> c.notNull().serverDefault(0)"),
            new Kind("price", "numeric(10, 2)", null),
            new Kind("quantity", "INTEGER", "c -> c.notNull().serverDefault(0)"),
            new Kind("position", "SMALLINT", null),
            new Kind("is_active", "BOOLEAN", "c -> c.notNull().serverDefault(true)"),
            new Kind("archived", "BOOLEAN", null),
            new Kind("created_at", "TIMESTAMP_TZ", "c -> c.notNull().serverDefault(now())"),
            new Kind("updated_at", "TIMESTAMP_TZ", null),
            new Kind("published_on", "DATE", null),
            new Kind("ratio", "DOUBLE", null),
            new Kind("external_id", "UUID", "c -> c.notNull().unique()"),
            new Kind("payload", "JSON", null),
            new Kind("version", "BIGINT", "c -> c.notNull().serverDefault(1)"));

    /**
     * {@code count} tables from {@code seed}; {@code missing} of them, spread evenly, are left to
     * the model alone.
     */
    static GeneratedSchema generate(long seed, int count, int missingCount) {
        var random = new Random(seed);
        var missing = new TreeSet<Integer>();
        for (int m = 0; m < missingCount; m++) {
            missing.add((int) ((m + 0.5) * count / missingCount));
        }
        var names = new ArrayList<String>();
        var tables = new ArrayList<Table>();
        for (int i = 0; i < count; i++) {
            String name = NOUNS[random.nextInt(NOUNS.length)] + String.format(Locale.ROOT, "_%03d", i);
            names.add(name);
            // A migrated table may refer only to migrated tables; a missing one to any earlier table.
            var referable = new ArrayList<String>();
            for (int j = 0; j < i; j++) {
                if (missing.contains(i) || !missing.contains(j)) {
                    referable.add(names.get(j));
                }
            }
            tables.add(table(name, referable, random));
        }
        return new GeneratedSchema(List.copyOf(tables), missing);
    }

    private static Table table(String name, List<String> referable, Random random) {
        var spec = new StringBuilder("t -> t\n                .column(\"id\", BIGINT, c -> c.primaryKey().identity())");
        var columns = new ArrayList<String>();
        int total = 5 + random.nextInt(8);
        int keys = referable.isEmpty() ? 0 : Math.min(referable.size(), 1 + random.nextInt(2));
        var keyColumns = new ArrayList<String>();
        for (int k = 0; k < keys; k++) {
            // Mostly recent tables, as a schema grows by features that refer to their neighbours.
            String target = referable.get(Math.max(0, referable.size() - 1 - random.nextInt(Math.min(referable.size(), 40))));
            String column = target + "_id";
            if (keyColumns.contains(column)) {
                continue;
            }
            keyColumns.add(column);
            String action = switch (random.nextInt(4)) {
                case 0 -> ".onDelete(CASCADE)";
                case 1 -> ".onDelete(SET_NULL)";
                default -> "";
            };
            boolean required = action.isEmpty() ? random.nextBoolean() : action.contains("CASCADE");
            spec.append("\n                .column(\"").append(column).append("\", BIGINT, c -> c")
                    .append(required ? ".notNull()" : "").append(".references(\"").append(target).append("\", \"id\")")
                    .append(action).append(")");
        }
        var pool = new ArrayList<>(KINDS);
        while (1 + keyColumns.size() + columns.size() < total) {
            Kind kind = pool.remove(random.nextInt(pool.size()));
            columns.add(kind.name());
            spec.append("\n                .column(\"").append(kind.name()).append("\", ").append(kind.type())
                    .append(kind.spec() == null ? "" : ", " + kind.spec()).append(")");
        }
        if (!keyColumns.isEmpty() && columns.contains("name") && random.nextInt(3) == 0) {
            spec.append("\n                .unique(\"").append(keyColumns.get(0)).append("\", \"name\")");
        }
        if (columns.contains("amount") && random.nextInt(3) == 0) {
            spec.append("\n                .check(\"amount >= 0\")");
        }
        if (random.nextInt(4) == 0) {
            spec.append("\n                .comment(\"").append(name.replaceAll("_[0-9]+$", "").replace('_', ' ')).append(" records\")");
        }
        var indexes = new ArrayList<String>();
        var unique = new ArrayList<Boolean>();
        for (String column : keyColumns) {
            if (indexes.size() < 2) {
                indexes.add(index(name, column));
                unique.add(false);
            }
        }
        if (indexes.size() < 2 && !keyColumns.isEmpty() && columns.contains("position")) {
            indexes.add(index(name, keyColumns.get(0), "position"));
            unique.add(true);
        } else if (indexes.size() < 2 && columns.contains("status") && columns.contains("created_at")) {
            indexes.add(index(name, "status", "created_at"));
            unique.add(false);
        } else if (indexes.isEmpty()) {
            String column = columns.get(random.nextInt(columns.size()));
            indexes.add(index(name, column));
            unique.add(false);
        }
        return new Table(name, spec.toString(), List.copyOf(indexes), List.copyOf(unique));
    }

    private static String index(String table, String... columns) {
        var args = new StringBuilder("\"ix_" + table + "_" + String.join("_", columns) + "\", \"" + table + "\"");
        for (String column : columns) {
            args.append(", \"").append(column).append("\"");
        }
        return args.toString();
    }

    /** The tables the migrations create, in order. */
    List<Table> migrated() {
        var migrated = new ArrayList<Table>();
        for (int i = 0; i < tables.size(); i++) {
            if (!missing.contains(i)) {
                migrated.add(tables.get(i));
            }
        }
        return migrated;
    }

    /** The names of the tables only the model has. */
    List<String> missingNames() {
        return missing.stream().map(i -> tables.get(i).name()).toList();
    }

    static String revisionId(int r) {
        return String.format(Locale.ROOT, "be%010d", r);
    }

    /** Writes the migrations (a chain of revisions of {@code perRevision} tables) under {@code root}; returns the files. */
    List<Path> writeMigrations(Path root, int perRevision) throws IOException {
        Path dir = Files.createDirectories(root.resolve(MIGRATION_PACKAGE.replace('.', '/')));
        List<Table> migrated = migrated();
        var files = new ArrayList<Path>();
        for (int r = 0; r * perRevision < migrated.size(); r++) {
            List<Table> part = migrated.subList(r * perRevision, Math.min(migrated.size(), (r + 1) * perRevision));
            String className = String.format(Locale.ROOT, "CreateTables%02d", r);
            var source = new StringBuilder(header(MIGRATION_PACKAGE))
                    .append("import dev.retort.Migration;\nimport dev.retort.Revision;\nimport dev.retort.dsl.Ops;\n\n")
                    .append("@Revision(id = \"").append(revisionId(r)).append("\"")
                    .append(r == 0 ? "" : ", revises = \"" + revisionId(r - 1) + "\"")
                    .append(", message = \"create ").append(part.get(0).name()).append(" to ")
                    .append(part.get(part.size() - 1).name()).append("\")\n")
                    .append("public final class ").append(className).append(" implements Migration {\n")
                    .append("    @Override\n    public void upgrade(Ops op) {\n");
            for (Table table : part) {
                source.append(statements(table, "op", "createTable", "createIndex", "createUniqueIndex"));
            }
            source.append("    }\n}\n");
            Path file = dir.resolve(className + ".java");
            Files.writeString(file, source);
            files.add(file);
        }
        return files;
    }

    /** Writes the model, every table declared, in methods of 50 tables (a method's code has a size limit). */
    Path writeModel(Path root) throws IOException {
        String packageName = MODEL_CLASS.substring(0, MODEL_CLASS.lastIndexOf('.'));
        String simpleName = MODEL_CLASS.substring(MODEL_CLASS.lastIndexOf('.') + 1);
        Path dir = Files.createDirectories(root.resolve(packageName.replace('.', '/')));
        var source = new StringBuilder(header(packageName))
                .append("import dev.retort.model.DeclaredSchema;\nimport dev.retort.model.SchemaBuilder;\n\n")
                .append("public final class ").append(simpleName).append(" implements DeclaredSchema {\n")
                .append("    @Override\n    public void declare(SchemaBuilder schema) {\n");
        int parts = (tables.size() + 49) / 50;
        for (int p = 0; p < parts; p++) {
            source.append("        part").append(p).append("(schema);\n");
        }
        source.append("    }\n");
        for (int p = 0; p < parts; p++) {
            source.append("\n    private static void part").append(p).append("(SchemaBuilder schema) {\n");
            for (Table table : tables.subList(p * 50, Math.min(tables.size(), (p + 1) * 50))) {
                source.append(statements(table, "schema", "table", "index", "uniqueIndex"));
            }
            source.append("    }\n");
        }
        source.append("}\n");
        Path file = dir.resolve(simpleName + ".java");
        Files.writeString(file, source);
        return file;
    }

    private static String header(String packageName) {
        return "package " + packageName + ";\n\n"
                + "import static dev.retort.schema.ReferentialAction.*;\n"
                + "import static dev.retort.schema.ServerDefault.*;\n"
                + "import static dev.retort.schema.SqlType.*;\n\n";
    }

    private static String statements(Table table, String receiver, String create, String index, String uniqueIndex) {
        var text = new StringBuilder("        ").append(receiver).append('.').append(create).append("(\"")
                .append(table.name()).append("\", ").append(table.spec()).append(");\n");
        for (int i = 0; i < table.indexes().size(); i++) {
            text.append("        ").append(receiver).append('.').append(table.uniqueIndexes().get(i) ? uniqueIndex : index)
                    .append('(').append(table.indexes().get(i)).append(");\n");
        }
        return text.toString();
    }
}
