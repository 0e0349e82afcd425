package dev.retort.runtime.dialect.sqlite;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.runtime.dialect.sqlite.SqliteTable.Column;
import dev.retort.runtime.dialect.sqlite.SqliteTable.TableConstraint;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One table rebuild: the changes applied to the table's parsed definition, then the statements
 * of SQLite's generalized ALTER TABLE procedure. Everything a change does not touch is written
 * back as it was.
 */
final class SqliteRebuild {

    private static final String TEMPORARY_PREFIX = "_retort_tmp_";

    private final SqliteRenderer renderer;
    private final TableName table;
    private final SqliteTableState state;
    private SqliteTable definition;
    private final List<SqliteTableState.Index> kept;
    private final List<String> created = new ArrayList<>();
    /** Columns whose values need a CAST on the copy, with their new type. */
    private final Map<String, String> casts = new LinkedHashMap<>();

    SqliteRebuild(SqliteRenderer renderer, TableName table, SqliteTableState state, List<Op> changes) {
        this.renderer = renderer;
        this.table = table;
        this.state = state;
        this.definition = state.definition();
        this.kept = new ArrayList<>(state.indexes());
        changes.forEach(this::apply);
    }

    /**
     * Whether the changes leave the table as it is on SQLite (a type change between two types SQLite
     * stores alike, a comment): then there is nothing to rebuild.
     */
    boolean changesNothing() {
        return casts.isEmpty() && created.isEmpty() && kept.size() == state.indexes().size()
                && definition.createSql("t", renderer::q).equals(state.definition().createSql("t", renderer::q));
    }

    /** The statements, in order; {@code legacyAlterTable} is the pragma's setting to restore. */
    List<String> statements(boolean legacyAlterTable) {
        String temporary = renderer.dialect().qualify(table.withName(TEMPORARY_PREFIX + table.name()));
        String qualified = renderer.dialect().qualify(table);
        var statements = new ArrayList<String>();
        statements.add(definition.createSql(temporary, renderer::q));
        var copied = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (Column column : definition.columns()) {
            var old = state.definition().column(column.name());
            if (old.isPresent() && !column.generated() && !old.get().generated()) {
                copied.add(renderer.q(column.name()));
                String cast = casts.get(column.name());
                values.add(cast == null ? renderer.q(column.name()) : "CAST(" + renderer.q(column.name()) + " AS " + cast + ")");
            }
        }
        if (!copied.isEmpty()) {
            statements.add("INSERT INTO " + temporary + " (" + String.join(", ", copied) + ") SELECT "
                    + String.join(", ", values) + " FROM " + qualified);
        }
        statements.add("DROP TABLE " + qualified);
        // With legacy_alter_table on, the rename neither rewrites nor checks views and other tables'
        // triggers that name the table: they refer to it by name, and it is back under that name.
        statements.add("PRAGMA legacy_alter_table = ON");
        statements.add("ALTER TABLE " + temporary + " RENAME TO " + renderer.q(table.name()));
        statements.add("PRAGMA legacy_alter_table = " + (legacyAlterTable ? "ON" : "OFF"));
        kept.forEach(index -> statements.add(index.sql()));
        statements.addAll(created);
        statements.addAll(state.triggers());
        if (state.sequence() != null && definition.columns().stream().anyMatch(c -> c.clauses().stream()
                .anyMatch(k -> k.toUpperCase(java.util.Locale.ROOT).contains("AUTOINCREMENT")))) {
            statements.addAll(keepSequence());
        }
        return statements;
    }

    /** The AUTOINCREMENT counter stays where it was, so ids of deleted rows are not given out again. */
    private List<String> keepSequence() {
        String sequences = table.schema() == null ? "sqlite_sequence" : renderer.q(table.schema()) + ".sqlite_sequence";
        String name = renderer.dialect().literal(table.name());
        String temporary = renderer.dialect().literal(TEMPORARY_PREFIX + table.name());
        long old = state.sequence();
        return List.of(
                "DELETE FROM " + sequences + " WHERE name = " + temporary,
                "UPDATE " + sequences + " SET seq = MAX(seq, " + old + ") WHERE name = " + name,
                "INSERT INTO " + sequences + " (name, seq) SELECT " + name + ", " + old
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + sequences + " WHERE name = " + name + ")");
    }

    static boolean legacyAlterTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA legacy_alter_table")) {
            return r.next() && r.getInt(1) == 1;
        }
    }

    // ---- the changes, on the definition ----

    private void apply(Op op) {
        if (op instanceof AddColumn add) {
            addColumn(add.column());
        } else if (op instanceof DropColumn drop) {
            dropColumn(drop.column());
        } else if (op instanceof AlterColumn alter) {
            alterColumn(alter);
        } else if (op instanceof AddConstraint add) {
            addConstraint(add.constraint());
        } else if (op instanceof DropConstraint drop) {
            dropConstraint(drop);
        } else if (op instanceof CreateIndex index) {
            created.add(renderer.createIndexSql(index));
        } else if (op instanceof DropIndex drop) {
            dropIndex(drop);
        } else {
            throw new IllegalArgumentException("a rebuild does not take " + op.describe());
        }
    }

    private void addColumn(ColumnDef column) {
        if (definition.column(column.name()).isPresent()) {
            throw failure("table " + table + " already has a column " + column.name());
        }
        if (column.primaryKey() && hasPrimaryKey()) {
            throw failure("table " + table + " already has a primary key; drop it before adding column " + column.name()
                    + " as one");
        }
        var columns = new ArrayList<>(definition.columns());
        boolean rowidKey = column.primaryKey() && column.type().isInteger() && !hasPrimaryKey();
        columns.add(parseColumn(renderer.definitions().columnSql(column, rowidKey)));
        definition = definition.withColumns(columns);
        if (column.primaryKey() && !column.identity()) {
            addConstraint(new Constraint.PrimaryKey(null, List.of(column.name())));
        }
        if (column.unique()) {
            addConstraint(new Constraint.Unique(null, List.of(column.name())));
        }
        if (column.references() != null) {
            addConstraint(column.references().asConstraint(column.name()));
        }
        Constraint.Check check = renderer.definitions().enumCheck(table, column.name(), column.type());
        if (check != null) {
            addConstraint(check);
        }
    }

    private void dropColumn(String name) {
        column(name);
        for (Column other : definition.columns()) {
            if (!other.name().equals(name) && other.generated() && other.clauses().stream()
                    .anyMatch(c -> SqliteTableState.mentions(c, name))) {
                throw failure("column " + other.name() + " of table " + table + " is generated from " + name
                        + "; drop or change it first");
            }
        }
        definition = definition.withColumns(definition.columns().stream().filter(c -> !c.name().equals(name))
                .map(c -> withoutClausesMentioning(c, name)).toList());
        definition = definition.withConstraints(definition.constraints().stream()
                .filter(c -> !c.columns().contains(name) && !SqliteTableState.mentions(c.body(), name)).toList());
        kept.removeIf(index -> SqliteTableState.mentions(index.sql(), name));
    }

    private static Column withoutClausesMentioning(Column column, String name) {
        return new Column(column.name(), column.type(), column.clauses().stream()
                .filter(c -> !(SqliteTable.startsWith(c, "CHECK") && SqliteTableState.mentions(c, name))).toList());
    }

    private void alterColumn(AlterColumn alter) {
        Column column = column(alter.column());
        if (alter.type() != null) {
            // The rowid's alias stays one only while it is declared exactly INTEGER.
            String type = isRowidAlias(column) && alter.type().to().isInteger() ? "INTEGER"
                    : SqliteTypes.type(alter.type().to());
            // A CAST to NUMERIC affinity (DATETIME, DATE, BOOLEAN, JSON) keeps only a leading number
            // ('2024-01-01 10:00' becomes 2024); the new column's own affinity converts what it can.
            String affinity = SqliteTypes.affinity(type);
            if (!SqliteTypes.affinity(column.type()).equals(affinity) && !affinity.equals("NUMERIC")) {
                casts.put(column.name(), type);
            }
            column = column.withType(type);
            dropEnumCheck(column.name());
            Constraint.Check check = renderer.definitions().enumCheck(table, column.name(), alter.type().to());
            if (check != null) {
                replace(column);
                addConstraint(check);
                column = column(alter.column());
            }
        }
        if (alter.nullable() != null) {
            column = column.without("NOT").without("NULL");
            if (!alter.nullable().to()) {
                column = column.with("NOT NULL");
            }
        }
        if (alter.serverDefault() != null) {
            column = column.without("DEFAULT");
            if (alter.serverDefault().to() != null) {
                column = column.with("DEFAULT " + renderer.types().defaultValue(alter.serverDefault().to()));
            }
        }
        replace(column);
    }

    /** The CHECK an enum column carries: replaced when its type changes. */
    private void dropEnumCheck(String column) {
        String start = unquoted("CHECK (" + renderer.q(column) + " IN (");
        definition = definition.withConstraints(definition.constraints().stream()
                .filter(c -> !unquoted(c.body()).startsWith(start)).toList());
    }

    private void addConstraint(Constraint constraint) {
        if (constraint instanceof Constraint.PrimaryKey && hasPrimaryKey()) {
            throw failure("table " + table + " already has a primary key; drop it first");
        }
        for (String column : constraint.columns()) {
            column(column);
        }
        String name = renderer.context().naming().name(constraint, table);
        if (name != null && constraints().stream().anyMatch(c -> name.equalsIgnoreCase(c.name()))) {
            throw failure("table " + table + " already has a constraint " + name);
        }
        String sql = renderer.definitions().constraintSql(table, constraint);
        var all = new ArrayList<>(definition.constraints());
        all.add(SqliteTable.parse("CREATE TABLE x (\"_\", " + sql + ")").constraints().get(0));
        definition = definition.withConstraints(all);
    }

    /**
     * By name first (a table constraint, or a named column clause); else, when the migration gave
     * the definition, an unnamed constraint of the same kind and columns: SQLite keeps no names
     * for those, so nothing else can find them.
     */
    private void dropConstraint(DropConstraint drop) {
        String name = drop.name() != null ? drop.name() : renderer.context().naming().name(drop.definition(), table);
        if (name == null) {
            // Left for the database to name, and SQLite keeps no name: found by what it is.
            if (!dropUnnamed(drop.definition()) && !drop.ifExists()) {
                Constraint c = drop.definition();
                String what = c instanceof Constraint.Check ck ? "(" + ck.expression() + ")" : c.columns().toString();
                throw failure("table " + table + " has no unnamed " + c.kindName() + " on " + what
                        + "; give the constraint's name, or check the definition");
            }
            return;
        }
        List<TableConstraint> before = definition.constraints();
        definition = definition.withConstraints(before.stream().filter(c -> !name.equalsIgnoreCase(c.name())).toList());
        if (definition.constraints().size() < before.size() || dropNamedClause(name)) {
            return;
        }
        if (drop.definition() != null && dropUnnamed(drop.definition())) {
            return;
        }
        if (!drop.ifExists()) {
            throw failure("table " + table + " has no constraint " + name + "; its named constraints are " + constraints()
                    .stream().map(TableConstraint::name).filter(Objects::nonNull).toList());
        }
    }

    private boolean dropNamedClause(String name) {
        for (Column c : definition.columns()) {
            for (String clause : c.clauses()) {
                var tokens = SqlTokens.of(clause);
                if (tokens.size() > 1 && tokens.get(0).is("CONSTRAINT") && tokens.get(1).name().equalsIgnoreCase(name)) {
                    replace(new Column(c.name(), c.type(), c.clauses().stream().filter(k -> !k.equals(clause)).toList()));
                    return true;
                }
            }
        }
        return false;
    }

    private boolean dropUnnamed(Constraint wanted) {
        String kind = wanted instanceof Constraint.PrimaryKey ? "PRIMARY" : wanted instanceof Constraint.Unique ? "UNIQUE"
                : wanted instanceof Constraint.Check ? "CHECK" : "FOREIGN";
        for (TableConstraint c : definition.constraints()) {
            boolean same = c.name() == null && c.kind().equals(kind) && (kind.equals("CHECK")
                    ? unquoted(c.body()).equals(unquoted("CHECK (" + ((Constraint.Check) wanted).expression() + ")"))
                    : c.columns().equals(wanted.columns()));
            if (same) {
                definition = definition.withConstraints(definition.constraints().stream().filter(k -> k != c).toList());
                return true;
            }
        }
        if (wanted.columns().size() == 1) {
            String clause = kind.equals("FOREIGN") ? "REFERENCES" : kind;
            var column = definition.column(wanted.columns().get(0));
            if (column.isPresent() && column.get().has(clause)) {
                replace(column.get().without(clause));
                return true;
            }
        }
        return false;
    }

    private void dropIndex(DropIndex drop) {
        String name = drop.name() != null ? drop.name() : renderer.indexName(drop.definition());
        boolean removed = kept.removeIf(index -> index.name().equalsIgnoreCase(name));
        if (!removed && !drop.ifExists()) {
            throw failure("table " + table + " has no index " + name);
        }
    }

    // ---- helpers ----

    /** The table's single primary-key column declared INTEGER: SQLite numbers the rows through it. */
    private boolean isRowidAlias(Column column) {
        return column.type().equalsIgnoreCase("INTEGER") && (column.has("PRIMARY")
                || definition.constraints().stream().anyMatch(c -> c.kind().equals("PRIMARY")
                        && c.columns().size() == 1 && c.columns().get(0).equals(column.name())));
    }

    private boolean hasPrimaryKey() {
        return definition.constraints().stream().anyMatch(c -> c.kind().equals("PRIMARY"))
                || definition.columns().stream().anyMatch(c -> c.has("PRIMARY"));
    }

    private List<TableConstraint> constraints() {
        return definition.constraints();
    }

    private Column column(String name) {
        return definition.column(name).orElseThrow(() -> failure("table " + table + " has no column " + name));
    }

    private void replace(Column column) {
        definition = definition.withColumns(definition.columns().stream()
                .map(c -> c.name().equals(column.name()) ? column : c).toList());
    }

    private static Column parseColumn(String sql) {
        return SqliteTable.parse("CREATE TABLE x (" + sql + ")").columns().get(0);
    }

    /** Compared without spaces, case or identifier quotes: SQLAlchemy writes {@code mood IN (…)}, Retort {@code "mood" IN (…)}. */
    private static String unquoted(String sql) {
        return squash(sql).replace("\"", "");
    }

    private static String squash(String sql) {
        return sql.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static RetortException failure(String message) {
        return new RetortException(ErrorCode.MIGRATION_FAILED, message);
    }

    @Override
    public String toString() {
        return definition.columns().stream().map(Column::name).collect(Collectors.joining(", ", table + "(", ")"));
    }
}
