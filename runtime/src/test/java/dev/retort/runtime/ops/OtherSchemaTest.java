package dev.retort.runtime.ops;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.enumOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dsl.DropOption;
import dev.retort.dsl.Ops;
import dev.retort.runtime.Retort;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every kind of op aimed at a PostgreSQL schema other than the connection's, through {@code op.inSchema(...)}. */
class OtherSchemaTest {

    @Test
    void opsInAnotherSchemaLandThereAndReverse() throws Exception {
        String other = "rt_other_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Consumer<Ops> change = root -> {
            Ops op = root.inSchema(other);
            op.createEnum("status", "open", "closed");
            op.createSequence("ticket_numbers");
            op.createTable("customer", t -> t.column("id", BIGINT, c -> c.primaryKey().identity()).column("name", TEXT));
            op.createTable("ticket", t -> t
                    .column("id", BIGINT, c -> c.primaryKey())
                    .column("customer_id", BIGINT, c -> c.references("customer", "id").onDelete(CASCADE))
                    .column("status", enumOf("status", "open", "closed"), c -> c.notNull().serverDefault("open")));
            op.addColumn("ticket", "title", TEXT);
            op.alterColumn("ticket", "title", a -> a.notNull().existingNullable(true));
            op.createIndex("ix_ticket_title", "ticket", "title");
            op.addConstraint("ticket", c -> c.name("ck_ticket_title").check("length(title) > 0"));
            op.renameColumn("customer", "name", "full_name");
            op.createView("open_tickets", "SELECT id FROM " + other + ".ticket WHERE status = 'open'");
        };
        var index = new InlineIndex()
                .add("s1", null, op -> op.createSchema(other))
                .add("s2", "s1", change::accept);
        try (var db = TestDatabase.postgres()) {
            try {
                Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
                retort.upgrade("s1");
                Catalog empty = catalog(db, other);
                retort.upgrade("s2");
                Catalog there = catalog(db, other);
                new CatalogExpectations(Kind.POSTGRESQL).verify(OpRuns.recorded(change), there);
                assertEquals(List.of("customer", "ticket"), there.tables().stream().map(t -> t.name()).toList());
                assertTrue(OpRuns.catalog(db).table("ticket").isEmpty(), "nothing in the connection's own schema");
                db.execute("INSERT INTO " + other + ".customer (full_name) VALUES ('Ada')");
                db.execute("INSERT INTO " + other + ".ticket (id, customer_id, title) VALUES (1, 1, 'broken')");
                assertEquals(List.of("1"), db.strings("SELECT id FROM " + other + ".open_tickets"));

                retort.downgrade("s1");
                assertEquals(empty, catalog(db, other));
                retort.downgrade("base");
                assertEquals(List.of(), db.strings("SELECT nspname FROM pg_namespace WHERE nspname = '" + other + "'"));
            } finally {
                db.execute("DROP SCHEMA IF EXISTS " + other + " CASCADE");
            }
        }
    }

    @Test
    void dropSchemaCascadeTakesItsObjects() throws Exception {
        String other = "rt_other_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        var index = new InlineIndex()
                .add("s1", null, op -> {
                    op.createSchema(other);
                    op.inSchema(other).createTable("t", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                })
                .add("s2", "s1", op -> op.dropSchema(other, DropOption.CASCADE));
        try (var db = TestDatabase.postgres()) {
            try {
                Retort.configure().url(db.url()).indexes(List.of(index)).build().upgrade("head");
                assertEquals(List.of(), db.strings("SELECT nspname FROM pg_namespace WHERE nspname = '" + other + "'"));
            } finally {
                db.execute("DROP SCHEMA IF EXISTS " + other + " CASCADE");
            }
        }
    }

    private static Catalog catalog(TestDatabase db, String schema) throws Exception {
        try (Connection c = db.connect()) {
            return Dialects.named("postgresql").introspect(c, schema);
        }
    }
}
