package dev.retort.samples.cleanarch.infrastructure.persistence;

import dev.retort.samples.cleanarch.application.MessageRepository;
import dev.retort.samples.cleanarch.domain.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The messages table behind the application's port. */
public final class JdbcMessageRepository implements MessageRepository {

    private final Database database;

    public JdbcMessageRepository(Database database) {
        this.database = database;
    }

    @Override
    public Message add(long conversationId, String role, String content) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO messages (conversation_id, role, content) VALUES (?, ?, ?)", new String[] {"id"})) {
            s.setLong(1, conversationId);
            s.setString(2, role);
            s.setString(3, content);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Message(keys.getLong(1), conversationId, role, content);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the message: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Message> conversation(long conversationId) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT id, role, content FROM messages WHERE conversation_id = ? ORDER BY id")) {
            s.setLong(1, conversationId);
            var messages = new ArrayList<Message>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    messages.add(new Message(r.getLong(1), conversationId, r.getString(2), r.getString(3)));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the conversation: " + e.getMessage(), e);
        }
    }
}
