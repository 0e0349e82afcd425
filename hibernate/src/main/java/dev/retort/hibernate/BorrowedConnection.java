package dev.retort.hibernate;

import java.sql.Connection;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Hands Hibernate the one connection of the scratch database. Hibernate "closes" every connection
 * it is done with; this one belongs to the caller, who closes it, so closing here does nothing.
 * Not {@code Stoppable}, for the same reason: destroying the registry must leave it open.
 */
final class BorrowedConnection implements ConnectionProvider {

    private final Connection connection;

    BorrowedConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public void closeConnection(Connection borrowed) {
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (!isUnwrappableAs(type)) {
            throw new IllegalArgumentException("cannot unwrap " + getClass().getName() + " as " + type.getName());
        }
        return type.cast(this);
    }
}
