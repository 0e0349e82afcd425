package dev.retort.runtime.dialect.postgres;

import static org.jooq.impl.DSL.field;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.BatchAlterTable;
import dev.retort.op.BulkInsert;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateView;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnum;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropView;
import dev.retort.op.Execute;
import dev.retort.op.IndexPart;
import dev.retort.op.OnlyOn;
import dev.retort.op.OpVisitor;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.RunJdbc;
import dev.retort.op.SetTableComment;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Literals;
import dev.retort.runtime.dialect.DeclaredConstraints;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.TableElement;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;

/**
 * Renders ops for PostgreSQL. jOOQ renders the statements it renders right (measured against
 * PostgreSQL 15): tables, columns, constraints, indexes, comments, enums, sequences, views, with
 * every name quoted; types are Retort's own names, handed to jOOQ verbatim. Retort writes what
 * jOOQ does not have or gets wrong: {@code DEFERRABLE} foreign keys, {@code CREATE INDEX
 * CONCURRENTLY}, {@code ALTER … TYPE … USING}, and {@code DROP INDEX} of a schema-qualified index
 * (jOOQ drops the schema).
 */
final class PostgresRenderer implements OpVisitor<List<Action>> {

    static {
        // jOOQ prints a banner and a tip of the day on first use unless told not to.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final PostgresDialect dialect;
    private final PostgresTypes types;
    private final RenderContext context;
    private final PostgresConstraints constraints;
    /** Made on the first op that needs jOOQ: raw SQL and data ops load none of its classes. */
    private DSLContext ctx;

    PostgresRenderer(PostgresDialect dialect, RenderContext context) {
        this.dialect = dialect;
        this.types = new PostgresTypes(dialect);
        this.context = context;
        this.constraints = new PostgresConstraints(dialect, context);
    }

    private DSLContext ctx() {
        if (ctx == null) {
            ctx = DSL.using(SQLDialect.POSTGRES, new Settings()
                    .withRenderFormatted(false)
                    .withRenderKeywordCase(RenderKeywordCase.UPPER)
                    // Expressions (defaults, checks, index expressions) are SQL written by the migration
                    // author; jOOQ must not read "?" or "{0}" in them as placeholders.
                    .withRenderPlainSQLTemplatesAsRaw(true));
        }
        return ctx;
    }

    // ---- tables ----

    @Override
    public List<Action> createTable(CreateTable op) {
        CreateTableElementListStep create = op.ifNotExists() ? ctx().createTableIfNotExists(name(op.table()))
                : ctx().createTable(name(op.table()));
        for (ColumnDef column : op.columns()) {
            create = create.column(field(name(column.name()), dataType(column)));
        }
        var inline = new ArrayList<org.jooq.Constraint>();
        var deferred = new ArrayList<Constraint>();
        for (Constraint c : constraints.withEnumChecks(op.table(), op.allConstraints(), op.columns())) {
            if (c instanceof Constraint.ForeignKey fk && fk.deferrable() != null) {
                deferred.add(c);
            } else {
                inline.add(constraints.constraint(op.table(), c));
            }
        }
        var statements = new ArrayList<String>();
        statements.add(render(inline.isEmpty() ? create : create.constraints(inline)));
        deferred.forEach(c -> statements.add(constraints.addConstraintSql(op.table(), c)));
        if (op.comment() != null) {
            statements.add(render(ctx().commentOnTable(name(op.table())).is(op.comment())));
        }
        for (ColumnDef column : op.columns()) {
            if (column.comment() != null) {
                statements.add(render(ctx().commentOnColumn(columnName(op.table(), column.name())).is(column.comment())));
            }
        }
        return sql(statements);
    }

    @Override
    public List<Action> dropTable(DropTable op) {
        var drop = op.ifExists() ? ctx().dropTableIfExists(name(op.table())) : ctx().dropTable(name(op.table()));
        return sql(render(op.cascade() ? drop.cascade() : drop));
    }

    @Override
    public List<Action> renameTable(RenameTable op) {
        return sql(render(ctx().alterTable(name(op.table())).renameTo(name(op.newName()))));
    }

    @Override
    public List<Action> setTableComment(SetTableComment op) {
        String comment = op.comment().to();
        return sql("COMMENT ON TABLE " + dialect.qualify(op.table()) + " IS "
                + (comment == null ? "NULL" : dialect.literal(comment)));
    }

    // ---- columns ----

    @Override
    public List<Action> addColumn(AddColumn op) {
        ColumnDef column = op.column();
        var elements = new ArrayList<TableElement>();
        elements.add(field(name(column.name()), dataType(column)));
        var deferred = new ArrayList<Constraint>();
        List<Constraint> declared = DeclaredConstraints.ofColumn(column);
        for (Constraint c : constraints.withEnumChecks(op.table(), declared, List.of(column))) {
            if (c instanceof Constraint.ForeignKey fk && fk.deferrable() != null) {
                deferred.add(c);
            } else {
                elements.add(constraints.constraint(op.table(), c));
            }
        }
        var statements = new ArrayList<String>();
        statements.add(render(ctx().alterTable(name(op.table())).add(elements)));
        deferred.forEach(c -> statements.add(constraints.addConstraintSql(op.table(), c)));
        if (column.comment() != null) {
            statements.add(render(ctx().commentOnColumn(columnName(op.table(), column.name())).is(column.comment())));
        }
        return sql(statements);
    }

    @Override
    public List<Action> dropColumn(DropColumn op) {
        return sql(render(ctx().alterTable(name(op.table())).dropColumn(name(op.column()))));
    }

    @Override
    public List<Action> renameColumn(RenameColumn op) {
        return sql(render(ctx().alterTable(name(op.table())).renameColumn(name(op.from())).to(name(op.to()))));
    }

    /**
     * One statement per aspect, in a stable order: type, nullability, default, comment. When the
     * type and the default change together the old default goes first: PostgreSQL refuses a type
     * its current default cannot be cast to.
     */
    @Override
    public List<Action> alterColumn(AlterColumn op) {
        String table = "ALTER TABLE " + dialect.qualify(op.table()) + " ALTER COLUMN " + dialect.quote(op.column());
        var statements = new ArrayList<String>();
        if (op.type() != null && op.type().from() instanceof StringEnumType was) {
            statements.add("ALTER TABLE " + dialect.qualify(op.table()) + " DROP CONSTRAINT IF EXISTS "
                    + dialect.quote(context.naming().enumCheckName(op.table(), was.name())));
        }
        // An identity column holds integers only: one that becomes anything else stops being one.
        // IF EXISTS makes it a no-op on other columns, so no catalog is read (offline SQL too);
        // a column the op says was no integer is none.
        if (op.type() != null && !op.type().to().isInteger()
                && !(op.type().fromGiven() && op.type().from() != null && !op.type().from().isInteger())) {
            statements.add(table + " DROP IDENTITY IF EXISTS");
        }
        boolean defaultFirst = op.type() != null && op.serverDefault() != null;
        if (defaultFirst) {
            statements.add(table + " DROP DEFAULT");
        }
        if (op.type() != null) {
            statements.add(table + " TYPE " + types.type(op.type().to()) + (op.using() == null ? "" : " USING " + op.using()));
        }
        if (op.type() != null && op.type().to() instanceof StringEnumType now) {
            statements.add(constraints.addConstraintSql(op.table(), constraints.enumCheck(op.table(), op.column(), now)));
        }
        if (op.nullable() != null) {
            statements.add(table + (op.nullable().to() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        if (op.serverDefault() != null && op.serverDefault().to() == null && !defaultFirst) {
            // An identity column's numbering is no default to PostgreSQL (DROP DEFAULT fails on one):
            // drop the identity, if it may be one (a column with a default is none), then the default.
            if (!(op.serverDefault().fromGiven() && op.serverDefault().from() != null)) {
                statements.add(table + " DROP IDENTITY IF EXISTS");
            }
            statements.add(table + " DROP DEFAULT");
        } else if (op.serverDefault() != null && op.serverDefault().to() != null) {
            statements.add(table + " SET DEFAULT " + types.defaultValue(op.serverDefault().to()));
        }
        if (op.comment() != null) {
            String comment = op.comment().to();
            statements.add("COMMENT ON COLUMN " + dialect.qualify(op.table()) + "." + dialect.quote(op.column()) + " IS "
                    + (comment == null ? "NULL" : dialect.literal(comment)));
        }
        return sql(statements);
    }

    // ---- indexes ----

    @Override
    public List<Action> createIndex(CreateIndex op) {
        String name = indexName(op);
        String parts = op.parts().stream().map(this::indexPart).collect(Collectors.joining(", "));
        return sql("CREATE " + (op.unique() ? "UNIQUE " : "") + "INDEX " + (op.concurrently() ? "CONCURRENTLY " : "")
                + (op.ifNotExists() ? "IF NOT EXISTS " : "") + dialect.quote(name) + " ON " + dialect.qualify(op.table())
                + " (" + parts + ")" + (op.where() == null ? "" : " WHERE " + op.where()));
    }

    /** Written here: jOOQ renders {@code drop index "s"."ix"} as {@code drop index "ix"}, and has no CONCURRENTLY. */
    @Override
    public List<Action> dropIndex(DropIndex op) {
        String name = op.name() != null ? op.name() : indexName(op.definition());
        return sql("DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + (op.ifExists() ? "IF EXISTS " : "")
                + (op.table() == null ? dialect.quote(name) : dialect.qualify(op.table().withName(name))));
    }

    private String indexPart(IndexPart part) {
        String key = part.isColumn() ? dialect.quote(part.column()) : "(" + part.expression() + ")";
        return part.descending() ? key + " DESC" : key;
    }

    private String indexName(CreateIndex op) {
        return op.name() != null ? op.name() : context.naming().indexName(op.table(), op.columnsForName());
    }

    // ---- constraints ----

    @Override
    public List<Action> addConstraint(AddConstraint op) {
        Constraint c = op.constraint();
        if (c instanceof Constraint.ForeignKey fk && fk.deferrable() != null) {
            return sql(constraints.addConstraintSql(op.table(), c));
        }
        return sql(render(ctx().alterTable(name(op.table())).add(constraints.constraint(op.table(), c))));
    }

    @Override
    public List<Action> dropConstraint(DropConstraint op) {
        String name = op.name() != null ? op.name() : context.naming().name(op.definition(), op.table());
        if (name == null) {
            return List.of(new PostgresDropConstraint(dialect, op)); // PostgreSQL named it: found by what it is
        }
        var alter = ctx().alterTable(name(op.table()));
        return sql(render(op.ifExists() ? alter.dropConstraintIfExists(name(name)) : alter.dropConstraint(name(name))));
    }

    // ---- types, sequences, views, schemas ----

    @Override
    public List<Action> createEnum(CreateEnum op) {
        return sql(render(ctx().createType(name(op.type().name())).asEnum(op.type().values().toArray(String[]::new))));
    }

    @Override
    public List<Action> dropEnum(DropEnum op) {
        return sql(render(op.ifExists() ? ctx().dropTypeIfExists(name(op.name())) : ctx().dropType(name(op.name()))));
    }

    @Override
    public List<Action> addEnumValue(AddEnumValue op) {
        return sql("ALTER TYPE " + dialect.qualify(op.type()) + " ADD VALUE " + (op.ifNotExists() ? "IF NOT EXISTS " : "")
                + dialect.literal(op.value())
                + (op.before() != null ? " BEFORE " + dialect.literal(op.before()) : "")
                + (op.after() != null ? " AFTER " + dialect.literal(op.after()) : ""));
    }

    @Override
    public List<Action> createSequence(CreateSequence op) {
        var create = op.ifNotExists() ? ctx().createSequenceIfNotExists(name(op.name())) : ctx().createSequence(name(op.name()));
        org.jooq.CreateSequenceFlagsStep flags = create;
        if (op.start() != null) {
            flags = flags.startWith(op.start());
        }
        if (op.increment() != null) {
            flags = flags.incrementBy(op.increment());
        }
        return sql(render(flags));
    }

    @Override
    public List<Action> dropSequence(DropSequence op) {
        return sql(render(op.ifExists() ? ctx().dropSequenceIfExists(name(op.name())) : ctx().dropSequence(name(op.name()))));
    }

    @Override
    public List<Action> createView(CreateView op) {
        return sql("CREATE " + (op.orReplace() ? "OR REPLACE " : "") + "VIEW " + dialect.qualify(op.name()) + " AS " + op.query());
    }

    @Override
    public List<Action> dropView(DropView op) {
        return sql(render(op.ifExists() ? ctx().dropViewIfExists(name(op.name())) : ctx().dropView(name(op.name()))));
    }

    @Override
    public List<Action> createSchema(CreateSchema op) {
        return sql(render(op.ifNotExists() ? ctx().createSchemaIfNotExists(name(op.name())) : ctx().createSchema(name(op.name()))));
    }

    @Override
    public List<Action> dropSchema(DropSchema op) {
        var drop = op.ifExists() ? ctx().dropSchemaIfExists(name(op.name())) : ctx().dropSchema(name(op.name()));
        return sql(render(op.cascade() ? drop.cascade() : drop));
    }

    // ---- data ----

    @Override
    public List<Action> execute(Execute op) {
        return dialect.renderExecute(op);
    }

    @Override
    public List<Action> bulkInsert(BulkInsert op) {
        return List.of(Literals.rows(op, dialect, Literals.POSTGRESQL));
    }

    @Override
    public List<Action> runJdbc(RunJdbc op) {
        return dialect.renderRunJdbc(op);
    }

    @Override
    public List<Action> onlyOn(OnlyOn op) {
        return dialect.renderOnlyOn(op, this);
    }

    /** PostgreSQL alters in place: a batch is its ops, one after the other. */
    @Override
    public List<Action> batchAlterTable(BatchAlterTable op) {
        return dialect.renderInPlace(op, this);
    }

    // ---- helpers ----

    private DataType<?> dataType(ColumnDef column) {
        if (column.serverDefault() instanceof ServerDefault.Serial) {
            return DefaultDataType.getDefaultDataType(PostgresTypes.serial(column.type())).nullable(column.nullable());
        }
        DataType<Object> type = DefaultDataType.getDefaultDataType(types.type(column.type())).nullable(column.nullable());
        if (column.identity()) {
            if (!column.type().isInteger()) {
                throw new RetortException(ErrorCode.INVALID_OP, "identity column " + column.name() + " must be an integer");
            }
            return type.identity(true);
        }
        if (column.serverDefault() != null) {
            return type.defaultValue(field(types.defaultValue(column.serverDefault())));
        }
        return type;
    }

    private static Name[] names(List<String> columns) {
        return columns.stream().map(DSL::name).toArray(Name[]::new);
    }

    private static Name name(String name) {
        return DSL.name(name);
    }

    private static Name name(TableName table) {
        return table.schema() == null ? DSL.name(table.name()) : DSL.name(table.schema(), table.name());
    }

    private static Name columnName(TableName table, String column) {
        return table.schema() == null ? DSL.name(table.name(), column) : DSL.name(table.schema(), table.name(), column);
    }

    /** Inlined: a plain render leaves bind markers in DDL ({@code default ?}). */
    private String render(Query query) {
        return ctx().renderInlined(query);
    }

    private static List<Action> sql(String statement) {
        return List.of(new Action.Sql(statement));
    }

    private static List<Action> sql(List<String> statements) {
        return statements.stream().map(s -> (Action) new Action.Sql(s)).toList();
    }
}
