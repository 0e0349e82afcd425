package dev.retort.runtime.ops;

import dev.retort.op.BatchAlterTable;
import dev.retort.op.CreateTable;
import dev.retort.op.Execute;
import dev.retort.op.OnlyOn;
import dev.retort.op.Op;
import dev.retort.op.RenameTable;
import dev.retort.schema.TableName;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a step's ops create (under their last name), by {@code createTable} or by a raw
 * {@code CREATE TABLE} (the only way to make a partitioned one): no query can be waiting on those
 * yet, and the database cannot be asked about them before the step runs.
 */
final class NewTables {

    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\s*CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?"
            + "(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?");

    private NewTables() {
    }

    static Set<TableName> of(List<Op> ops, String dialect) {
        var created = new HashSet<TableName>();
        add(ops, dialect, created);
        return Set.copyOf(created);
    }

    private static void add(List<Op> ops, String dialect, Set<TableName> created) {
        for (Op op : ops) {
            if (op instanceof Execute execute) {
                String sql = execute.sql().forDialect(dialect);
                for (String statement : sql == null ? new String[0] : sql.split(";")) {
                    Matcher m = CREATE_TABLE.matcher(statement);
                    if (m.lookingAt()) {
                        try {
                            created.add(m.group(2) == null ? new TableName(null, name(m.group(1)))
                                    : new TableName(name(m.group(1)), name(m.group(2))));
                        } catch (IllegalArgumentException unusual) {
                            // A name Retort's ops could not spell: no op of the step can name that table either.
                        }
                    }
                }
            } else if (op instanceof CreateTable create) {
                created.add(create.table());
            } else if (op instanceof RenameTable rename && created.remove(rename.table())) {
                created.add(rename.table().withName(rename.newName()));
            } else if (op instanceof BatchAlterTable batch) {
                add(batch.ops(), dialect, created);
            } else if (op instanceof OnlyOn only && only.appliesTo(dialect)) {
                add(only.ops(), dialect, created);
            }
        }
    }

    /** A name as PostgreSQL reads it: quoted as written, unquoted folded to lower case. */
    private static String name(String written) {
        return written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(Locale.ROOT);
    }
}
