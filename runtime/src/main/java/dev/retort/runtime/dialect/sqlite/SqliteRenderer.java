package dev.retort.runtime.dialect.sqlite;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.AddColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.Execute;
import dev.retort.op.OpVisitor;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.runtime.dialect.ConstraintNames;
import dev.retort.schema.BasicType;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.ForeignKeyRef;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.VarcharType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders ops for SQLite. Written here rather than through jOOQ because jOOQ, measured against
 * SQLite 3.47, quotes only the names it thinks need it (and misses keywords such as
 * {@code returning}), renders {@code INTEGER} as {@code int} (which is no rowid alias) and
 * {@code BIGINT} as {@code int8}, and renders ALTERs SQLite rejects without complaint.
 */
final class SqliteRenderer implements OpVisitor<List<String>> {

    private final SqliteDialect dialect;

    SqliteRenderer(SqliteDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<String> createTable(CreateTable op) {
        List<ColumnDef> primaryKey = op.primaryKey();
        var parts = new ArrayList<String>();
        for (ColumnDef column : op.columns()) {
            if (column.identity() && (!column.primaryKey() || primaryKey.size() != 1)) {
                throw unsupported(op.describe() + ": SQLite numbers rows only through the table's single-column"
                        + " primary key; declare identity column " + column.name() + " as .primaryKey().identity()");
            }
            parts.add(column(column, true));
        }
        boolean inlineKey = primaryKey.size() == 1 && primaryKey.get(0).identity();
        if (!primaryKey.isEmpty() && !inlineKey) {
            parts.add("CONSTRAINT " + q(ConstraintNames.primaryKey(op.table().name())) + " PRIMARY KEY ("
                    + primaryKey.stream().map(c -> q(c.name())).collect(Collectors.joining(", ")) + ")");
        }
        for (ColumnDef column : op.columns()) {
            if (column.unique()) {
                parts.add("CONSTRAINT " + q(ConstraintNames.unique(op.table().name(), column.name())) + " UNIQUE ("
                        + q(column.name()) + ")");
            }
        }
        for (ColumnDef column : op.columns()) {
            if (column.references() != null) {
                ForeignKeyRef ref = column.references();
                parts.add("CONSTRAINT " + q(ConstraintNames.foreignKey(op.table().name(), column.name(), ref.table().name()))
                        + " FOREIGN KEY (" + q(column.name()) + ") " + references(ref));
            }
        }
        return List.of("CREATE TABLE " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + dialect.qualify(op.table())
                + " (" + String.join(", ", parts) + ")");
    }

    @Override
    public List<String> dropTable(DropTable op) {
        return List.of("DROP TABLE " + dialect.qualify(op.table()));
    }

    /**
     * SQLite's ADD COLUMN cannot add a primary-key or UNIQUE column; a column-level REFERENCES
     * is allowed, so a foreign key is written inline (and has no name on SQLite).
     */
    @Override
    public List<String> addColumn(AddColumn op) {
        ColumnDef column = op.column();
        if (column.primaryKey() || column.unique() || column.identity()) {
            throw unsupported(op.describe() + ": SQLite cannot ADD COLUMN with PRIMARY KEY, UNIQUE or identity;"
                    + " add the plain column and then createUniqueIndex(...) on it");
        }
        String sql = "ALTER TABLE " + dialect.qualify(op.table()) + " ADD COLUMN " + column(column, false);
        if (column.references() != null) {
            sql += " " + references(column.references());
        }
        return List.of(sql);
    }

    @Override
    public List<String> dropColumn(DropColumn op) {
        return List.of("ALTER TABLE " + dialect.qualify(op.table()) + " DROP COLUMN " + q(op.column()));
    }

    @Override
    public List<String> renameColumn(RenameColumn op) {
        return List.of("ALTER TABLE " + dialect.qualify(op.table()) + " RENAME COLUMN " + q(op.from()) + " TO " + q(op.to()));
    }

    @Override
    public List<String> renameTable(RenameTable op) {
        return List.of("ALTER TABLE " + dialect.qualify(op.table()) + " RENAME TO " + q(op.newName()));
    }

    /** In SQLite the index's schema prefixes the index name; the table is named bare. */
    @Override
    public List<String> createIndex(CreateIndex op) {
        return List.of("CREATE " + (op.unique() ? "UNIQUE " : "") + "INDEX " + dialect.qualify(op.table().withName(op.name()))
                + " ON " + q(op.table().name()) + " ("
                + op.columns().stream().map(this::q).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public List<String> dropIndex(DropIndex op) {
        return List.of("DROP INDEX " + dialect.qualify(op.table().withName(op.name())));
    }

    @Override
    public List<String> execute(Execute op) {
        return List.of(op.sql());
    }

    /** A column definition; the primary key is declared at table level except for identity. */
    private String column(ColumnDef column, boolean inTable) {
        var sql = new StringBuilder(q(column.name())).append(' ').append(type(column.type()));
        if (inTable && column.identity()) {
            return sql.append(" PRIMARY KEY AUTOINCREMENT").toString();
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(defaultValue(column.serverDefault()));
        }
        return sql.toString();
    }

    private String references(ForeignKeyRef ref) {
        var sql = new StringBuilder("REFERENCES ").append(q(ref.table().name())).append(" (").append(q(ref.column())).append(')');
        if (ref.onDelete() != null) {
            sql.append(" ON DELETE ").append(ref.onDelete().sql());
        }
        if (ref.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(ref.onUpdate().sql());
        }
        return sql.toString();
    }

    /** SQLite's natural types: its storage classes, with the declared name kept where it carries meaning. */
    static String type(SqlType type) {
        return type.accept(new SqlType.Visitor<>() {
            @Override
            public String basic(BasicType t) {
                return switch (t) {
                    case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "INTEGER";
                    case TEXT, DATE, TIMESTAMP, TIMESTAMP_TZ, UUID, JSON -> "TEXT";
                    case REAL, DOUBLE -> "REAL";
                    case BLOB -> "BLOB";
                };
            }

            @Override
            public String varchar(VarcharType t) {
                return "VARCHAR(" + t.length() + ")";
            }

            @Override
            public String numeric(NumericType t) {
                return "NUMERIC(" + t.precision() + ", " + t.scale() + ")";
            }
        });
    }

    private String defaultValue(ServerDefault value) {
        return value.accept(new ServerDefault.Visitor<>() {
            @Override
            public String literal(Object v) {
                if (v instanceof String s) {
                    return dialect.literal(s);
                }
                if (v instanceof Boolean b) {
                    return b ? "1" : "0";
                }
                if (v instanceof BigDecimal d) {
                    return d.toPlainString();
                }
                return v.toString();
            }

            @Override
            public String now() {
                return "CURRENT_TIMESTAMP";
            }

            /** SQLite takes an expression default only in parentheses. */
            @Override
            public String expression(String sql) {
                return "(" + sql + ")";
            }
        });
    }

    private String q(String name) {
        return dialect.quote(name);
    }

    private static RetortException unsupported(String message) {
        return new RetortException(ErrorCode.UNSUPPORTED_OP, message);
    }
}
