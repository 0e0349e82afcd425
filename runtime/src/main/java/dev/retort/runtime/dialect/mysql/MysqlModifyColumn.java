package dev.retort.runtime.dialect.mysql;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.AlterColumn;
import dev.retort.runtime.dialect.Action;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code MODIFY COLUMN}, which restates the whole column: the aspects the op changes as it says,
 * the rest (type, nullability, default, numbering, comment, character set) as the catalog has
 * them when the step runs, so a change of nullability does not quietly drop a default.
 */
final class MysqlModifyColumn implements Action.Live {

    private final MysqlDialect dialect;
    private final MysqlTypes types;
    private final AlterColumn op;

    MysqlModifyColumn(MysqlDialect dialect, MysqlTypes types, AlterColumn op) {
        this.dialect = dialect;
        this.types = types;
        this.op = op;
    }

    @Override
    public String description() {
        return "MODIFY COLUMN " + op.table() + "." + op.column() + ", restated from the catalog";
    }

    /** The whole op: a changed type or default changes the statement, though not the description. */
    @Override
    public String fingerprint() {
        return op.toString();
    }

    @Override
    public List<String> offline() {
        throw new RetortException(ErrorCode.UNSUPPORTED_OP, op.describe() + ": MySQL restates the whole column to change"
                + " it (MODIFY COLUMN), and Retort reads what the op leaves as it is from the database when the step runs;"
                + " offline SQL has no database to read: run this revision online, or write the MODIFY COLUMN with"
                + " execute(...) in only(\"mysql\", ...)");
    }

    @Override
    public void run(Connection connection, Action.StatementSink executed) throws SQLException {
        executed.execute(statement(connection));
    }

    String statement(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT,"
                + " c.EXTRA, c.COLUMN_COMMENT, c.CHARACTER_SET_NAME, c.COLLATION_NAME, t.TABLE_COLLATION"
                + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND c.TABLE_NAME = ? AND c.COLUMN_NAME = ?")) {
            s.setString(1, op.table().schema());
            s.setString(2, op.table().name());
            s.setString(3, op.column());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("table " + op.table() + " has no column " + op.column() + " to alter");
                }
                boolean mariadb = MysqlIntrospector.isMariadb(connection);
                String extra = r.getString("EXTRA").toLowerCase(Locale.ROOT);
                String type;
                if (op.type() != null) {
                    // A text column keeps its own character set: MODIFY would convert it to the table's.
                    type = types.type(op.type().to(), op.column());
                    type += textual(type) ? charset(r) : "";
                } else if (mariadb && MysqlIntrospector.isJson(connection, op.table(), op.column())) {
                    type = "JSON"; // restating longtext would drop MariaDB's json_valid check
                } else {
                    type = r.getString("COLUMN_TYPE") + charset(r);
                }
                boolean nullable = op.nullable() != null ? op.nullable().to() : r.getString("IS_NULLABLE").equals("YES");
                var sql = new StringBuilder("ALTER TABLE ").append(dialect.qualify(op.table())).append(" MODIFY COLUMN ")
                        .append(dialect.quote(op.column())).append(' ').append(type).append(nullable ? " NULL" : " NOT NULL");
                if (op.serverDefault() != null) {
                    if (op.serverDefault().to() != null) {
                        sql.append(" DEFAULT ").append(types.defaultValue(op.serverDefault().to(), type.toUpperCase(Locale.ROOT)));
                    }
                } else {
                    String current = currentDefault(r.getString("COLUMN_DEFAULT"), extra, mariadb,
                            MysqlTypes.blobLike(type.toUpperCase(Locale.ROOT)));
                    if (current != null) {
                        sql.append(" DEFAULT ").append(current);
                    }
                }
                if (extra.contains("auto_increment")) {
                    sql.append(" AUTO_INCREMENT");
                }
                int onUpdate = extra.indexOf("on update ");
                if (onUpdate >= 0) {
                    sql.append(' ').append(extra.substring(onUpdate).toUpperCase(Locale.ROOT));
                }
                String comment = op.comment() != null ? op.comment().to() : r.getString("COLUMN_COMMENT");
                if (comment != null && !comment.isEmpty()) {
                    sql.append(" COMMENT ").append(dialect.literal(comment));
                }
                return sql.toString();
            }
        }
    }

    /** The column's own character set and collation, when they are not the table's (MODIFY would reset them). */
    private static String charset(ResultSet r) throws SQLException {
        String collation = r.getString("COLLATION_NAME");
        if (collation == null || collation.equals(r.getString("TABLE_COLLATION"))) {
            return "";
        }
        return " CHARACTER SET " + r.getString("CHARACTER_SET_NAME") + " COLLATE " + collation;
    }

    /**
     * The default as SQL again. MariaDB prints it as SQL already ({@code 'x'}, {@code NULL},
     * {@code current_timestamp(6)}); MySQL prints a literal's bare value and marks an expression
     * {@code DEFAULT_GENERATED}.
     */
    private String currentDefault(String printed, String extra, boolean mariadb, boolean expressionOnly) {
        if (printed == null || mariadb && printed.equals("NULL")) {
            return null;
        }
        if (mariadb) {
            return expressionOnly && printed.startsWith("'") ? "(" + printed + ")" : printed;
        }
        if (extra.contains("default_generated")) {
            return printed.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? printed : "(" + printed + ")";
        }
        // MySQL takes a text, blob or JSON column's default only as an expression.
        return expressionOnly ? "(" + dialect.literal(printed) + ")" : dialect.literal(printed);
    }

    private static boolean textual(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        return t.startsWith("VARCHAR") || t.startsWith("CHAR") || t.endsWith("TEXT") || t.startsWith("ENUM");
    }
}
