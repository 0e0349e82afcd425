package dev.retort.op;

import dev.retort.schema.TableName;
import java.util.Objects;

/**
 * {@code DROP TABLE [IF EXISTS] … [CASCADE]}. It can be reversed only when it carries the
 * definition of the table it drops; {@code op.dropTable("t", t -> ...)} records one. CASCADE is
 * PostgreSQL's (it drops views and foreign keys that depend on the table).
 *
 * @param definition {@code null} when the migration gave none
 */
public record DropTable(TableName table, CreateTable definition, boolean ifExists, boolean cascade) implements Op {

    public DropTable {
        Objects.requireNonNull(table, "table");
        if (definition != null && !definition.table().equals(table)) {
            throw new IllegalArgumentException(
                    "dropTable(" + table + ") carries the definition of another table, " + definition.table());
        }
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this,
                    "give the dropped table's definition, op.dropTable(\"" + table.name()
                            + "\", t -> t.column(...)), or write downgrade()");
        }
        return definition;
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropTable(this);
    }

    @Override
    public String describe() {
        return "dropTable(" + table + ")";
    }
}
