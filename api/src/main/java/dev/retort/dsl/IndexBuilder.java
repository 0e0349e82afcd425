package dev.retort.dsl;

import dev.retort.op.CreateIndex;
import dev.retort.op.IndexPart;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Describes an index: its columns and expressions in order, unique, partial, concurrent. */
public final class IndexBuilder {

    private final List<IndexPart> parts = new ArrayList<>();
    private boolean unique;
    private String where;
    private boolean concurrently;
    private boolean ifNotExists;

    private IndexBuilder() {
    }

    static CreateIndex build(String name, TableName table, Consumer<IndexBuilder> spec) {
        var builder = new IndexBuilder();
        spec.accept(builder);
        return new CreateIndex(name, table, builder.parts, builder.unique, builder.where, builder.concurrently,
                builder.ifNotExists);
    }

    public IndexBuilder columns(String... names) {
        for (String name : names) {
            parts.add(IndexPart.column(name));
        }
        return this;
    }

    /** A column in descending order. */
    public IndexBuilder descending(String column) {
        parts.add(new IndexPart(column, null, true));
        return this;
    }

    /** An expression such as {@code lower(email)}, as SQL. */
    public IndexBuilder expression(String sql) {
        parts.add(IndexPart.expression(sql));
        return this;
    }

    public IndexBuilder unique() {
        unique = true;
        return this;
    }

    /** A partial index: only rows meeting this SQL condition. */
    public IndexBuilder where(String condition) {
        where = Objects.requireNonNull(condition, "condition");
        return this;
    }

    /**
     * PostgreSQL's {@code CONCURRENTLY}: builds without locking writes, outside a transaction, so the
     * migration must be {@code @Revision(transactional = false)}.
     */
    public IndexBuilder concurrently() {
        concurrently = true;
        return this;
    }

    public IndexBuilder ifNotExists() {
        ifNotExists = true;
        return this;
    }
}
