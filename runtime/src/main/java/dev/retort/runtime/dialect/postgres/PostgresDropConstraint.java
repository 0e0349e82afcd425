package dev.retort.runtime.dialect.postgres;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.DropConstraint;
import dev.retort.runtime.dialect.Action;
import dev.retort.schema.Constraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drops a constraint that was left for PostgreSQL to name, found by what it is: online in the
 * catalog (the primary key; the unique key or foreign key on these columns; the check whose
 * expression PostgreSQL prints back as this one, whatever number its name got), offline by
 * PostgreSQL's naming rules.
 */
final class PostgresDropConstraint implements Action.Live {

    private static final String CONSTRAINTS = "SELECT c.conname, c.contype,"
            + " ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)"
            + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),"
            + " (SELECT r.relname FROM pg_class r WHERE r.oid = c.confrelid),"
            + " ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)"
            + " JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i),"
            + " pg_get_constraintdef(c.oid)"
            + " FROM pg_constraint c WHERE c.conrelid = ?::regclass ORDER BY c.conname";

    private final PostgresDialect dialect;
    private final DropConstraint op;

    PostgresDropConstraint(PostgresDialect dialect, DropConstraint op) {
        this.dialect = dialect;
        this.op = op;
    }

    @Override
    public String description() {
        return op.describe();
    }

    @Override
    public List<String> offline() {
        return List.of(drop(ruleName()));
    }

    @Override
    public void run(Connection connection, StatementSink executed) throws SQLException {
        var matches = new ArrayList<String>();
        Constraint wanted = op.definition();
        try (PreparedStatement s = connection.prepareStatement(CONSTRAINTS)) {
            s.setString(1, dialect.qualify(op.table()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    if (matches(wanted, rows)) {
                        matches.add(rows.getString(1));
                    }
                }
            }
        }
        if (matches.size() == 1) {
            executed.execute(drop(matches.get(0)));
        } else if (matches.isEmpty() && !op.ifExists()) {
            throw new RetortException(ErrorCode.MIGRATION_FAILED, op.describe() + ": table " + op.table() + " has no "
                    + wanted.kindName() + " like " + shown(wanted) + "; give the constraint's name, dropConstraint(\""
                    + op.table().name() + "\", \"name\")");
        } else if (matches.size() > 1) {
            throw new RetortException(ErrorCode.MIGRATION_FAILED, op.describe() + ": table " + op.table() + " has "
                    + matches.size() + " constraints like " + shown(wanted) + " (" + String.join(", ", matches)
                    + "); give the one to drop by name");
        }
    }

    private static boolean matches(Constraint wanted, ResultSet row) throws SQLException {
        String type = row.getString(2);
        List<String> columns = strings(row.getArray(3));
        if (wanted instanceof Constraint.PrimaryKey) {
            return type.equals("p");
        }
        if (wanted instanceof Constraint.Unique u) {
            return type.equals("u") && columns.equals(u.columns());
        }
        if (wanted instanceof Constraint.ForeignKey fk) {
            return type.equals("f") && columns.equals(fk.columns())
                    && fk.referredTable().name().equals(row.getString(4))
                    && strings(row.getArray(5)).equals(fk.referredColumns());
        }
        // A check is known by its expression, as PostgreSQL prints it back.
        return type.equals("c") && comparable(row.getString(6)).equals(comparable("CHECK (" + ((Constraint.Check) wanted)
                .expression() + ")"));
    }

    /**
     * An expression without what PostgreSQL adds or drops when it prints one back: spaces,
     * parentheses, identifier quotes, casts of literals, case.
     */
    static String comparable(String sql) {
        return sql.replaceAll("::\"?[A-Za-z_][A-Za-z0-9_]*\"?( varying| precision| with(out)? time zone)?(\\[\\])?", "")
                .replaceAll("[\\s\"()]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private String ruleName() {
        return PostgresNames.of(op.definition(), op.table().name());
    }

    private String drop(String name) {
        return "ALTER TABLE " + dialect.qualify(op.table()) + " DROP CONSTRAINT " + (op.ifExists() ? "IF EXISTS " : "")
                + dialect.quote(name);
    }

    private static String shown(Constraint c) {
        if (c instanceof Constraint.ForeignKey fk) {
            return fk.columns() + " -> " + fk.referredTable() + fk.referredColumns();
        }
        if (c instanceof Constraint.Check ck) {
            return "(" + ck.expression() + ")";
        }
        return c.columns().toString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
