package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The lock a run holds from before it reads the version table to plan until its last step has
 * committed, so that processes starting at once apply each migration once. Closing releases it.
 */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close() throws SQLException;

    /** Opens another connection to the same database (PostgreSQL holds its lock on one of its own). */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }
}
