package dev.retort.runtime.jooq;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.SqlText;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Data migrations written as jOOQ queries (update, insert … select, delete, merge), rendered for
 * the database the migration runs on, online and in offline SQL, with every value inlined:
 *
 * <pre>{@code
 * op.execute(JooqSql.of(dsl -> dsl.update(JooqSql.table("users"))
 *         .set(JooqSql.field("email", String.class), lower(JooqSql.field("email", String.class)))));
 * }</pre>
 *
 * <p>Name tables and columns with {@link #table} and {@link #field}, which quote on every
 * dialect. jOOQ 3.19 quotes SQLite names only when it thinks they need it and misses keywords
 * newer than its list ({@code update returning set …} fails; jOOQ #16494, fixed in 3.20, which
 * needs Java 21), whatever {@code RenderQuotedNames} says.
 *
 * <p>The query is built again for each dialect, so it may use dialect-specific functions through
 * jOOQ. What stands for it in the revision's checksum is its rendering in jOOQ's default
 * dialect, which changes only when the query does.
 */
public final class JooqSql {

    static {
        // jOOQ prints a banner and a tip of the day on first use unless told not to.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private JooqSql() {
    }

    /** The query as a statement for {@code op.execute(...)}. */
    public static SqlText of(Function<DSLContext, ? extends Query> query) {
        Objects.requireNonNull(query, "query");
        String canonical = render(SQLDialect.DEFAULT, query);
        return new SqlText.Built(canonical, dialect -> render(sqlDialect(dialect), query));
    }

    /** A table, its name quoted on every dialect; with two parts, schema and table. */
    public static Table<Record> table(String... nameParts) {
        return DSL.table(quoted(nameParts));
    }

    /** A column, its name quoted on every dialect; with two parts, table and column. */
    public static <T> Field<T> field(String name, Class<T> type) {
        return DSL.field(quoted(name), type);
    }

    public static <T> Field<T> field(String table, String column, Class<T> type) {
        return DSL.field(quoted(table, column), type);
    }

    /** Plain SQL, so jOOQ prints it as written: a double-quoted name means the same on both databases. */
    private static String quoted(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("a name needs at least one part");
        }
        var sql = new StringBuilder();
        for (String part : parts) {
            if (sql.length() > 0) {
                sql.append('.');
            }
            sql.append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return sql.toString();
    }

    private static String render(SQLDialect dialect, Function<DSLContext, ? extends Query> query) {
        DSLContext ctx = DSL.using(dialect, new Settings()
                .withRenderFormatted(false)
                .withRenderKeywordCase(RenderKeywordCase.UPPER)
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                // Names from table(...) and field(...) are plain SQL; "{" or "?" in them is no template.
                .withRenderPlainSQLTemplatesAsRaw(true));
        return ctx.renderInlined(query.apply(ctx));
    }

    private static SQLDialect sqlDialect(String name) {
        return switch (name) {
            case "postgresql" -> SQLDialect.POSTGRES;
            case "sqlite" -> SQLDialect.SQLITE;
            // Its names are double-quoted plain SQL, which MySQL reads as strings.
            default -> throw new RetortException(ErrorCode.UNSUPPORTED_OP, "jOOQ data migrations render for postgresql"
                    + " and sqlite, not " + name + "; on " + name + " write the statement with execute(...) or the work"
                    + " with run(...)");
        };
    }
}
