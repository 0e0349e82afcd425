package dev.retort.cli.autogen;

import static dev.retort.schema.SqlType.arrayOf;
import static dev.retort.schema.SqlType.enumOf;
import static dev.retort.schema.SqlType.numeric;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.model.SchemaBuilder;
import dev.retort.schema.EnumType;
import dev.retort.schema.NumericType;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.VarcharType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random schemas for the autogenerate round trip, and random changes of them: tables with every
 * column type the dialect has, defaults, keys, unique and check constraints, foreign keys with
 * actions, plain, unique, partial and expression indexes, comments, enum types, sequences and
 * views (the last four on PostgreSQL). Key columns keep their types, so every key stays valid.
 */
final class RandomSchemas {

    record Column(String name, SqlType type, boolean nullable, ServerDefault serverDefault, String comment) {
    }

    record ForeignKey(String column, String table, ReferentialAction onDelete, ReferentialAction onUpdate) {
    }

    record Index(String name, List<String> columns, String expression, boolean unique, String where) {
    }

    static final class Table {
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<List<String>> uniques = new ArrayList<>();
        final List<String> checks = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        SqlType keyType;
        String comment;

        Table(String name) {
            this.name = name;
        }

        Table copy() {
            var t = new Table(name);
            t.columns.addAll(columns);
            uniques.forEach(u -> t.uniques.add(List.copyOf(u)));
            t.checks.addAll(checks);
            t.foreignKeys.addAll(foreignKeys);
            t.indexes.addAll(indexes);
            t.keyType = keyType;
            t.comment = comment;
            return t;
        }

        Column column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
        }

        /** Columns no key, constraint or index names: free to change or drop. */
        List<Column> plain() {
            return columns.stream().filter(c -> !c.name().equals("id") && !c.name().endsWith("_ref")
                    && uniques.stream().noneMatch(u -> u.contains(c.name()))
                    && checks.stream().noneMatch(k -> mentions(k, c.name()))
                    && indexes.stream().noneMatch(i -> (i.columns() != null && i.columns().contains(c.name()))
                            || (i.expression() != null && mentions(i.expression(), c.name()))
                            || (i.where() != null && mentions(i.where(), c.name()))))
                    .toList();
        }
    }

    /** Whether the SQL names this column, quoted as standard SQL or MySQL quotes it. */
    static boolean mentions(String sql, String name) {
        return sql.contains("\"" + name + "\"") || sql.contains("`" + name + "`");
    }

    static final class Schema {
        final Map<String, Table> tables = new LinkedHashMap<>();
        final Map<String, List<String>> enums = new LinkedHashMap<>();
        final List<String> sequences = new ArrayList<>();
        final Map<String, String> views = new LinkedHashMap<>();

        /** Every name the schema declares: tables, enum types, sequences, views. */
        Set<String> names() {
            var all = new HashSet<String>(tables.keySet());
            all.addAll(enums.keySet());
            all.addAll(sequences);
            all.addAll(views.keySet());
            return all;
        }

        Schema copy() {
            var s = new Schema();
            tables.forEach((n, t) -> s.tables.put(n, t.copy()));
            enums.forEach((n, v) -> s.enums.put(n, List.copyOf(v)));
            s.sequences.addAll(sequences);
            s.views.putAll(views);
            return s;
        }

        void declare(SchemaBuilder b) {
            enums.forEach((n, v) -> b.enumType(n, v.toArray(String[]::new)));
            sequences.forEach(b::sequence);
            for (Table t : tables.values()) {
                b.table(t.name, spec -> {
                    for (Column c : t.columns) {
                        spec.column(c.name(), c.type(), col -> {
                            if (c.name().equals("id")) {
                                col.primaryKey();
                            } else if (!c.nullable()) {
                                col.notNull();
                            }
                            if (c.serverDefault() != null) {
                                col.serverDefault(c.serverDefault());
                            }
                            if (c.comment() != null) {
                                col.comment(c.comment());
                            }
                        });
                    }
                    t.uniques.forEach(u -> spec.unique(u.toArray(String[]::new)));
                    t.checks.forEach(spec::check);
                    for (ForeignKey fk : t.foreignKeys) {
                        spec.foreignKey(f -> {
                            f.columns(fk.column()).references(fk.table(), "id");
                            if (fk.onDelete() != null) {
                                f.onDelete(fk.onDelete());
                            }
                            if (fk.onUpdate() != null) {
                                f.onUpdate(fk.onUpdate());
                            }
                        });
                    }
                    if (t.comment != null) {
                        spec.comment(t.comment);
                    }
                });
                for (Index i : t.indexes) {
                    b.index(i.name(), t.name, spec -> {
                        if (i.expression() != null) {
                            spec.expression(i.expression());
                        } else {
                            spec.columns(i.columns().toArray(String[]::new));
                        }
                        if (i.unique()) {
                            spec.unique();
                        }
                        if (i.where() != null) {
                            spec.where(i.where());
                        }
                    });
                }
            }
            views.forEach(b::view);
        }
    }

    private final Random random;
    private final boolean postgres;
    /** MySQL: no partial or expression indexes, no index on text, no SET DEFAULT, names quoted with backticks. */
    private final boolean mysql;
    /** The databases with comments, sequences and a UUID function: all but SQLite. */
    private final boolean rich;
    private int names;

    RandomSchemas(Random random, String dialect) {
        this.random = random;
        this.postgres = dialect.equals("postgresql");
        this.mysql = dialect.equals("mysql");
        this.rich = postgres || mysql;
    }

    /** A name quoted as the dialect's SQL quotes it. */
    private String q(String name) {
        return mysql ? "`" + name + "`" : "\"" + name + "\"";
    }

    Schema schema() {
        var s = new Schema();
        if (postgres && random.nextInt(3) == 0) {
            s.enums.put(name("mood"), List.of("calm", "glad", "sad"));
        }
        if (rich && random.nextInt(4) == 0) {
            s.sequences.add(name("seq"));
        }
        int tables = 1 + random.nextInt(3);
        for (int i = 0; i < tables; i++) {
            addTable(s);
        }
        if (rich && random.nextInt(4) == 0) {
            addView(s);
        }
        return s;
    }

    /** A few random changes of {@code a}. */
    Schema changed(Schema a) {
        Schema b = a.copy();
        int changes = 1 + random.nextInt(5);
        for (int i = 0; i < changes; i++) {
            change(b);
        }
        return b;
    }

    private void change(Schema s) {
        List<Table> tables = new ArrayList<>(s.tables.values());
        Table t = tables.isEmpty() ? null : tables.get(random.nextInt(tables.size()));
        switch (random.nextInt(rich ? 16 : 12)) {
            case 0 -> addTable(s);
            case 1 -> {
                if (t != null && s.tables.size() > 1) {
                    dropTable(s, t);
                }
            }
            case 2 -> {
                if (t != null) {
                    t.columns.add(column(s, name("c")));
                }
            }
            case 3 -> pick(t == null ? List.of() : t.plain()).ifPresent(c -> t.columns.remove(c));
            case 4 -> pick(t == null ? List.of() : t.plain()).ifPresent(c -> replace(t, c, retyped(c)));
            case 5 -> pick(t == null ? List.of() : t.plain()).ifPresent(c -> replace(t, c,
                    new Column(c.name(), c.type(), !c.nullable(), c.serverDefault(), c.comment())));
            case 6 -> pick(t == null ? List.of() : t.plain()).ifPresent(c -> replace(t, c,
                    new Column(c.name(), c.type(), c.nullable(), c.serverDefault() == null ? defaultFor(c.type()) : null,
                            c.comment())));
            case 7 -> pick(t == null ? List.of() : indexable(t)).ifPresent(c -> t.uniques.add(List.of(c.name())));
            case 8 -> {
                if (t != null && !t.uniques.isEmpty()) {
                    t.uniques.remove(random.nextInt(t.uniques.size()));
                } else if (t != null) {
                    addCheck(t);
                }
            }
            case 9 -> {
                if (t != null) {
                    addIndex(t);
                }
            }
            case 10 -> {
                if (t != null && !t.indexes.isEmpty()) {
                    t.indexes.remove(random.nextInt(t.indexes.size()));
                } else if (t != null) {
                    t.checks.clear();
                }
            }
            case 11 -> {
                if (t != null) {
                    addForeignKey(s, t);
                }
            }
            case 12 -> {
                if (t != null) {
                    t.comment = t.comment == null ? "table's note " + names++ : null;
                }
            }
            case 13 -> pick(t == null ? List.of() : t.plain()).ifPresent(c -> replace(t, c,
                    new Column(c.name(), c.type(), c.nullable(), c.serverDefault(), c.comment() == null ? "it's " + names++ : null)));
            case 14 -> {
                if (!s.sequences.isEmpty() && random.nextBoolean()) {
                    s.sequences.remove(0);
                } else {
                    s.sequences.add(name("seq"));
                }
            }
            default -> {
                if (!s.views.isEmpty() && random.nextBoolean()) {
                    s.views.remove(s.views.keySet().iterator().next());
                } else {
                    addView(s);
                }
            }
        }
    }

    private void addTable(Schema s) {
        var t = new Table(name("t"));
        t.keyType = rich && random.nextInt(4) == 0 ? SqlType.UUID : random.nextBoolean() ? SqlType.BIGINT : SqlType.INTEGER;
        t.columns.add(new Column("id", t.keyType, false, t.keyType == SqlType.UUID ? ServerDefault.randomUuid() : null, null));
        int columns = 1 + random.nextInt(4);
        for (int i = 0; i < columns; i++) {
            t.columns.add(column(s, name("c")));
        }
        s.tables.put(t.name, t);
        if (random.nextBoolean()) {
            addForeignKey(s, t);
        }
        if (random.nextInt(3) == 0) {
            addIndex(t);
        }
        if (random.nextInt(4) == 0) {
            addCheck(t);
        }
        if (random.nextInt(4) == 0) {
            pick(indexable(t)).ifPresent(c -> t.uniques.add(List.of(c.name())));
        }
    }

    private void dropTable(Schema s, Table t) {
        s.tables.remove(t.name);
        for (Table other : s.tables.values()) {
            other.foreignKeys.removeIf(fk -> fk.table().equals(t.name));
            other.columns.removeIf(c -> c.name().startsWith(t.name + "_") && c.name().endsWith("_ref"));
        }
        s.views.values().removeIf(query -> mentions(query, t.name));
    }

    private void addForeignKey(Schema s, Table t) {
        List<Table> targets = new ArrayList<>(s.tables.values());
        Table target = targets.get(random.nextInt(targets.size()));
        String column = target.name + "_" + names++ + "_ref";
        // InnoDB refuses SET DEFAULT, and SET NULL on a column that cannot be null.
        List<ReferentialAction> actions = new ArrayList<>(List.of(ReferentialAction.values()));
        if (mysql) {
            actions.remove(ReferentialAction.SET_DEFAULT);
        }
        ReferentialAction onDelete = random.nextBoolean() ? null : actions.get(random.nextInt(actions.size()));
        ReferentialAction onUpdate = random.nextInt(3) == 0 ? actions.get(random.nextInt(actions.size())) : null;
        boolean nullable = random.nextBoolean()
                || mysql && (onDelete == ReferentialAction.SET_NULL || onUpdate == ReferentialAction.SET_NULL);
        t.columns.add(new Column(column, target.keyType, nullable, null, null));
        t.foreignKeys.add(new ForeignKey(column, target.name, onDelete, onUpdate));
    }

    /**
     * Columns PostgreSQL can index with its default operator classes ({@code json} has none); on
     * MySQL, not text, JSON or bytes, which it indexes by a prefix only.
     */
    private List<Column> indexable(Table t) {
        return t.plain().stream().filter(c -> c.type() != SqlType.PLAIN_JSON && !(mysql && (c.type() == SqlType.TEXT
                || c.type() == SqlType.JSON || c.type() == SqlType.BLOB))).toList();
    }

    private void addIndex(Table t) {
        var plain = indexable(t);
        if (plain.isEmpty()) {
            return;
        }
        Column c = plain.get(random.nextInt(plain.size()));
        String name = "ix_" + t.name + "_" + names++;
        boolean text = c.type() == SqlType.TEXT || c.type() instanceof VarcharType;
        switch (random.nextInt(mysql ? 2 : 4) + (mysql ? 2 : 0)) {
            case 0 -> t.indexes.add(text || c.type().isInteger()
                    ? new Index(name, null, text ? "lower(" + q(c.name()) + ")" : "(" + q(c.name()) + " + 1)", false, null)
                    : new Index(name, List.of(c.name()), null, false, null));
            case 1 -> t.indexes.add(new Index(name, List.of(c.name()), null, false, q(c.name()) + " IS NOT NULL"));
            case 2 -> t.indexes.add(new Index(name, List.of(c.name()), null, true, null));
            default -> t.indexes.add(new Index(name, List.of(c.name()), null, false, null));
        }
    }

    private void addCheck(Table t) {
        pick(t.plain().stream().filter(c -> c.type().isInteger()).toList())
                .ifPresent(c -> t.checks.add(q(c.name()) + " >= 0"));
    }

    private void addView(Schema s) {
        if (s.tables.isEmpty()) {
            return;
        }
        var tables = new ArrayList<>(s.tables.keySet());
        String table = tables.get(random.nextInt(tables.size()));
        s.views.put(name("v"), "SELECT " + q("id") + " FROM " + q(table));
    }

    private Column column(Schema s, String name) {
        SqlType type = type(s);
        boolean nullable = random.nextBoolean();
        ServerDefault d = random.nextInt(3) == 0 ? defaultFor(type) : null;
        String comment = rich && random.nextInt(5) == 0 ? "what " + name + " holds" : null;
        return new Column(name, type, nullable || d == null && random.nextBoolean(), d, comment);
    }

    private SqlType type(Schema s) {
        List<SqlType> types = new ArrayList<>(List.of(SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT, SqlType.TEXT,
                SqlType.BOOLEAN, SqlType.DATE, SqlType.TIMESTAMP, SqlType.REAL, SqlType.DOUBLE, SqlType.JSON, SqlType.BLOB,
                SqlType.UUID, varchar(1 + random.nextInt(300)), numeric(5 + random.nextInt(10), random.nextInt(4))));
        if (postgres) {
            types.addAll(List.of(SqlType.TIMESTAMP_TZ, SqlType.JSONB, SqlType.PLAIN_JSON, varchar(), arrayOf(SqlType.TEXT)));
            s.enums.forEach((n, v) -> types.add(enumOf(n, v.toArray(String[]::new))));
        }
        return types.get(random.nextInt(types.size()));
    }

    /** The type a column may change to without USING: a neighbour in its family. */
    private Column retyped(Column c) {
        SqlType t = c.type();
        SqlType to;
        if (t.isInteger()) {
            to = List.of(SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT).get(random.nextInt(3));
        } else if (t == SqlType.TEXT || t instanceof VarcharType) {
            to = random.nextBoolean() ? SqlType.TEXT : varchar(1 + random.nextInt(400));
        } else if (t == SqlType.REAL || t == SqlType.DOUBLE) {
            to = t == SqlType.REAL ? SqlType.DOUBLE : SqlType.REAL;
        } else if (t instanceof NumericType) {
            to = numeric(10 + random.nextInt(8), random.nextInt(4));
        } else {
            return c;
        }
        return new Column(c.name(), to, c.nullable(), to.equals(t) ? c.serverDefault() : null, c.comment());
    }

    private ServerDefault defaultFor(SqlType type) {
        if (type.isInteger()) {
            return ServerDefault.value((long) random.nextInt(100) - 10);
        }
        if (type == SqlType.TEXT || type instanceof VarcharType) {
            // A default longer than the column is refused when declared on MySQL (PostgreSQL waits for an insert).
            return ServerDefault.value(type instanceof VarcharType v && v.length() < 4 ? "i" : "it's");
        }
        if (type == SqlType.BOOLEAN) {
            return ServerDefault.value(random.nextBoolean());
        }
        if (type == SqlType.TIMESTAMP || type == SqlType.TIMESTAMP_TZ) {
            return ServerDefault.now();
        }
        if (type == SqlType.DATE) {
            return ServerDefault.value("2020-01-02");
        }
        if (type instanceof NumericType) {
            return ServerDefault.value(new BigDecimal("1.5"));
        }
        if (type == SqlType.UUID && rich) {
            return ServerDefault.randomUuid();
        }
        if (type instanceof EnumType e) {
            return ServerDefault.value(e.values().get(0));
        }
        return null;
    }

    private void replace(Table t, Column old, Column now) {
        t.columns.set(t.columns.indexOf(old), now);
    }

    private <T> Optional<T> pick(List<T> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(random.nextInt(items.size())));
    }

    private String name(String prefix) {
        return prefix + names++;
    }
}
