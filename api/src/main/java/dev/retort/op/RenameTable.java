package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.TableName;
import java.util.Objects;

/** {@code ALTER TABLE … RENAME TO}; the table stays in its schema. Reversed by renaming back. */
public record RenameTable(TableName table, String newName) implements Op {

    public RenameTable {
        Objects.requireNonNull(table, "table");
        Names.check(newName, "new table name");
    }

    @Override
    public Op reverse() {
        return new RenameTable(table.withName(newName), table.name());
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.renameTable(this);
    }

    @Override
    public String describe() {
        return "renameTable(" + table + " -> " + newName + ")";
    }
}
