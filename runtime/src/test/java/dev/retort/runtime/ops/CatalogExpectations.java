package dev.retort.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.BatchAlterTable;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateView;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnum;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropView;
import dev.retort.op.IndexPart;
import dev.retort.op.OnlyOn;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.SetTableComment;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.schema.ArrayType;
import dev.retort.schema.BasicType;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.EnumType;
import dev.retort.schema.NamedType;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.TableName;
import dev.retort.schema.VarcharType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Checks that the catalog, read back after an op ran, shows what the op says: independent of
 * the renderers, so a renderer that writes the wrong SQL is caught here even when its golden SQL
 * was accepted by mistake. Expected native types are written out by hand for each database.
 */
final class CatalogExpectations {

    private final Kind kind;
    private final NamingConvention naming;

    CatalogExpectations(Kind kind) {
        this(kind, NamingConvention.alembic());
    }

    CatalogExpectations(Kind kind, NamingConvention naming) {
        this.kind = kind;
        this.naming = naming;
    }

    /** The type name the catalog reports for a column of this type. */
    String nativeType(SqlType type) {
        if (kind == Kind.MARIADB) {
            return mysqlType(type);
        }
        boolean pg = kind == Kind.POSTGRESQL;
        if (type instanceof VarcharType v) {
            String length = v.hasLength() ? "(" + v.length() + ")" : "";
            return pg ? "character varying" + length : "VARCHAR" + length;
        }
        if (type instanceof StringEnumType e) {
            return pg ? "character varying(" + e.length() + ")" : "VARCHAR(" + e.length() + ")";
        }
        if (type instanceof NamedType n) {
            return n.nameFor(pg ? "postgresql" : "sqlite");
        }
        if (type instanceof ArrayType a) {
            return nativeType(a.element()) + "[]";
        }
        if (type instanceof NumericType n) {
            return pg ? "numeric(" + n.precision() + "," + n.scale() + ")" : "NUMERIC(" + n.precision() + ", " + n.scale() + ")";
        }
        if (type instanceof EnumType e) {
            return !pg ? "TEXT" : e.name().schema() == null ? e.name().name() : e.name().schema() + "." + e.name().name();
        }
        // SQLite keeps the declared name, as SQLAlchemy writes it.
        return switch ((BasicType) type) {
            case SMALLINT -> pg ? "smallint" : "SMALLINT";
            case INTEGER -> pg ? "integer" : "INTEGER";
            case BIGINT -> pg ? "bigint" : "BIGINT";
            case TEXT -> pg ? "text" : "TEXT";
            case BOOLEAN -> pg ? "boolean" : "BOOLEAN";
            case DATE -> pg ? "date" : "DATE";
            case TIMESTAMP -> pg ? "timestamp without time zone" : "DATETIME";
            case TIMESTAMP_TZ -> pg ? "timestamp with time zone" : "DATETIME";
            case REAL -> pg ? "real" : "REAL";
            case DOUBLE -> pg ? "double precision" : "DOUBLE";
            case UUID -> pg ? "uuid" : "TEXT";
            case JSON, JSONB -> pg ? "jsonb" : "JSON";
            case PLAIN_JSON -> pg ? "json" : "JSON";
            case BLOB -> pg ? "bytea" : "BLOB";
        };
    }

    /** MySQL's types as the dialect's introspection spells them (display widths gone, tinyint(1) a BOOLEAN). */
    private static String mysqlType(SqlType type) {
        if (type instanceof VarcharType v) {
            return v.hasLength() ? "VARCHAR(" + v.length() + ")" : "LONGTEXT";
        }
        if (type instanceof StringEnumType e) {
            return "VARCHAR(" + e.length() + ")";
        }
        if (type instanceof NamedType n) {
            return n.nameFor("mysql").toUpperCase(java.util.Locale.ROOT);
        }
        if (type instanceof NumericType n) {
            return "DECIMAL(" + n.precision() + ", " + n.scale() + ")";
        }
        if (type instanceof EnumType e) {
            return "ENUM(" + String.join(",", e.values().stream().map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")";
        }
        return switch ((BasicType) type) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            case TEXT -> "LONGTEXT";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
            case REAL -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case UUID -> "CHAR(36)";
            case JSON, JSONB, PLAIN_JSON -> "JSON";
            case BLOB -> "LONGBLOB";
        };
    }

    /** Whether the catalog's default text is the one this default renders to. */
    void assertDefault(ServerDefault expected, String actual, String what) {
        if (expected == null) {
            assertNull(actual, what + ": no default expected");
            return;
        }
        assertNotNull(actual, what + ": default expected");
        boolean pg = kind == Kind.POSTGRESQL;
        if (kind == Kind.MARIADB) {
            assertMysqlDefault(expected, actual, what);
        } else if (expected instanceof ServerDefault.Now) {
            assertEquals(pg ? "now()" : "CURRENT_TIMESTAMP", actual, what);
        } else if (expected instanceof ServerDefault.Serial) {
            assertTrue(pg && actual.startsWith("nextval('") && actual.endsWith("_seq'::regclass)"), what + ": " + actual);
        } else if (expected instanceof ServerDefault.RandomUuid) {
            assertTrue(pg ? actual.equals("gen_random_uuid()") : actual.contains("randomblob"), what + ": " + actual);
        } else if (expected instanceof ServerDefault.Literal literal) {
            Object v = literal.value();
            String text = v instanceof Boolean b ? (pg ? b.toString() : b ? "1" : "0")
                    : v instanceof String s ? "'" + s.replace("'", "''") + "'"
                    : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            assertTrue(actual.equals(text) || actual.startsWith(text + "::") || actual.equals("(" + text + ")")
                    || pg && actual.startsWith("'" + text + "'::"), what + ": expected " + text + ", catalog has " + actual);
        } else {
            assertFalse(actual.isBlank(), what);
        }
    }

    /** MariaDB prints a default as SQL: literals quoted, functions lower-case. */
    private static void assertMysqlDefault(ServerDefault expected, String actual, String what) {
        if (expected instanceof ServerDefault.Now) {
            assertTrue(actual.equals("current_timestamp(6)") || actual.equals("curdate()"), what + ": " + actual);
        } else if (expected instanceof ServerDefault.RandomUuid) {
            assertEquals("uuid()", actual, what);
        } else if (expected instanceof ServerDefault.Literal literal) {
            Object v = literal.value();
            String text = v instanceof Boolean b ? (b ? "1" : "0")
                    : v instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"
                    : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            assertEquals(text, actual, what);
        } else {
            assertFalse(actual.isBlank(), what);
        }
    }

    /** Checks every op of a step, in order, against the catalog after the step. */
    void verify(List<Op> ops, Catalog catalog) {
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (ops.subList(i + 1, ops.size()).stream().noneMatch(later -> supersedes(later, op))) {
                verify(op, catalog);
            }
        }
    }

    /** Whether a later op of the same step changes what an earlier one made, so only the later one shows. */
    private boolean supersedes(Op later, Op earlier) {
        if (earlier instanceof RenameTable rename && later instanceof CreateTable create && create.table().equals(rename.table())) {
            return true;
        }
        TableName table = earlier instanceof CreateTable c ? c.table() : earlier instanceof AddColumn a ? a.table() : null;
        if (table != null) {
            String column = earlier instanceof AddColumn a ? a.column().name() : null;
            return later instanceof AlterColumn a && a.table().equals(table) && (column == null || a.column().equals(column))
                    || later instanceof DropColumn d && d.table().equals(table) && (column == null || d.column().equals(column))
                    || later instanceof RenameColumn r && r.table().equals(table) && (column == null || r.from().equals(column))
                    || later instanceof RenameTable t && t.table().equals(table)
                    || later instanceof DropTable dt && dt.table().equals(table);
        }
        if (earlier instanceof DropConstraint drop && later instanceof AddConstraint add && add.table().equals(drop.table())) {
            String dropped = drop.name() != null ? drop.name() : expectedName(drop.definition(), drop.table());
            return dropped != null ? dropped.equals(expectedName(add.constraint(), add.table()))
                    : add.constraint().getClass() == drop.definition().getClass();
        }
        return false;
    }

    void verify(Op op, Catalog catalog) {
        String what = op.describe() + " on " + kind;
        if (op instanceof CreateTable create) {
            verifyTable(create, table(catalog, create.table(), what), what);
        } else if (op instanceof DropTable drop) {
            assertTrue(catalog.table(drop.table().name()).isEmpty(), what);
        } else if (op instanceof RenameTable rename) {
            assertTrue(catalog.table(rename.table().name()).isEmpty(), what + ": old name gone");
            assertTrue(catalog.table(rename.newName()).isPresent(), what + ": new name there");
        } else if (op instanceof SetTableComment comment) {
            if (kind == Kind.POSTGRESQL) {
                assertEquals(comment.comment().to(), table(catalog, comment.table(), what).comment(), what);
            }
        } else if (op instanceof AddColumn add) {
            TableInfo table = table(catalog, add.table(), what);
            verifyColumn(add.column(), column(table, add.column().name(), what), what, false);
            verifyColumnConstraints(table, add.table(), add.column(), what);
        } else if (op instanceof DropColumn drop) {
            assertTrue(table(catalog, drop.table(), what).column(drop.column()).isEmpty(), what);
        } else if (op instanceof RenameColumn rename) {
            TableInfo table = table(catalog, rename.table(), what);
            assertTrue(table.column(rename.from()).isEmpty(), what + ": old name gone");
            assertTrue(table.column(rename.to()).isPresent(), what + ": new name there");
        } else if (op instanceof AlterColumn alter) {
            TableInfo table = table(catalog, alter.table(), what);
            verifyAlter(alter, column(table, alter.column(), what), what);
            if (alter.type() != null && alter.type().to() instanceof StringEnumType) {
                verifyEnumCheck(table, alter.table(), alter.type().to(), what);
            }
        } else if (op instanceof CreateIndex index) {
            verifyIndex(index, table(catalog, index.table(), what), what);
        } else if (op instanceof DropIndex drop) {
            String name = drop.name() != null ? drop.name() : indexName(drop.definition());
            List<TableInfo> tables = drop.table() == null ? catalog.tables() : List.of(table(catalog, drop.table(), what));
            assertTrue(tables.stream().allMatch(t -> t.index(name).isEmpty()), what);
        } else if (op instanceof AddConstraint add) {
            verifyConstraint(add.constraint(), table(catalog, add.table(), what), add.table(), what);
        } else if (op instanceof DropConstraint drop) {
            TableInfo table = table(catalog, drop.table(), what);
            if (drop.name() != null) {
                assertFalse(constraintNames(table).contains(drop.name()), what);
            } else {
                assertFalse(present(drop.definition(), table, drop.table()), what + ": still in " + constraintNames(table));
            }
        } else if (op instanceof CreateEnum create) {
            if (kind == Kind.POSTGRESQL) {
                assertEquals(create.type().values(), catalog.enumType(create.type().name().name()).orElseThrow().values(), what);
            }
        } else if (op instanceof DropEnum drop) {
            assertTrue(catalog.enumType(drop.name().name()).isEmpty(), what);
        } else if (op instanceof AddEnumValue add) {
            if (kind == Kind.POSTGRESQL) {
                List<String> values = catalog.enumType(add.type().name()).orElseThrow().values();
                assertTrue(values.contains(add.value()), what);
                if (add.before() != null) {
                    assertEquals(values.indexOf(add.before()) - 1, values.indexOf(add.value()), what);
                }
                if (add.after() != null) {
                    assertEquals(values.indexOf(add.after()) + 1, values.indexOf(add.value()), what);
                }
            }
        } else if (op instanceof CreateSequence create) {
            assertTrue(catalog.sequences().contains(create.name().name()), what);
        } else if (op instanceof DropSequence drop) {
            assertFalse(catalog.sequences().contains(drop.name().name()), what);
        } else if (op instanceof CreateView view) {
            assertTrue(catalog.view(view.name().name()).isPresent(), what);
        } else if (op instanceof DropView drop) {
            assertTrue(catalog.view(drop.name().name()).isEmpty(), what);
        } else if (op instanceof BatchAlterTable batch) {
            verify(batch.ops(), catalog);
        } else if (op instanceof OnlyOn only) {
            if (only.appliesTo(kind.dialect())) {
                verify(only.ops(), catalog);
            }
        }
        // Data ops (execute, bulkInsert, run) are checked by their cases, on the rows.
    }

    private void verifyTable(CreateTable create, TableInfo table, String what) {
        assertEquals(create.columns().stream().map(ColumnDef::name).toList(), table.columnNames(), what + ": columns in order");
        for (ColumnDef column : create.columns()) {
            boolean rowid = kind == Kind.SQLITE && create.primaryKey().equals(List.of(column.name()))
                    && column.type().isInteger();
            verifyColumn(column, column(table, column.name(), what), what, rowid);
            verifyEnumCheck(table, create.table(), column.type(), what);
        }
        for (Constraint c : create.allConstraints()) {
            boolean identityKey = c instanceof Constraint.PrimaryKey pk && pk.columns().size() == 1
                    && create.column(pk.columns().get(0)).identity();
            verifyConstraint(c, table, create.table(), what, identityKey);
        }
        if (kind == Kind.POSTGRESQL) {
            assertEquals(create.comment(), table.comment(), what + ": table comment");
        }
    }

    /**
     * @param rowid whether the column is SQLite's INTEGER PRIMARY KEY, which SQLite numbers
     *     (an alias of the rowid) whether or not the migration asked for identity or serial; it is
     *     declared INTEGER whatever its integer type, as only that name makes the alias. It reads
     *     as an identity only with AUTOINCREMENT, which identity() asks for and serial() does not.
     */
    private void verifyColumn(ColumnDef column, ColumnInfo info, String what, boolean rowid) {
        String where = what + ": column " + column.name();
        assertEquals(rowid ? "INTEGER" : nativeType(column.type()), info.type(), where + " type");
        assertEquals(column.nullable() && !column.primaryKey(), info.nullable(), where + " nullable");
        boolean serial = column.serverDefault() instanceof ServerDefault.Serial;
        // MySQL numbers a serial column as it numbers an identity: AUTO_INCREMENT, no default.
        assertEquals(column.identity() || serial && kind == Kind.MARIADB, info.identity(), where + " identity");
        if (serial && kind != Kind.POSTGRESQL) {
            assertNull(info.defaultValue(), where + ": the rowid numbers it, with no default");
        } else if (!column.identity()) {
            assertDefault(column.serverDefault(), info.defaultValue(), where + " default");
        }
        if (kind != Kind.SQLITE) {
            assertEquals(column.comment(), info.comment(), where + " comment");
        }
    }

    /** A non-native enum's CHECK, named as SQLAlchemy names it, on both databases. */
    private void verifyEnumCheck(TableInfo table, TableName name, SqlType type, String what) {
        if (type instanceof StringEnumType e) {
            String check = naming.enumCheckName(name, e.name());
            assertTrue(table.checks().stream().anyMatch(k -> check.equals(k.name())), what + ": enum check " + check + " in "
                    + table.checks());
        }
    }

    private void verifyColumnConstraints(TableInfo table, TableName name, ColumnDef column, String what) {
        verifyEnumCheck(table, name, column.type(), what);
        if (column.unique()) {
            verifyConstraint(new Constraint.Unique(null, List.of(column.name())), table, name, what);
        }
        if (column.references() != null) {
            verifyConstraint(column.references().asConstraint(column.name()), table, name, what);
        }
    }

    private void verifyAlter(AlterColumn alter, ColumnInfo info, String what) {
        if (alter.type() != null) {
            // The rowid key stays INTEGER, whatever integer type it is given.
            boolean rowid = kind == Kind.SQLITE && "INTEGER".equals(info.type()) && alter.type().to().isInteger();
            assertEquals(rowid ? "INTEGER" : nativeType(alter.type().to()), info.type(), what + ": type");
        }
        if (alter.nullable() != null) {
            assertEquals(alter.nullable().to(), info.nullable(), what + ": nullable");
        }
        if (alter.serverDefault() != null) {
            assertDefault(alter.serverDefault().to(), info.defaultValue(), what + ": default");
            if (alter.serverDefault().to() == null && kind == Kind.POSTGRESQL) {
                assertFalse(info.identity(), what + ": no longer an identity");
            }
        }
        if (alter.comment() != null && kind == Kind.POSTGRESQL) {
            assertEquals(alter.comment().to(), info.comment(), what + ": comment");
        }
    }

    private void verifyIndex(CreateIndex index, TableInfo table, String what) {
        String name = indexName(index);
        if (index.unique() && kind == Kind.MARIADB) {
            // MySQL keeps a unique constraint as a unique index: the catalog reads both as constraints.
            assertTrue(table.uniques().stream().anyMatch(u -> u.name().equals(name)), what + ": unique " + name);
            return;
        }
        TableInfo.IndexInfo info = table.index(name).orElseThrow(() -> new AssertionError(what + ": no index " + name
                + " in " + table.indexes()));
        assertEquals(index.unique(), info.unique(), what + ": unique");
        assertEquals(index.parts().size(), info.parts().size(), what + ": parts " + info.parts());
        for (int i = 0; i < index.parts().size(); i++) {
            IndexPart part = index.parts().get(i);
            String actual = info.parts().get(i);
            String expected = part.isColumn() ? part.column() : part.expression();
            expected += part.descending() ? " DESC" : "";
            assertEquals(squash(expected), squash(actual), what + ": part " + i);
        }
        assertEquals(index.where() != null, info.where() != null, what + ": partial");
    }

    private String indexName(CreateIndex index) {
        return index.name() != null ? index.name() : naming.indexName(index.table(), index.columnsForName());
    }

    private void verifyConstraint(Constraint c, TableInfo table, TableName name, String what) {
        verifyConstraint(c, table, name, what, false);
    }

    /**
     * On SQLite an identity key is the column's own {@code PRIMARY KEY AUTOINCREMENT}, which has
     * no name; everything else carries the convention's name on both databases, or, where the
     * convention leaves it to the database, PostgreSQL's own name and none on SQLite.
     */
    private void verifyConstraint(Constraint c, TableInfo table, TableName tableName, String what, boolean identityKey) {
        String name = expectedName(c, tableName);
        // MySQL names every primary key PRIMARY.
        boolean named = !(identityKey && kind == Kind.SQLITE) && !(c instanceof Constraint.PrimaryKey && kind == Kind.MARIADB);
        if (c instanceof Constraint.PrimaryKey pk) {
            assertNotNull(table.primaryKey(), what + ": primary key");
            assertEquals(pk.columns(), table.primaryKey().columns(), what + ": primary key columns");
            if (named) {
                assertTrue(sameName(name, table.primaryKey().name()), what + ": primary key name "
                        + table.primaryKey().name() + ", expected " + name);
            }
        } else if (c instanceof Constraint.Unique uq) {
            assertTrue(table.uniques().stream().anyMatch(u -> sameName(name, u.name()) && u.columns().equals(uq.columns())),
                    what + ": unique " + name + " " + uq.columns() + " in " + table.uniques());
        } else if (c instanceof Constraint.Check ck) {
            var check = table.checks().stream().filter(k -> checkNamed(name, tableName, k.name())).findFirst()
                    .orElseThrow(() -> new AssertionError(what + ": no check " + name + " in " + table.checks()));
            assertFalse(check.expression().isBlank(), what);
        } else {
            var fk = (Constraint.ForeignKey) c;
            var info = table.foreignKeys().stream().filter(k -> sameName(name, k.name())
                            && k.columns().equals(fk.columns())).findFirst()
                    .orElseThrow(() -> new AssertionError(what + ": no foreign key " + name + " in " + table.foreignKeys()));
            assertEquals(fk.columns(), info.columns(), what + ": fk columns");
            assertEquals(fk.referredTable().name(), info.referredTable(), what + ": fk table");
            assertEquals(fk.referredColumns(), info.referredColumns(), what + ": fk referred columns");
            assertEquals(action(fk.onDelete()), info.onDelete(), what + ": on delete");
            assertEquals(action(fk.onUpdate()), info.onUpdate(), what + ": on update");
            assertEquals(fk.deferrable() != null, info.deferrable(), what + ": deferrable");
            assertEquals(fk.deferrable() == Constraint.Deferrable.INITIALLY_DEFERRED, info.initiallyDeferred(),
                    what + ": initially deferred");
        }
    }

    /** The action as the catalog reads it: InnoDB's RESTRICT is NO ACTION, which it checks at once too. */
    private String action(dev.retort.schema.ReferentialAction action) {
        if (action == null || kind == Kind.MARIADB && action == dev.retort.schema.ReferentialAction.RESTRICT) {
            return "NO ACTION";
        }
        return action.sql();
    }

    /**
     * The name the catalog shows: the constraint's or the convention's, else the one PostgreSQL
     * gives ({@code t_pkey}, {@code t_a_b_key}, {@code t_a_fkey}; a check's, {@code t_a_check} or
     * {@code t_check}, is matched by {@link #checkNamed}), and none on SQLite. Written out here,
     * apart from the renderer's own copy of PostgreSQL's rule, so the two check each other.
     */
    String expectedName(Constraint c, TableName table) {
        String name = naming.name(c, table);
        if (name != null || kind == Kind.SQLITE || c instanceof Constraint.Check) {
            return name;
        }
        String t = table.name();
        if (kind == Kind.MARIADB) {
            // MySQL's own: PRIMARY, the first column's name for a unique key, t_ibfk_<n> for a foreign key.
            return c instanceof Constraint.PrimaryKey ? null : c instanceof Constraint.Unique u ? u.columns().get(0)
                    : t + "_ibfk_1";
        }
        return c instanceof Constraint.PrimaryKey ? t + "_pkey"
                : c instanceof Constraint.Unique u ? t + "_" + String.join("_", u.columns()) + "_key"
                : t + "_" + String.join("_", c.columns()) + "_fkey";
    }

    /**
     * The expected name, or, where PostgreSQL chose it, that name with the number PostgreSQL adds
     * when the name is taken in the schema ({@code child_pkey1} beside a renamed table's {@code child_pkey}).
     */
    private boolean sameName(String expected, String actual) {
        if (java.util.Objects.equals(expected, actual)) {
            return true;
        }
        boolean chosenByDatabase = naming.primaryKey() == null || naming.unique() == null || naming.foreignKey() == null;
        String stem = kind == Kind.MARIADB && expected != null && expected.endsWith("_ibfk_1")
                ? expected.substring(0, expected.length() - 1) : expected;
        return chosenByDatabase && stem != null && actual != null && actual.startsWith(stem)
                && actual.substring(stem.length()).matches("[0-9]+");
    }

    private boolean checkNamed(String expected, TableName table, String actual) {
        if (expected == null && kind == Kind.MARIADB) {
            return actual != null && actual.startsWith("CONSTRAINT_"); // MySQL's own: CONSTRAINT_<n>
        }
        if (expected != null || kind == Kind.SQLITE) {
            return java.util.Objects.equals(expected, actual);
        }
        return actual != null && actual.startsWith(table.name() + "_") && actual.matches(".*_check[0-9]*");
    }

    /** Whether the table has a constraint like this one: its name where it has one, else its columns or expression. */
    private boolean present(Constraint c, TableInfo table, TableName tableName) {
        String name = expectedName(c, tableName);
        if (c instanceof Constraint.PrimaryKey pk) {
            return table.primaryKey() != null && table.primaryKey().columns().equals(pk.columns());
        }
        if (c instanceof Constraint.Unique uq) {
            return table.uniques().stream().anyMatch(u -> u.columns().equals(uq.columns())
                    && (name == null || name.equals(u.name())));
        }
        if (c instanceof Constraint.ForeignKey fk) {
            return table.foreignKeys().stream().anyMatch(f -> f.columns().equals(fk.columns())
                    && (name == null || name.equals(f.name())));
        }
        String expression = squash(((Constraint.Check) c).expression());
        return table.checks().stream().anyMatch(k -> name != null ? name.equals(k.name()) : squash(k.expression())
                .equals(expression));
    }

    static List<String> constraintNames(TableInfo table) {
        var names = new java.util.ArrayList<String>();
        if (table.primaryKey() != null) {
            names.add(table.primaryKey().name());
        }
        table.uniques().forEach(u -> names.add(u.name()));
        table.checks().forEach(c -> names.add(c.name()));
        table.foreignKeys().forEach(f -> names.add(f.name()));
        return names;
    }

    private static TableInfo table(Catalog catalog, TableName name, String what) {
        return catalog.table(name.name()).orElseThrow(() -> new AssertionError(what + ": no table " + name));
    }

    private static ColumnInfo column(TableInfo table, String name, String what) {
        return table.column(name).orElseGet(() -> fail(what + ": no column " + name + " in " + table.columnNames()));
    }

    /** Expressions compare without spaces, quotes, casts or case, as each database reprints them its own way. */
    private static String squash(String sql) {
        return sql.replaceAll("::\\w+", "").replaceAll("[\\s\"()]", "").toLowerCase(Locale.ROOT);
    }
}
