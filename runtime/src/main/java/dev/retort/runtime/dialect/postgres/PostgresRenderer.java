package dev.retort.runtime.dialect.postgres;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

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
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import dev.retort.schema.VarcharType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders ops for PostgreSQL through jOOQ, which (measured against PostgreSQL 15) quotes every
 * name and renders these statements correctly. Two things are Retort's own: the type mapping
 * (JSON is {@code jsonb}, TIMESTAMP_TZ {@code timestamp with time zone}) and DROP INDEX, where
 * jOOQ drops the schema of a qualified index name.
 */
final class PostgresRenderer implements OpVisitor<List<String>> {

    static {
        // jOOQ prints a banner and a tip of the day on first use unless told not to.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final PostgresDialect dialect;
    private final DSLContext ctx = DSL.using(SQLDialect.POSTGRES, new Settings()
            .withRenderFormatted(false)
            .withRenderKeywordCase(RenderKeywordCase.UPPER)
            // Default expressions are SQL written by the migration author; jOOQ must not read
            // "?" or "{0}" in them as placeholders.
            .withRenderPlainSQLTemplatesAsRaw(true));

    PostgresRenderer(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<String> createTable(CreateTable op) {
        Name table = tableName(op.table());
        CreateTableElementListStep create = op.ifNotExists() ? ctx.createTableIfNotExists(table) : ctx.createTable(table);
        for (ColumnDef column : op.columns()) {
            create = create.column(field(name(column.name()), dataType(column)));
        }
        var constraints = new ArrayList<Constraint>();
        List<ColumnDef> primaryKey = op.primaryKey();
        if (!primaryKey.isEmpty()) {
            constraints.add(constraint(name(ConstraintNames.primaryKey(op.table().name())))
                    .primaryKey(primaryKey.stream().map(c -> name(c.name())).toArray(Name[]::new)));
        }
        for (ColumnDef column : op.columns()) {
            if (column.unique()) {
                constraints.add(constraint(name(ConstraintNames.unique(op.table().name(), column.name())))
                        .unique(name(column.name())));
            }
        }
        for (ColumnDef column : op.columns()) {
            if (column.references() != null) {
                constraints.add(foreignKey(op.table(), column));
            }
        }
        var statements = new ArrayList<String>();
        statements.add(render(constraints.isEmpty() ? create : create.constraints(constraints)));
        for (ColumnDef column : op.columns()) {
            if (column.comment() != null) {
                statements.add(render(ctx.commentOnColumn(name(table, name(column.name()))).is(column.comment())));
            }
        }
        return statements;
    }

    @Override
    public List<String> dropTable(DropTable op) {
        return List.of(render(ctx.dropTable(tableName(op.table()))));
    }

    @Override
    public List<String> addColumn(AddColumn op) {
        ColumnDef column = op.column();
        var statements = new ArrayList<String>();
        var constraints = new ArrayList<Constraint>();
        if (column.primaryKey()) {
            constraints.add(constraint(name(ConstraintNames.primaryKey(op.table().name()))).primaryKey(name(column.name())));
        }
        if (column.unique()) {
            constraints.add(constraint(name(ConstraintNames.unique(op.table().name(), column.name())))
                    .unique(name(column.name())));
        }
        if (column.references() != null) {
            constraints.add(foreignKey(op.table(), column));
        }
        Field<?> field = field(name(column.name()), dataType(column));
        var alter = ctx.alterTable(tableName(op.table()));
        statements.add(render(constraints.isEmpty() ? alter.add(field) : alter.add(withConstraints(field, constraints))));
        if (column.comment() != null) {
            statements.add(render(ctx.commentOnColumn(name(tableName(op.table()), name(column.name()))).is(column.comment())));
        }
        return statements;
    }

    private static List<org.jooq.TableElement> withConstraints(Field<?> field, List<Constraint> constraints) {
        var elements = new ArrayList<org.jooq.TableElement>();
        elements.add(field);
        elements.addAll(constraints);
        return elements;
    }

    @Override
    public List<String> dropColumn(DropColumn op) {
        return List.of(render(ctx.alterTable(tableName(op.table())).dropColumn(name(op.column()))));
    }

    @Override
    public List<String> renameColumn(RenameColumn op) {
        return List.of(render(ctx.alterTable(tableName(op.table())).renameColumn(name(op.from())).to(name(op.to()))));
    }

    @Override
    public List<String> renameTable(RenameTable op) {
        return List.of(render(ctx.alterTable(tableName(op.table())).renameTo(name(op.newName()))));
    }

    @Override
    public List<String> createIndex(CreateIndex op) {
        var index = op.unique() ? ctx.createUniqueIndex(name(op.name())) : ctx.createIndex(name(op.name()));
        return List.of(render(index.on(DSL.table(tableName(op.table())),
                op.columns().stream().map(c -> field(name(c))).toArray(Field[]::new))));
    }

    /** jOOQ renders {@code dropIndex(name("s", "ix"))} as {@code drop index "ix"}, losing the schema. */
    @Override
    public List<String> dropIndex(DropIndex op) {
        return List.of("DROP INDEX " + dialect.qualify(op.table().withName(op.name())));
    }

    @Override
    public List<String> execute(Execute op) {
        return List.of(op.sql());
    }

    private Constraint foreignKey(TableName table, ColumnDef column) {
        ForeignKeyRef ref = column.references();
        ConstraintForeignKeyOnStep fk = constraint(name(ConstraintNames.foreignKey(table.name(), column.name(),
                ref.table().name())))
                .foreignKey(name(column.name()))
                .references(tableName(ref.table()), name(ref.column()));
        if (ref.onDelete() != null) {
            fk = onDelete(fk, ref.onDelete());
        }
        if (ref.onUpdate() != null) {
            return onUpdate(fk, ref.onUpdate());
        }
        return fk;
    }

    private static ConstraintForeignKeyOnStep onDelete(ConstraintForeignKeyOnStep fk, ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> fk.onDeleteNoAction();
            case RESTRICT -> fk.onDeleteRestrict();
            case CASCADE -> fk.onDeleteCascade();
            case SET_NULL -> fk.onDeleteSetNull();
            case SET_DEFAULT -> fk.onDeleteSetDefault();
        };
    }

    private static Constraint onUpdate(ConstraintForeignKeyOnStep fk, ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> fk.onUpdateNoAction();
            case RESTRICT -> fk.onUpdateRestrict();
            case CASCADE -> fk.onUpdateCascade();
            case SET_NULL -> fk.onUpdateSetNull();
            case SET_DEFAULT -> fk.onUpdateSetDefault();
        };
    }

    private DataType<?> dataType(ColumnDef column) {
        DataType<?> type = baseType(column.type()).nullable(column.nullable());
        if (column.identity()) {
            return type.identity(true);
        }
        if (column.serverDefault() != null) {
            return withDefault(type, column.serverDefault());
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static <T> DataType<T> withDefault(DataType<T> type, ServerDefault value) {
        Field<?> field = value.accept(new ServerDefault.Visitor<Field<?>>() {
            @Override
            public Field<?> literal(Object v) {
                return v instanceof BigDecimal d ? inline(d) : inline(v);
            }

            @Override
            public Field<?> now() {
                return field("CURRENT_TIMESTAMP");
            }

            @Override
            public Field<?> expression(String sql) {
                return field(sql);
            }
        });
        return type.defaultValue((Field<T>) field);
    }

    /** PostgreSQL's natural types. */
    static DataType<?> baseType(SqlType type) {
        return type.accept(new SqlType.Visitor<DataType<?>>() {
            @Override
            public DataType<?> basic(BasicType t) {
                return switch (t) {
                    case SMALLINT -> SQLDataType.SMALLINT;
                    case INTEGER -> SQLDataType.INTEGER;
                    case BIGINT -> SQLDataType.BIGINT;
                    case TEXT -> SQLDataType.CLOB;
                    case BOOLEAN -> SQLDataType.BOOLEAN;
                    case DATE -> SQLDataType.DATE;
                    case TIMESTAMP -> SQLDataType.TIMESTAMP;
                    case TIMESTAMP_TZ -> SQLDataType.TIMESTAMPWITHTIMEZONE;
                    case REAL -> SQLDataType.REAL;
                    case DOUBLE -> SQLDataType.DOUBLE;
                    case UUID -> SQLDataType.UUID;
                    case JSON -> SQLDataType.JSONB;
                    case BLOB -> SQLDataType.BLOB;
                };
            }

            @Override
            public DataType<?> varchar(VarcharType t) {
                return SQLDataType.VARCHAR(t.length());
            }

            @Override
            public DataType<?> numeric(NumericType t) {
                return SQLDataType.NUMERIC(t.precision(), t.scale());
            }
        });
    }

    private static Name tableName(TableName table) {
        return table.schema() == null ? DSL.name(table.name()) : DSL.name(table.schema(), table.name());
    }

    /** Inlined: a plain render leaves bind markers in DDL ({@code default ?}). */
    private String render(Query query) {
        return ctx.renderInlined(query);
    }
}
