package dev.retort.dsl;

import dev.retort.op.CreateTable;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Describes a table for {@link Ops#createTable}: its columns, in order. */
public final class TableBuilder {

    private final TableName table;
    private final String schema;
    private final List<ColumnDef> columns = new ArrayList<>();
    private boolean ifNotExists;

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

    /** Creates the table only when no table of that name exists ({@code CREATE TABLE IF NOT EXISTS}). */
    public TableBuilder ifNotExists() {
        ifNotExists = true;
        return this;
    }

    CreateTable build() {
        return new CreateTable(table, columns, ifNotExists);
    }
}
