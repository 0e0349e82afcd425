package dev.retort.samples.messaging.migrations;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.BOOLEAN;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** The seed's first revision, with its id: users and the messages they send each other. */
@Revision(id = "753d9557b07b", message = "Initial migration - creates users and messages tables")
public final class InitialMigration implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("users", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("username", varchar(50), c -> c.notNull().unique())
                .column("email", varchar(255), c -> c.notNull().unique())
                .column("hashed_password", varchar(255), c -> c.notNull())
                .column("is_active", BOOLEAN, c -> c.notNull().serverDefault(true))
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        op.createTable("messages", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("sender_id", BIGINT, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("recipient_id", BIGINT, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("content", TEXT, c -> c.notNull())
                .column("is_read", BOOLEAN, c -> c.notNull().serverDefault(false))
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
    }
}
