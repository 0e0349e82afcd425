package dev.retort.op;

import java.sql.Connection;
import java.sql.SQLException;

/** Code a data migration runs on the migration's own connection, inside its transaction. */
@FunctionalInterface
public interface JdbcWork {
    void run(Connection connection) throws SQLException;
}
