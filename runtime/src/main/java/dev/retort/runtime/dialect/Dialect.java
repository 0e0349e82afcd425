package dev.retort.runtime.dialect;

import dev.retort.op.Op;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What Retort needs to know about one database. Creating a dialect is cheap: the renderer
 * behind {@link #render} (and, for PostgreSQL, jOOQ) is loaded only when a step is rendered, so
 * an application already at head never pays for it.
 */
public interface Dialect {

    /** {@code postgresql} or {@code sqlite}, as the command line's {@code --dialect} spells it. */
    String name();

    /** The identifier in double quotes, embedded quotes doubled: every name is quoted, always. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    default String qualify(TableName table) {
        return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
    }

    /** A string literal. */
    default String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /**
     * The statements that perform {@code op}.
     *
     * @throws dev.retort.RetortException {@code UNSUPPORTED_OP} when this database cannot do it,
     *     with the way out in the message
     */
    List<String> render(Op op);

    /** Whether a failed migration's DDL rolls back with its transaction. */
    boolean transactionalDdl();

    /** The column definition of an auto-numbered primary key, for Retort's own history table. */
    String identityPrimaryKey();

    String booleanType();

    String timestampType();

    void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException;

    Instant getTimestamp(ResultSet rows, String column) throws SQLException;

    /** Whether a table of this name exists where an unqualified name would find it. */
    boolean tableExists(Connection connection, TableName table) throws SQLException;
}
