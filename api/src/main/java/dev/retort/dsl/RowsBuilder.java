package dev.retort.dsl;

import dev.retort.op.BulkInsert;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The rows of {@link Ops#bulkInsert}: columns once, then values row by row. */
public final class RowsBuilder {

    private final List<String> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    private RowsBuilder() {
    }

    static BulkInsert build(TableName table, Consumer<RowsBuilder> spec) {
        var builder = new RowsBuilder();
        spec.accept(builder);
        return new BulkInsert(table, builder.columns, builder.rows);
    }

    public RowsBuilder columns(String... names) {
        columns.addAll(List.of(names));
        return this;
    }

    /** One row's values, in column order; {@code null} for NULL. */
    public RowsBuilder row(Object... values) {
        rows.add(new ArrayList<>(Arrays.asList(values)));
        return this;
    }
}
