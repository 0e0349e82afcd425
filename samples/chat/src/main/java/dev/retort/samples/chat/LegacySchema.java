package dev.retort.samples.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * How the application made its tables before Retort: at start when they were missing, by
 * {@code Base.metadata.create_all}, whose DDL this is, word for word as SQLAlchemy 2.0 writes it
 * for the models ({@code id: Mapped[int] = mapped_column(primary_key=True)}, a foreign key with
 * {@code ondelete="CASCADE", index=True}, {@code server_default=func.now()}; no naming
 * convention). Kept for the adoption story (a database made this way is stamped, not migrated)
 * and its tests.
 */
public final class LegacySchema {

    /** SQLAlchemy's DDL for the models, as {@code create_all} sends it to PostgreSQL. */
    private static final List<String> POSTGRESQL = List.of("""
            CREATE TABLE chats (
            	id SERIAL NOT NULL,\s
            	title VARCHAR(200) NOT NULL,\s
            	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,\s
            	PRIMARY KEY (id)
            )""", """
            CREATE TABLE messages (
            	id SERIAL NOT NULL,\s
            	chat_id INTEGER NOT NULL,\s
            	role VARCHAR(20) NOT NULL,\s
            	text TEXT NOT NULL,\s
            	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,\s
            	PRIMARY KEY (id),\s
            	FOREIGN KEY(chat_id) REFERENCES chats (id) ON DELETE CASCADE
            )""",
            "CREATE INDEX ix_messages_chat_id ON messages (chat_id)");

    /** The same for SQLite: the declared names SQLAlchemy writes, and {@code func.now()} in parentheses. */
    private static final List<String> SQLITE = List.of("""
            CREATE TABLE chats (
            	id INTEGER NOT NULL,\s
            	title VARCHAR(200) NOT NULL,\s
            	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,\s
            	PRIMARY KEY (id)
            )""", """
            CREATE TABLE messages (
            	id INTEGER NOT NULL,\s
            	chat_id INTEGER NOT NULL,\s
            	role VARCHAR(20) NOT NULL,\s
            	text TEXT NOT NULL,\s
            	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,\s
            	PRIMARY KEY (id),\s
            	FOREIGN KEY(chat_id) REFERENCES chats (id) ON DELETE CASCADE
            )""",
            "CREATE INDEX ix_messages_chat_id ON messages (chat_id)");

    private LegacySchema() {
    }

    /** The old start-up: create the tables if they are not there. */
    public static void createAll(Connection connection) throws SQLException {
        boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite");
        try (var tables = connection.getMetaData().getTables(null, null, "chats", null)) {
            if (tables.next()) {
                return;
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String sql : sqlite ? SQLITE : POSTGRESQL) {
                s.execute(sql);
            }
        }
    }
}
