package dev.retort.dsl;

import dev.retort.op.CreateTable;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Describes a table for {@link Ops#createTable}: its columns in order, table constraints, a comment. */
public final class TableBuilder {

    private final TableName table;
    private final String schema;
    private final List<ColumnDef> columns = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private String comment;
    private boolean ifNotExists;
    private final Map<String, String> options = new TreeMap<>();

    TableBuilder(TableName table, String schema) {
        this.table = table;
        this.schema = schema;
    }

    public TableBuilder column(String name, SqlType type) {
        return column(name, type, c -> { });
    }

    public TableBuilder column(String name, SqlType type, Consumer<ColumnBuilder> spec) {
        columns.add(ColumnBuilder.build(name, type, schema, spec));
        return this;
    }

    /** A primary key over several columns (for one, {@code c -> c.primaryKey()} reads better). */
    public TableBuilder primaryKey(String... columns) {
        constraints.add(new Constraint.PrimaryKey(null, List.of(columns)));
        return this;
    }

    /** A unique constraint over these columns, named by the naming convention. */
    public TableBuilder unique(String... columns) {
        constraints.add(new Constraint.Unique(null, List.of(columns)));
        return this;
    }

    /** A check constraint, named by the naming convention. */
    public TableBuilder check(String expression) {
        constraints.add(new Constraint.Check(null, expression));
        return this;
    }

    /** Any constraint, optionally named: {@code t.constraint(c -> c.name("uq_x").unique("a", "b"))}. */
    public TableBuilder constraint(Consumer<ConstraintBuilder> spec) {
        constraints.add(ConstraintBuilder.build(schema, spec));
        return this;
    }

    /** A foreign key over several columns: {@code t.foreignKey(fk -> fk.columns("a", "b").references("p", "x", "y"))}. */
    public TableBuilder foreignKey(Consumer<ConstraintBuilder.ForeignKeyBuilder> spec) {
        return constraint(c -> spec.accept(c.foreignKey()));
    }

    public TableBuilder comment(String text) {
        comment = Objects.requireNonNull(text, "comment");
        return this;
    }

    /** Creates the table only when no table of that name exists ({@code CREATE TABLE IF NOT EXISTS}). */
    public TableBuilder ifNotExists() {
        ifNotExists = true;
        return this;
    }

    /** MySQL's storage engine ({@code ENGINE=InnoDB}), as SQLAlchemy's {@code mysql_engine}; other databases ignore it. */
    public TableBuilder mysqlEngine(String engine) {
        options.put("mysql_engine", engine);
        return this;
    }

    /** MySQL's default character set for the table ({@code DEFAULT CHARSET=utf8mb4}); other databases ignore it. */
    public TableBuilder mysqlCharset(String charset) {
        options.put("mysql_charset", charset);
        return this;
    }

    /** MySQL's default collation for the table ({@code COLLATE=utf8mb4_unicode_ci}); other databases ignore it. */
    public TableBuilder mysqlCollate(String collation) {
        options.put("mysql_collate", collation);
        return this;
    }

    CreateTable build() {
        return new CreateTable(table, columns, constraints, comment, ifNotExists, options);
    }
}
