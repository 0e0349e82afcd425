package dev.retort.dsl;

import dev.retort.op.CreateIndex;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Describes an index: its columns in order, and whether it is unique. */
public final class IndexBuilder {

    private final List<String> columns = new ArrayList<>();
    private boolean unique;

    private IndexBuilder() {
    }

    static CreateIndex build(String name, TableName table, Consumer<IndexBuilder> spec) {
        var builder = new IndexBuilder();
        spec.accept(builder);
        return new CreateIndex(name, table, builder.columns, builder.unique);
    }

    public IndexBuilder columns(String... names) {
        columns.addAll(List.of(names));
        return this;
    }

    public IndexBuilder unique() {
        unique = true;
        return this;
    }
}
