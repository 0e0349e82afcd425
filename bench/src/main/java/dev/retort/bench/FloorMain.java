package dev.retort.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * For {@link StartBench}: the floor every start pays. A JVM that loads the driver, connects, reads
 * the one row of a one-column version table and exits. Argument: the JDBC URL.
 */
public final class FloorMain {

    private FloorMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version_num FROM raw_version")) {
            System.out.println(rows.next() ? rows.getString(1) : "base");
        }
    }
}
