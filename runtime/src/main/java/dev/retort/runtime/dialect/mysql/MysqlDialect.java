package dev.retort.runtime.dialect.mysql;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.Op;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.dialect.RendererCache;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * MariaDB (10.5 and later) and MySQL (8.0 and later), through MariaDB's Connector/J, which speaks
 * to both. Names are quoted with backticks, which work whatever the server's {@code sql_mode}.
 * DDL is not transactional: every statement commits by itself, so the runner records each
 * statement's progress instead of rolling a failed migration back ({@link #transactionalDdl}).
 */
public final class MysqlDialect implements Dialect {

    private final RendererCache<MysqlRenderer> renderers = new RendererCache<>();

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /**
     * Backslashes are escapes in MySQL's string literals unless {@code NO_BACKSLASH_ESCAPES} is set,
     * which {@link #configure} clears for Retort's sessions; so a backslash is doubled and a NUL,
     * which MySQL's text can hold, is written {@code \0}.
     */
    @Override
    public String literal(String value) {
        var out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("''");
                case '\\' -> out.append("\\\\");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    @Override
    public List<Action> render(Op op, RenderContext context) {
        return op.accept(renderers.of(context, c -> new MysqlRenderer(this, c)));
    }

    /** Retort's literals double backslashes; a server set to read them plainly would store two. */
    @Override
    public void configure(Connection connection, Duration lockTimeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : sessionSetupSql()) {
                s.execute(sql);
            }
        }
    }

    @Override
    public List<String> sessionSetupSql() {
        return List.of("SET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','),"
                + " ',NO_BACKSLASH_ESCAPES,', ','))");
    }

    @Override
    public MigrationLock lock(Connection connection, MigrationLock.ConnectionSource connections, TableName versionTable,
            Duration timeout) throws SQLException {
        return MysqlLock.acquire(connection, connections, versionTable, timeout);
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205; // ER_LOCK_WAIT_TIMEOUT: a metadata or row lock waited lock_wait_timeout out
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean schemaIsDatabase() {
        return true;
    }

    @Override
    public String identityPrimaryKey() {
        return "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String booleanType() {
        return "BOOLEAN";
    }

    /** MySQL has no type that keeps a time zone: Retort's own times are stored in UTC. */
    @Override
    public String timestampType() {
        return "DATETIME(6)";
    }

    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public String currentTimestampSql() {
        return "UTC_TIMESTAMP(6)";
    }

    @Override
    public String currentUserSql() {
        return "CURRENT_USER()";
    }

    @Override
    public Instant getTimestamp(ResultSet rows, String column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** {@code schema} is a database: MySQL's schemas are its databases. */
    @Override
    public Catalog introspect(Connection connection, String schema) throws SQLException {
        return MysqlIntrospector.read(connection, schema);
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
            s.setString(1, table.schema());
            s.setString(2, table.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The database the connection uses, which MySQL calls its schema. */
    static String currentDatabase(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT DATABASE()"); ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getString(1) == null) {
                throw new RetortException(ErrorCode.BAD_URL, "the connection has no database selected; name one in the"
                        + " URL (mysql://host/database, jdbc:mariadb://host/database)");
            }
            return r.getString(1);
        }
    }
}
