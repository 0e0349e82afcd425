package dev.retort.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * For {@link StartBench}: the same migrations with no framework. It reads the statements of
 * {@link StartProject#rawSql}, keeps a one-column version table, and runs each revision still to
 * apply in a transaction of its own with its version update. Arguments: the JDBC URL, the SQL
 * file, and {@code upgrade} (apply what is pending) or {@code status} (print how many are).
 */
public final class RawJdbcMain {

    private RawJdbcMain() {
    }

    /** The revisions of a {@link StartProject#rawSql} file and each one's statements, with their ';'. */
    record Chain(List<String> ids, List<List<String>> statements) {
    }

    static Chain read(Path file) throws java.io.IOException {
        List<String> ids = new ArrayList<>();
        List<List<String>> statements = new ArrayList<>();
        var sql = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("-- ")) {
                ids.add(line.substring(3));
                statements.add(new ArrayList<>());
            } else {
                sql.append(sql.isEmpty() ? "" : "\n").append(line);
                if (line.endsWith(";")) {
                    statements.get(statements.size() - 1).add(sql.toString());
                    sql.setLength(0);
                }
            }
        }
        return new Chain(ids, statements);
    }

    public static void main(String[] args) throws Exception {
        Chain chain = read(Path.of(args[1]));
        List<String> ids = chain.ids();
        List<List<String>> statements = chain.statements();
        try (Connection connection = DriverManager.getConnection(args[0])) {
            String current = current(connection);
            int done = current == null ? 0 : ids.indexOf(current) + 1;
            if (args[2].equals("status")) {
                System.out.println(current + ": " + (ids.size() - done) + " pending");
                return;
            }
            connection.setAutoCommit(false);
            for (int i = done; i < ids.size(); i++) {
                try (Statement statement = connection.createStatement()) {
                    for (String one : statements.get(i)) {
                        statement.execute(one.substring(0, one.length() - 1));
                    }
                }
                String update = current == null && i == done ? "INSERT INTO raw_version (version_num) VALUES (?)"
                        : "UPDATE raw_version SET version_num = ?";
                try (PreparedStatement version = connection.prepareStatement(update)) {
                    version.setString(1, ids.get(i));
                    version.executeUpdate();
                }
                connection.commit();
            }
            System.out.println("applied " + (ids.size() - done));
        }
    }

    private static String current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_version (version_num VARCHAR(32) NOT NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT version_num FROM raw_version")) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
