package dev.retort.runtime.ops;

import dev.retort.op.BatchAlterTable;
import dev.retort.op.CreateTable;
import dev.retort.op.OnlyOn;
import dev.retort.op.Op;
import dev.retort.op.RenameTable;
import dev.retort.schema.TableName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The tables a step's ops create (under their last name): no query can be waiting on those yet. */
final class NewTables {

    private NewTables() {
    }

    static Set<TableName> of(List<Op> ops) {
        var created = new HashSet<TableName>();
        add(ops, created);
        return Set.copyOf(created);
    }

    private static void add(List<Op> ops, Set<TableName> created) {
        for (Op op : ops) {
            if (op instanceof CreateTable create) {
                created.add(create.table());
            } else if (op instanceof RenameTable rename && created.remove(rename.table())) {
                created.add(rename.table().withName(rename.newName()));
            } else if (op instanceof BatchAlterTable batch) {
                add(batch.ops(), created);
            } else if (op instanceof OnlyOn only) {
                add(only.ops(), created);
            }
        }
    }
}
