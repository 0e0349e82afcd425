package dev.retort.model;

import dev.retort.dsl.IndexBuilder;
import dev.retort.dsl.Ops;
import dev.retort.dsl.SequenceBuilder;
import dev.retort.dsl.TableBuilder;
import dev.retort.op.Op;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@link DeclaredSchema} declares: the objects that exist, not the steps that make them.
 * Order does not matter; Retort creates them in the order their references need.
 */
public final class SchemaBuilder {

    private final Ops ops = new Ops();

    public SchemaBuilder table(String name, Consumer<TableBuilder> spec) {
        ops.createTable(name, spec);
        return this;
    }

    public SchemaBuilder index(String name, String table, String... columns) {
        ops.createIndex(name, table, columns);
        return this;
    }

    public SchemaBuilder uniqueIndex(String name, String table, String... columns) {
        ops.createUniqueIndex(name, table, columns);
        return this;
    }

    public SchemaBuilder index(String name, String table, Consumer<IndexBuilder> spec) {
        ops.createIndex(name, table, spec);
        return this;
    }

    /** An index named by the naming convention. */
    public SchemaBuilder index(String table, Consumer<IndexBuilder> spec) {
        ops.createIndex(table, spec);
        return this;
    }

    /** A PostgreSQL enum type; columns use it as {@code enumOf(name, values...)}. */
    public SchemaBuilder enumType(String name, String... values) {
        ops.createEnum(name, values);
        return this;
    }

    public SchemaBuilder sequence(String name) {
        ops.createSequence(name);
        return this;
    }

    public SchemaBuilder sequence(String name, Consumer<SequenceBuilder> spec) {
        ops.createSequence(name, spec);
        return this;
    }

    public SchemaBuilder view(String name, String query) {
        ops.createView(name, query);
        return this;
    }

    /** What was declared, as the ops that would create it, in declaration order. */
    public List<Op> declared() {
        return ops.recorded();
    }
}
