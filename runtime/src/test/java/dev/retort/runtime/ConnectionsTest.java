package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Why a connection failed, in the network's words where the driver's point the wrong way. */
class ConnectionsTest {

    @Test
    void aPeerThatIsNoPostgresIsSaidPlainly() {
        // What pgjdbc throws when something accepts the connection and closes it at once (seen for an unroutable host).
        var closed = new SQLException("An error occurred while setting up the SSL connection.", "08P01");
        assertTrue(Connections.reason(closed).startsWith("no PostgreSQL server answered: the connection was closed"
                + " while it was being set up (An error occurred while setting up the SSL connection.); check the host"),
                Connections.reason(closed));
        var unknown = new SQLException("The connection attempt failed.", "08001", new UnknownHostException("db.invalid"));
        assertEquals("unknown host db.invalid; check the host name", Connections.reason(unknown));
        var silent = new SQLException("The connection attempt failed.", "08001", new SocketTimeoutException("Connect timed out"));
        assertTrue(Connections.reason(silent).startsWith("the server did not answer (Connect timed out); check the host,"),
                Connections.reason(silent));
        var refused = new SQLException("Connection to 127.0.0.1:1 refused.", "08001");
        assertEquals("Connection to 127.0.0.1:1 refused.", Connections.reason(refused));
    }
}
