package dev.retort.runtime.dialect.sqlite;

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
import dev.retort.op.Op;
import dev.retort.op.OpVisitor;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.RunJdbc;
import dev.retort.op.SetTableComment;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Literals;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders ops for SQLite. Written here rather than through jOOQ because jOOQ, measured against
 * SQLite 3.47, quotes only the names it thinks need it (and misses keywords such as
 * {@code returning}), renders {@code INTEGER} as {@code int} (which is no rowid alias) and
 * {@code BIGINT} as {@code int8}, and renders ALTERs SQLite rejects without complaint.
 *
 * <p>What SQLite can do in place (ADD, RENAME and DROP COLUMN, indexes) becomes a statement; what
 * it cannot (ALTER COLUMN, constraints) becomes a table rebuild, a {@link SqliteBatch}, decided on
 * the table as it stands when the step runs.
 */
final class SqliteRenderer implements OpVisitor<List<Action>> {

    private final SqliteDialect dialect;
    private final SqliteTypes types;
    private final RenderContext context;
    private final SqliteDefinitions definitions;

    SqliteRenderer(SqliteDialect dialect, RenderContext context) {
        this.dialect = dialect;
        this.types = new SqliteTypes(dialect);
        this.context = context;
        this.definitions = new SqliteDefinitions(dialect, types, context);
    }

    // ---- tables ----

    @Override
    public List<Action> createTable(CreateTable op) {
        return sql(createTableSql(op, dialect.qualify(op.table())));
    }

    /** {@code CREATE TABLE} under any name: a rebuild creates the new table under a temporary one. */
    String createTableSql(CreateTable op, String qualifiedName) {
        List<String> key = op.primaryKey();
        var parts = new ArrayList<String>();
        for (ColumnDef column : op.columns()) {
            boolean rowidKey = SqliteDefinitions.isRowidKey(column, key);
            if ((column.identity() || column.serverDefault() instanceof ServerDefault.Serial) && !rowidKey) {
                throw unsupported(op.describe() + ": SQLite numbers rows only through the table's single-column"
                        + " integer primary key; declare " + column.name() + " as .primaryKey()."
                        + (column.identity() ? "identity()" : "serial()"));
            }
            parts.add(definitions.columnSql(column, rowidKey));
        }
        for (Constraint c : op.allConstraints()) {
            boolean identityKey = c instanceof Constraint.PrimaryKey && key.size() == 1 && op.column(key.get(0)).identity();
            if (!identityKey) {
                parts.add(definitions.constraintSql(op.table(), c));
            }
        }
        for (ColumnDef column : op.columns()) {
            Constraint.Check check = definitions.enumCheck(op.table(), column.name(), column.type());
            if (check != null) {
                parts.add(definitions.constraintSql(op.table(), check));
            }
        }
        return "CREATE TABLE " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + qualifiedName + " ("
                + String.join(", ", parts) + ")";
    }

    /** SQLite has no CASCADE: dependent views stay (and fail when used), as they would with DROP TABLE by hand. */
    @Override
    public List<Action> dropTable(DropTable op) {
        return sql("DROP TABLE " + (op.ifExists() ? "IF EXISTS " : "") + dialect.qualify(op.table()));
    }

    @Override
    public List<Action> renameTable(RenameTable op) {
        return sql("ALTER TABLE " + dialect.qualify(op.table()) + " RENAME TO " + q(op.newName()));
    }

    /** SQLite keeps no comments. */
    @Override
    public List<Action> setTableComment(SetTableComment op) {
        return List.of();
    }

    // ---- columns ----

    /**
     * ADD COLUMN when SQLite allows it: not a key, unique or identity column, and a constant
     * default (SQLite refuses CURRENT_TIMESTAMP and expressions on a table with rows); otherwise a
     * rebuild.
     */
    @Override
    public List<Action> addColumn(AddColumn op) {
        if (!natively(op)) {
            return rebuild(op.table(), op);
        }
        return sql(addColumnSql(op));
    }

    static boolean natively(AddColumn op) {
        ColumnDef c = op.column();
        return !c.primaryKey() && !c.unique() && !c.identity() && SqliteTypes.isConstant(c.serverDefault());
    }

    String addColumnSql(AddColumn op) {
        ColumnDef column = op.column();
        var sql = new StringBuilder("ALTER TABLE ").append(dialect.qualify(op.table())).append(" ADD COLUMN ")
                .append(definitions.columnSql(column, false));
        if (column.references() != null) {
            Constraint fk = column.references().asConstraint(column.name());
            sql.append(' ').append(definitions.constraintName(op.table(), fk)).append(definitions.referencesSql((Constraint.ForeignKey) fk));
        }
        Constraint.Check check = definitions.enumCheck(op.table(), column.name(), column.type());
        if (check != null) {
            sql.append(' ').append(definitions.constraintName(op.table(), check)).append("CHECK (").append(check.expression())
                    .append(')');
        }
        return sql.toString();
    }

    /** Native when the column is a plain one; otherwise a rebuild. Which, only the live table tells. */
    @Override
    public List<Action> dropColumn(DropColumn op) {
        return rebuild(op.table(), op);
    }

    @Override
    public List<Action> renameColumn(RenameColumn op) {
        return sql("ALTER TABLE " + dialect.qualify(op.table()) + " RENAME COLUMN " + q(op.from()) + " TO " + q(op.to()));
    }

    /** SQLite has no ALTER COLUMN: a rebuild, except for a comment, which SQLite does not keep. */
    @Override
    public List<Action> alterColumn(AlterColumn op) {
        if (op.type() == null && op.nullable() == null && op.serverDefault() == null) {
            return List.of();
        }
        return rebuild(op.table(), op);
    }

    // ---- indexes ----

    /** In SQLite the index's schema prefixes the index name; the table is named bare. CONCURRENTLY is PostgreSQL's. */
    @Override
    public List<Action> createIndex(CreateIndex op) {
        return sql(createIndexSql(op));
    }

    String createIndexSql(CreateIndex op) {
        return "CREATE " + (op.unique() ? "UNIQUE " : "") + "INDEX " + (op.ifNotExists() ? "IF NOT EXISTS " : "")
                + dialect.qualify(op.table().withName(indexName(op))) + " ON " + q(op.table().name()) + " ("
                + op.parts().stream().map(this::indexPart).collect(Collectors.joining(", ")) + ")"
                + (op.where() == null ? "" : " WHERE " + op.where());
    }

    String indexName(CreateIndex op) {
        return op.name() != null ? op.name() : context.naming().indexName(op.table(), op.columnsForName());
    }

    @Override
    public List<Action> dropIndex(DropIndex op) {
        String name = op.name() != null ? op.name() : indexName(op.definition());
        return sql("DROP INDEX " + (op.ifExists() ? "IF EXISTS " : "")
                + (op.table() == null ? q(name) : dialect.qualify(op.table().withName(name))));
    }

    private String indexPart(IndexPart part) {
        String key = part.isColumn() ? q(part.column()) : "(" + part.expression() + ")";
        return part.descending() ? key + " DESC" : key;
    }

    // ---- constraints: SQLite has no ADD or DROP CONSTRAINT ----

    @Override
    public List<Action> addConstraint(AddConstraint op) {
        return rebuild(op.table(), op);
    }

    @Override
    public List<Action> dropConstraint(DropConstraint op) {
        return rebuild(op.table(), op);
    }

    // ---- what SQLite does not have ----

    /** An enum column is TEXT with a CHECK on SQLite; the type itself does not exist. */
    @Override
    public List<Action> createEnum(CreateEnum op) {
        return List.of();
    }

    @Override
    public List<Action> dropEnum(DropEnum op) {
        return List.of();
    }

    @Override
    public List<Action> addEnumValue(AddEnumValue op) {
        return List.of();
    }

    @Override
    public List<Action> createSequence(CreateSequence op) {
        throw unsupported(op.describe() + ": SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or give"
                + " each dialect its own statement with execute(SqlText.only(\"postgresql\", ...))");
    }

    @Override
    public List<Action> dropSequence(DropSequence op) {
        throw unsupported(op.describe() + ": SQLite has no sequences");
    }

    @Override
    public List<Action> createSchema(CreateSchema op) {
        throw unsupported(op.describe() + ": SQLite has no schemas; attach another database file instead");
    }

    @Override
    public List<Action> dropSchema(DropSchema op) {
        throw unsupported(op.describe() + ": SQLite has no schemas");
    }

    // ---- views and data ----

    /** SQLite cannot replace a view: it drops and creates it. */
    @Override
    public List<Action> createView(CreateView op) {
        String create = "CREATE VIEW " + dialect.qualify(op.name()) + " AS " + op.query();
        if (op.orReplace()) {
            return sql(List.of("DROP VIEW IF EXISTS " + dialect.qualify(op.name()), create));
        }
        return sql(create);
    }

    @Override
    public List<Action> dropView(DropView op) {
        return sql("DROP VIEW " + (op.ifExists() ? "IF EXISTS " : "") + dialect.qualify(op.name()));
    }

    @Override
    public List<Action> execute(Execute op) {
        return dialect.renderExecute(op);
    }

    @Override
    public List<Action> bulkInsert(BulkInsert op) {
        return List.of(Literals.rows(op, dialect, Literals.SQLITE));
    }

    @Override
    public List<Action> runJdbc(RunJdbc op) {
        return dialect.renderRunJdbc(op);
    }

    @Override
    public List<Action> onlyOn(OnlyOn op) {
        return dialect.renderOnlyOn(op, this);
    }

    @Override
    public List<Action> batchAlterTable(BatchAlterTable op) {
        return List.of(new SqliteBatch(this, op.table(), op.recreate(), op.ops(), false));
    }

    // ---- shared pieces ----

    /** A change SQLite cannot make in place, outside a batch block: a rebuild of its own, unless the project forbids it. */
    private List<Action> rebuild(TableName table, Op op) {
        if (!context.sqliteAutoRebuild() && !(op instanceof DropColumn)) {
            throw unsupported(op.describe() + " needs a table rebuild on SQLite, and automatic rebuilds are off; put it in"
                    + " op.batchAlterTable(\"" + table.name() + "\", b -> ...)");
        }
        return List.of(new SqliteBatch(this, table, BatchAlterTable.Recreate.AUTO, List.of(op), true));
    }

    SqliteDefinitions definitions() {
        return definitions;
    }

    SqliteDialect dialect() {
        return dialect;
    }

    SqliteTypes types() {
        return types;
    }

    RenderContext context() {
        return context;
    }

    String q(String name) {
        return dialect.quote(name);
    }

    private static List<Action> sql(String statement) {
        return List.of(new Action.Sql(statement));
    }

    private static List<Action> sql(List<String> statements) {
        return statements.stream().map(s -> (Action) new Action.Sql(s)).toList();
    }

    static RetortException unsupported(String message) {
        return new RetortException(ErrorCode.UNSUPPORTED_OP, message);
    }
}
