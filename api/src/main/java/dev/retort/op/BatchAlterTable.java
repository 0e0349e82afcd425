package dev.retort.op;

import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several changes to one table, done together: on SQLite in one table rebuild when any needs it
 * ({@link Recreate#AUTO}), always ({@link Recreate#ALWAYS}) or never ({@link Recreate#NEVER}: an
 * error instead); on PostgreSQL as plain ALTER statements, one by one. SQLite reads the table as
 * it stands (from the database, or, for offline SQL, from the schema earlier migrations replay).
 * An {@link Execute} in the block runs where it stands; on SQLite, when the block rebuilds the
 * table, it must come before or after the changes that need the rebuild.
 */
public record BatchAlterTable(TableName table, Recreate recreate, List<Op> ops) implements Op {

    /** When SQLite rebuilds the table. */
    public enum Recreate {
        /** Only when a change needs it; ADD, RENAME and DROP COLUMN and index changes run natively otherwise. */
        AUTO,
        /** Always, whatever the changes. */
        ALWAYS,
        /** Never: a change SQLite cannot make natively is an error. */
        NEVER
    }

    public BatchAlterTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(recreate, "recreate");
        ops = List.copyOf(ops);
        for (Op op : ops) {
            if (op instanceof Execute) {
                continue; // SQL of the migration's own, run where it stands among the changes
            }
            TableName target = targetOf(op);
            if (target == null || !target.equals(table)) {
                throw new IllegalArgumentException("batchAlterTable(" + table + ") takes changes to that table's columns,"
                        + " constraints and indexes, not " + op.describe());
            }
        }
    }

    /** The table an op inside a batch changes, or {@code null} when such an op does not belong in one. */
    static TableName targetOf(Op op) {
        if (op instanceof AddColumn o) {
            return o.table();
        } else if (op instanceof DropColumn o) {
            return o.table();
        } else if (op instanceof RenameColumn o) {
            return o.table();
        } else if (op instanceof AlterColumn o) {
            return o.table();
        } else if (op instanceof AddConstraint o) {
            return o.table();
        } else if (op instanceof DropConstraint o) {
            return o.table();
        } else if (op instanceof CreateIndex o) {
            return o.table();
        } else if (op instanceof DropIndex o) {
            return o.table();
        }
        return null;
    }

    @Override
    public Op reverse() {
        var reversed = new ArrayList<Op>(ops.size());
        for (int i = ops.size() - 1; i >= 0; i--) {
            reversed.add(ops.get(i).reverse());
        }
        return new BatchAlterTable(table, recreate, reversed);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.batchAlterTable(this);
    }

    @Override
    public String describe() {
        return "batchAlterTable(" + table + ", " + ops.size() + " changes)";
    }
}
