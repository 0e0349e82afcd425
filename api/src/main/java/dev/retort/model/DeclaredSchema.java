package dev.retort.model;

/**
 * The schema an application wants, declared in Java with the builders a migration's
 * {@code createTable} uses: the model {@code retort revision --autogenerate} and {@code retort check}
 * compare the migrations with, for a team whose tables have no ORM mapping (what SQLAlchemy's
 * {@code MetaData} is to Alembic). Name the class in {@code retort.properties}
 * ({@code model=class:com.example.db.AppSchema}) or with {@code --model}; it needs a public
 * constructor without arguments.
 *
 * <pre>{@code
 * public final class AppSchema implements DeclaredSchema {
 *     public void declare(SchemaBuilder schema) {
 *         schema.table("users", t -> t
 *                 .column("id", BIGINT, c -> c.primaryKey().identity())
 *                 .column("email", varchar(255), c -> c.notNull().unique()));
 *         schema.index("ix_users_email", "users", "email");
 *     }
 * }
 * }</pre>
 */
public interface DeclaredSchema {

    /** Declares every table, index, enum type, sequence and view, in any order. */
    void declare(SchemaBuilder schema);
}
