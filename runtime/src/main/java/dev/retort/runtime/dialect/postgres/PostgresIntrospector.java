package dev.retort.runtime.dialect.postgres;

import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableBuilder;
import dev.retort.runtime.introspect.TableInfo.CheckInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one schema from {@code pg_catalog}: a handful of queries for the whole schema, not one per
 * table, so 200 tables take about as long as 2.
 */
final class PostgresIntrospector {

    private final Connection connection;
    private final String schema;

    private PostgresIntrospector(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** The schema {@code schema}, or the connection's current schema when {@code null}. */
    static Catalog read(Connection connection, String schema) throws SQLException {
        String name = schema;
        if (name == null) {
            try (PreparedStatement s = connection.prepareStatement("SELECT current_schema()");
                    ResultSet r = s.executeQuery()) {
                r.next();
                name = r.getString(1);
            }
        }
        return new PostgresIntrospector(connection, name).read();
    }

    private Catalog read() throws SQLException {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        query("SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"
                + " ORDER BY c.relname", r -> tables.put(r.getString(1), new TableBuilder(r.getString(1), r.getString(2))));
        query("SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '', col_description(c.oid, a.attnum)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY c.relname, a.attnum", r -> tables.get(r.getString(1)).columns().add(new ColumnInfo(r.getString(2),
                        r.getString(3), !r.getBoolean(4), r.getString(5), r.getBoolean(6), r.getString(7))));
        query("SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid, true),"
                + " ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)"
                + "   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i),"
                + " f.relname,"
                + " ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i)"
                + "   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i),"
                + " k.confdeltype, k.confupdtype, k.condeferrable, k.condeferred"
                + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_class f ON f.oid = k.confrelid"
                + " WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'c', 'f') ORDER BY c.relname, k.conname", r -> {
                    TableBuilder table = tables.get(r.getString(1));
                    String name = r.getString(2);
                    List<String> columns = strings(r.getArray(5));
                    switch (r.getString(3)) {
                        case "p" -> table.primaryKey(new KeyInfo(name, columns));
                        case "u" -> table.uniques().add(new KeyInfo(name, columns));
                        case "c" -> table.checks().add(new CheckInfo(name, checkExpression(r.getString(4))));
                        default -> table.foreignKeys().add(new ForeignKeyInfo(name, columns, r.getString(6),
                                strings(r.getArray(7)), action(r.getString(8)), action(r.getString(9)), r.getBoolean(10),
                                r.getBoolean(11)));
                    }
                });
        query("SELECT c.relname, i.relname, x.indisunique,"
                + " ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)"
                + "   || CASE WHEN x.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END"
                + "   FROM generate_series(1, x.indnkeyatts) k ORDER BY k),"
                + " pg_get_expr(x.indpred, x.indrelid, true)"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
                + "   AND k.conrelid = x.indrelid) ORDER BY c.relname, i.relname",
                r -> {
                    TableBuilder table = tables.get(r.getString(1));
                    if (table != null) {
                        table.indexes().add(new IndexInfo(r.getString(2), r.getBoolean(3), strings(r.getArray(4)), r.getString(5)));
                    }
                });
        query("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal"
                + " ORDER BY c.relname, t.tgname", r -> {
                    TableBuilder table = tables.get(r.getString(1));
                    if (table != null) {
                        table.triggers().add(r.getString(2));
                    }
                });
        var views = new ArrayList<Catalog.ViewInfo>();
        query("SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('v', 'm') ORDER BY c.relname",
                r -> views.add(new Catalog.ViewInfo(r.getString(1), r.getString(2).strip())));
        var enums = new ArrayList<Catalog.EnumInfo>();
        query("SELECT t.typname, ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typtype = 'e'"
                + " ORDER BY t.typname", r -> enums.add(new Catalog.EnumInfo(r.getString(1), strings(r.getArray(2)))));
        var sequences = new ArrayList<String>();
        // Sequences behind identity and serial columns belong to their column, not to the schema's own list.
        // d.classid lets pg_depend's index serve the lookup: without it the whole table is read once per sequence.
        query("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                + "   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')"
                + "   AND d.refclassid = 'pg_class'::regclass)"
                + " ORDER BY c.relname", r -> sequences.add(r.getString(1)));
        return new Catalog(tables.values().stream().map(TableBuilder::build).toList(), views, enums, sequences);
    }

    /** {@code CHECK ((a > 0))} as {@code a > 0}: the expression the constraint was written with. */
    private static String checkExpression(String definition) {
        String body = definition.startsWith("CHECK ") ? definition.substring(6).strip() : definition;
        if (body.endsWith(" NOT VALID")) {
            body = body.substring(0, body.length() - 10);
        }
        while (body.startsWith("(") && body.endsWith(")") && balanced(body.substring(1, body.length() - 1))) {
            body = body.substring(1, body.length() - 1);
        }
        return body;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private void query(String sql, TableBuilder.RowReader reader) throws SQLException {
        TableBuilder.forEachRow(connection, sql, schema, reader);
    }
}
