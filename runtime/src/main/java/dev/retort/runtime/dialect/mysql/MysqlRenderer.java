package dev.retort.runtime.dialect.mysql;

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
import dev.retort.runtime.dialect.DeclaredConstraints;
import dev.retort.runtime.dialect.Literals;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders ops for MySQL and MariaDB, as Retort's own SQL. jOOQ's MariaDB output was measured
 * against MariaDB 10.11 (shared/notes/jooq.md): it spells three of Retort's types wrongly
 * ({@code timestamp with time zone}, a 4-byte {@code float} for a double), its
 * {@code CHANGE COLUMN} drops a column's default, comment, {@code AUTO_INCREMENT} and character
 * set, and it has no column comments here. One column definition of Retort's own serves
 * {@code CREATE TABLE}, {@code ADD COLUMN} and {@code MODIFY COLUMN} alike, so this dialect loads
 * no jOOQ at all.
 *
 * <p>Each statement commits by itself on this database, so a change that is one thing to the
 * user (a column with its foreign key) is one {@code ALTER TABLE}, done or not done whole.
 */
final class MysqlRenderer implements OpVisitor<List<Action>> {


    private final MysqlDialect dialect;
    private final MysqlTypes types;
    private final MysqlTables tables;
    private final RenderContext context;

    MysqlRenderer(MysqlDialect dialect, RenderContext context) {
        this.dialect = dialect;
        this.types = new MysqlTypes(dialect);
        this.tables = new MysqlTables(dialect, types, context);
        this.context = context;
    }

    // ---- tables ----

    @Override
    public List<Action> createTable(CreateTable op) {
        var elements = new ArrayList<String>();
        for (ColumnDef column : op.columns()) {
            elements.add(tables.column(column));
        }
        for (Constraint c : tables.withEnumChecks(op.table(), op.allConstraints(), op.columns())) {
            String index = tables.foreignKeyIndex(op.table(), c);
            if (index != null) {
                elements.add(index);
            }
            elements.add(tables.constraint(op.table(), c));
        }
        var options = new StringBuilder();
        op.options().forEach((key, value) -> options.append(switch (key) {
            case "mysql_engine" -> " ENGINE=" + value;
            case "mysql_charset" -> " DEFAULT CHARSET=" + value;
            default -> " COLLATE=" + value;
        }));
        if (op.comment() != null) {
            options.append(" COMMENT=").append(dialect.literal(op.comment()));
        }
        return sql("CREATE TABLE " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + dialect.qualify(op.table()) + " ("
                + String.join(", ", elements) + ")" + options);
    }

    /** MySQL parses {@code CASCADE} and ignores it: a table others refer to cannot be dropped. */
    @Override
    public List<Action> dropTable(DropTable op) {
        return sql("DROP TABLE " + (op.ifExists() ? "IF EXISTS " : "") + dialect.qualify(op.table()));
    }

    @Override
    public List<Action> renameTable(RenameTable op) {
        return sql("RENAME TABLE " + dialect.qualify(op.table()) + " TO " + dialect.qualify(op.table().withName(op.newName())));
    }

    @Override
    public List<Action> setTableComment(SetTableComment op) {
        String comment = op.comment().to();
        return sql("ALTER TABLE " + dialect.qualify(op.table()) + " COMMENT = " + dialect.literal(comment == null ? "" : comment));
    }

    // ---- columns ----

    /** The column and the constraints it declares in one statement, so it is added whole or not at all. */
    @Override
    public List<Action> addColumn(AddColumn op) {
        ColumnDef column = op.column();
        var parts = new ArrayList<String>();
        parts.add("ADD COLUMN " + tables.column(column));
        for (Constraint c : tables.withEnumChecks(op.table(), DeclaredConstraints.ofColumn(column), List.of(column))) {
            String index = tables.foreignKeyIndex(op.table(), c);
            if (index != null) {
                parts.add("ADD " + index);
            }
            parts.add("ADD " + tables.constraint(op.table(), c));
        }
        return sql("ALTER TABLE " + dialect.qualify(op.table()) + " " + String.join(", ", parts));
    }

    @Override
    public List<Action> dropColumn(DropColumn op) {
        // Offline, the key is known from the column's definition when the op carries it.
        String key = op.definition() == null || op.definition().references() == null ? null
                : context.naming().name(op.definition().references().asConstraint(op.column()), op.table());
        return List.of(MysqlLookups.dropColumn(dialect, op.table(), op.column(), key));
    }

    /** MariaDB 10.5 and MySQL 8.0 have {@code RENAME COLUMN}, which keeps the definition as it is. */
    @Override
    public List<Action> renameColumn(RenameColumn op) {
        return sql("ALTER TABLE " + dialect.qualify(op.table()) + " RENAME COLUMN " + dialect.quote(op.from()) + " TO "
                + dialect.quote(op.to()));
    }

    /**
     * A default alone changes in place. Anything else is {@code MODIFY COLUMN}, which restates the
     * whole column: what the op does not change is read from the database when the step runs, so
     * nothing is lost (Alembic restates from the migration's {@code existing_*} arguments, and
     * drops what they leave out).
     */
    @Override
    public List<Action> alterColumn(AlterColumn op) {
        var actions = new ArrayList<Action>();
        String table = "ALTER TABLE " + dialect.qualify(op.table());
        if (op.type() != null && op.type().from() instanceof dev.retort.schema.StringEnumType was) {
            // No IF EXISTS: MySQL has none (MariaDB has); the check is the one Retort made with the column.
            actions.add(new Action.Sql(table + " DROP CONSTRAINT "
                    + dialect.quote(context.naming().enumCheckName(op.table(), was.name()))));
        }
        if (op.type() != null || op.nullable() != null || op.comment() != null) {
            actions.add(new MysqlModifyColumn(dialect, types, op));
        } else if (op.serverDefault().to() == null) {
            actions.add(new Action.Sql(table + " ALTER COLUMN " + dialect.quote(op.column()) + " DROP DEFAULT"));
        } else {
            actions.add(new Action.Sql(table + " ALTER COLUMN " + dialect.quote(op.column()) + " SET DEFAULT "
                    + types.defaultValue(op.serverDefault().to(), "")));
        }
        if (op.type() != null && op.type().to() instanceof dev.retort.schema.StringEnumType now) {
            actions.add(new Action.Sql(table + " ADD " + tables.constraint(op.table(),
                    tables.enumCheck(op.table(), op.column(), now))));
        }
        return actions;
    }

    // ---- indexes ----

    /**
     * {@code concurrently} is InnoDB's online DDL, {@code LOCK=NONE}: writes go on while the index
     * is built, or the statement fails rather than block them.
     */
    @Override
    public List<Action> createIndex(CreateIndex op) {
        if (op.where() != null) {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, "createIndex(" + indexName(op) + ") on " + op.table()
                    + " has a WHERE clause, and MySQL has no partial indexes; put it in only(\"postgresql\", \"sqlite\", ...)"
                    + " and index the whole column for mysql");
        }
        if (op.ifNotExists()) {
            // MariaDB has CREATE INDEX IF NOT EXISTS; MySQL has not.
            return sql("CREATE " + (op.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + dialect.quote(indexName(op))
                    + " ON " + dialect.qualify(op.table()) + " (" + parts(op) + ")" + (op.concurrently() ? " LOCK=NONE" : ""));
        }
        return sql("CREATE " + (op.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quote(indexName(op)) + " ON "
                + dialect.qualify(op.table()) + " (" + parts(op) + ")" + (op.concurrently() ? " LOCK=NONE" : ""));
    }

    private String parts(CreateIndex op) {
        return op.parts().stream().map(this::indexPart).collect(Collectors.joining(", "));
    }

    /** An expression key in its own parentheses, as MySQL 8.0.13 reads a functional key part. */
    private String indexPart(IndexPart part) {
        String key = part.isColumn() ? dialect.quote(part.column()) : "(" + part.expression() + ")";
        return part.descending() ? key + " DESC" : key;
    }

    private String indexName(CreateIndex op) {
        return op.name() != null ? op.name() : context.naming().indexName(op.table(), op.columnsForName());
    }

    /** An index belongs to its table here; without the table it is looked up by name when the step runs. */
    @Override
    public List<Action> dropIndex(DropIndex op) {
        String name = op.name() != null ? op.name() : indexName(op.definition());
        var table = op.table() != null ? op.table() : op.definition() != null ? op.definition().table() : null;
        if (table == null) {
            return List.of(MysqlLookups.dropIndexByName(dialect, name, op.ifExists()));
        }
        return List.of(MysqlLookups.dropIndex(dialect, table, name, op.ifExists(), op.concurrently()));
    }

    // ---- constraints ----

    @Override
    public List<Action> addConstraint(AddConstraint op) {
        String index = tables.foreignKeyIndex(op.table(), op.constraint());
        return sql("ALTER TABLE " + dialect.qualify(op.table()) + " ADD " + (index == null ? "" : index + ", ADD ")
                + tables.constraint(op.table(), op.constraint()));
    }

    @Override
    public List<Action> dropConstraint(DropConstraint op) {
        return List.of(tables.dropConstraint(op));
    }

    // ---- types, sequences, views, schemas ----

    /** An enum's values live in each column of its type ({@code ENUM(...)}): there is no type to create. */
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
        throw new RetortException(ErrorCode.UNSUPPORTED_OP, "addEnumValue(" + op.type() + ", '" + op.value() + "'): MySQL"
                + " keeps an enum's values in each column of it, not in a type; change each column with"
                + " alterColumn(table, column, c -> c.type(enumOf(\"" + op.type().name() + "\", ...all values)))"
                + " in only(\"mysql\", ...)");
    }

    /** MariaDB 10.3 and later; MySQL has no sequences. */
    @Override
    public List<Action> createSequence(CreateSequence op) {
        return sql("CREATE SEQUENCE " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + dialect.qualify(op.name())
                + (op.start() == null ? "" : " START WITH " + op.start())
                + (op.increment() == null ? "" : " INCREMENT BY " + op.increment()));
    }

    @Override
    public List<Action> dropSequence(DropSequence op) {
        return sql("DROP SEQUENCE " + (op.ifExists() ? "IF EXISTS " : "") + dialect.qualify(op.name()));
    }

    @Override
    public List<Action> createView(CreateView op) {
        return sql("CREATE " + (op.orReplace() ? "OR REPLACE " : "") + "VIEW " + dialect.qualify(op.name()) + " AS " + op.query());
    }

    @Override
    public List<Action> dropView(DropView op) {
        return sql("DROP VIEW " + (op.ifExists() ? "IF EXISTS " : "") + dialect.qualify(op.name()));
    }

    /** A schema is a database on MySQL. */
    @Override
    public List<Action> createSchema(CreateSchema op) {
        return sql("CREATE DATABASE " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + dialect.quote(op.name()));
    }

    @Override
    public List<Action> dropSchema(DropSchema op) {
        return sql("DROP DATABASE " + (op.ifExists() ? "IF EXISTS " : "") + dialect.quote(op.name()));
    }

    // ---- data ----

    @Override
    public List<Action> execute(Execute op) {
        return dialect.renderExecute(op);
    }

    @Override
    public List<Action> bulkInsert(BulkInsert op) {
        return List.of(Literals.rows(op, dialect, types::bind, () -> Literals.inserts(op, dialect, types::literal)));
    }

    @Override
    public List<Action> runJdbc(RunJdbc op) {
        return dialect.renderRunJdbc(op);
    }

    @Override
    public List<Action> onlyOn(OnlyOn op) {
        return dialect.renderOnlyOn(op, this);
    }

    /** MySQL alters in place: a batch is its ops as plain ALTERs, one after the other. */
    @Override
    public List<Action> batchAlterTable(BatchAlterTable op) {
        return dialect.renderInPlace(op, this);
    }

    private static List<Action> sql(String statement) {
        return List.of(new Action.Sql(statement));
    }
}
