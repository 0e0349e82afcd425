package it.model;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.model.DeclaredSchema;
import dev.retort.model.SchemaBuilder;

/** The schema the application wants: users, as migrated, and widgets, which no migration makes yet. */
public final class Schema implements DeclaredSchema {

    @Override
    public void declare(SchemaBuilder schema) {
        schema.table("users", t -> t.column("id", BIGINT, c -> c.primaryKey()));
        schema.table("widgets", t -> t
                .column("id", BIGINT, c -> c.primaryKey())
                .column("name", varchar(80), c -> c.notNull()));
    }
}
