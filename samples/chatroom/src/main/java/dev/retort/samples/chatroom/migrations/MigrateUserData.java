package dev.retort.samples.chatroom.migrations;

import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's "Data Migrations": usernames become lower case for logins, the name as typed is kept
 * as {@code display_name}. Java reads every user before writing, and the downgrade puts the names
 * back. (A data migration in Java runs online only: offline SQL says so, naming this revision.)
 */
@Revision(id = "e5a7c9d14356", revises = "d4f6b8c03245", message = "Migrate user data")
public final class MigrateUserData implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.batchAlterTable("users", b -> b.addColumn("display_name", varchar(50), c -> c.nullable()));
        op.run("keep display names, lower-case usernames", MigrateUserData::lowerCase);
    }

    @Override
    public void downgrade(Ops op) {
        op.run("restore usernames from display names", MigrateUserData::restore);
        op.batchAlterTable("users", b -> b.dropColumn("display_name"));
    }

    private static void lowerCase(Connection connection) throws SQLException {
        Map<Long, String> users = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id, username FROM users");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                users.put(r.getLong(1), r.getString(2));
            }
        }
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE users SET display_name = ?, username = ? WHERE id = ?")) {
            for (var user : users.entrySet()) {
                s.setString(1, user.getValue());
                s.setString(2, user.getValue().toLowerCase(Locale.ROOT));
                s.setLong(3, user.getKey());
                s.executeUpdate();
            }
        }
    }

    private static void restore(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE users SET username = display_name WHERE display_name IS NOT NULL")) {
            s.executeUpdate();
        }
    }
}
