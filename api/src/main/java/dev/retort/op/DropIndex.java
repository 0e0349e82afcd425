package dev.retort.op;

import dev.retort.schema.TableName;

/**
 * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS]}. The table names the index's schema (and the
 * table it belongs to); the op is reversible when it carries the index's definition, and then
 * needs no name of its own (the definition's, or the convention's, is used).
 *
 * @param name {@code null} when the definition names it
 * @param table {@code null} for a drop by name alone, in the connection's default schema
 * @param definition {@code null} when the migration gave none
 */
public record DropIndex(String name, TableName table, CreateIndex definition, boolean ifExists, boolean concurrently)
        implements Op {

    public DropIndex {
        if (table == null && (name == null || definition != null)) {
            throw new IllegalArgumentException("dropIndex without a table needs the index's name (and no definition)");
        }
        if (name == null && definition == null) {
            throw new IllegalArgumentException("dropIndex on " + table + " needs the index's name or its definition");
        }
        if (name != null) {
            dev.retort.schema.Names.check(name, "index name");
        }
        if (name != null && definition != null && definition.name() != null && !definition.name().equals(name)) {
            throw new IllegalArgumentException(
                    "dropIndex(" + name + ") carries the definition of another index, " + definition.name());
        }
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this,
                    "give the index's table and columns, op.dropIndex(\"" + name + "\", \""
                            + (table == null ? "table" : table.name()) + "\", i -> i.columns(...)), or write downgrade()");
        }
        return definition;
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }

    @Override
    public String describe() {
        return "dropIndex(" + (name != null ? name : definition.name() != null ? definition.name() : "on " + table) + ")";
    }
}
