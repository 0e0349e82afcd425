package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.TableName;
import java.util.Objects;

/** {@code ALTER TABLE … RENAME COLUMN}; reversed by renaming back. */
public record RenameColumn(TableName table, String from, String to) implements Op {

    public RenameColumn {
        Objects.requireNonNull(table, "table");
        Names.check(from, "column name");
        Names.check(to, "new column name");
    }

    @Override
    public Op reverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.renameColumn(this);
    }

    @Override
    public String describe() {
        return "renameColumn(" + table + "." + from + " -> " + to + ")";
    }
}
