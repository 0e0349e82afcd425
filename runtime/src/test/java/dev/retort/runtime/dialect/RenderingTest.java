package dev.retort.runtime.dialect;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.dsl.Ops;
import dev.retort.op.Op;
import dev.retort.schema.NamingConvention;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the op corpus's golden files do not show: schema-qualified names, expressions passed
 * through untouched, naming conventions, and the refusals that name the way out.
 */
class RenderingTest {

    private static final Dialect PG = Dialects.named("postgresql");
    private static final Dialect SQLITE = Dialects.named("sqlite");
    private static final RenderContext DEFAULTS = RenderContext.defaults();

    private static Op one(Consumer<Ops> migration) {
        var ops = new Ops();
        migration.accept(ops);
        return ops.recorded().get(0);
    }

    private static void golden(Consumer<Ops> migration, String postgres, String sqlite) {
        Op op = one(migration);
        assertEquals(List.of(postgres), PG.statements(op, DEFAULTS), "postgresql");
        assertEquals(List.of(sqlite), SQLITE.statements(op, DEFAULTS), "sqlite");
    }

    @Test
    void schemasQualifyNamesAndIndexesKeepTheirSchema() {
        golden(op -> op.inSchema("billing").createIndex("ix_inv", "invoices", "customer_id"),
                "CREATE INDEX \"ix_inv\" ON \"billing\".\"invoices\" (\"customer_id\")",
                "CREATE INDEX \"billing\".\"ix_inv\" ON \"invoices\" (\"customer_id\")");
        golden(op -> op.inSchema("billing").dropIndex("ix_inv", "invoices"),
                "DROP INDEX \"billing\".\"ix_inv\"", "DROP INDEX \"billing\".\"ix_inv\"");
        assertEquals(List.of("CREATE TABLE \"billing\".\"invoices\" (\"id\" bigint NOT NULL, \"customer_id\" bigint NULL,"
                        + " CONSTRAINT \"pk_invoices\" PRIMARY KEY (\"id\"), CONSTRAINT \"fk_invoices_customer_id_customers\""
                        + " FOREIGN KEY (\"customer_id\") REFERENCES \"billing\".\"customers\" (\"id\"))"),
                PG.statements(one(op -> op.inSchema("billing").createTable("invoices", t -> t
                        .column("id", BIGINT, c -> c.primaryKey())
                        .column("customer_id", BIGINT, c -> c.references("customers", "id")))), DEFAULTS));
    }

    @Test
    void defaultExpressionsPassThroughAsWritten() {
        golden(op -> op.createTable("t", t -> t.column("x", TEXT,
                        c -> c.serverDefault(dev.retort.schema.ServerDefault.sql("lower('A?{0}')")))),
                "CREATE TABLE \"t\" (\"x\" text NULL DEFAULT lower('A?{0}'))",
                "CREATE TABLE \"t\" (\"x\" TEXT DEFAULT (lower('A?{0}')))");
    }

    @Test
    void theNamingConventionNamesUnnamedConstraintsAndIndexes() {
        var custom = new RenderContext(new NamingConvention("%(table_name)s_pkey", "%(table_name)s_%(column_0_N_name)s_key",
                "%(table_name)s_%(constraint_name)s_check", "%(table_name)s_%(column_0_name)s_fkey",
                "%(table_name)s_%(column_0_N_name)s_idx"), true);
        Op index = one(op -> op.createIndex("orders", i -> i.columns("customer_id", "placed_at")));
        assertEquals(List.of("CREATE INDEX \"orders_customer_id_placed_at_idx\" ON \"orders\" (\"customer_id\", \"placed_at\")"),
                PG.statements(index, custom));
        assertEquals(List.of("CREATE INDEX \"ix_orders_customer_id\" ON \"orders\" (\"customer_id\", \"placed_at\")"),
                PG.statements(index, DEFAULTS));
        Op unique = one(op -> op.addConstraint("orders", c -> c.unique("number")));
        assertEquals(List.of("ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_number_key\" UNIQUE (\"number\")"),
                PG.statements(unique, custom));
    }

    @Test
    void namesLongerThanPostgresKeepsAreCutWithAHash() {
        String table = "a_table_with_a_name_long_enough_to_matter_for_postgresql";
        Op fk = one(op -> op.addConstraint(table, c -> c.foreignKey("another_long_column_name").references("referred", "id")));
        String sql = PG.statements(fk, DEFAULTS).get(0);
        String name = sql.substring(sql.indexOf("CONSTRAINT \"") + 12, sql.indexOf("\" FOREIGN"));
        assertEquals(63, name.length(), name);
        assertEquals(name, NamingConvention.fit("fk_" + table + "_another_long_column_name_referred"));
    }

    @Test
    void sqliteRefusesWhatItHasNotWithTheWayOut() {
        var sequence = assertThrows(RetortException.class, () -> SQLITE.render(one(op -> op.createSequence("s")), DEFAULTS));
        assertEquals(ErrorCode.UNSUPPORTED_OP, sequence.code());
        assertEquals("createSequence(s): SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or give each"
                + " dialect its own statement with execute(SqlText.only(\"postgresql\", ...))", sequence.getMessage());
        var schema = assertThrows(RetortException.class, () -> SQLITE.render(one(op -> op.createSchema("s")), DEFAULTS));
        assertEquals("createSchema(s): SQLite has no schemas; attach another database file instead", schema.getMessage());
        var identity = assertThrows(RetortException.class, () -> SQLITE.render(
                one(op -> op.createTable("t", t -> t.column("id", BIGINT, c -> c.identity()))), DEFAULTS));
        assertEquals(ErrorCode.UNSUPPORTED_OP, identity.code());
    }

    @Test
    void withoutAutomaticRebuildsSqliteNamesTheBatchBlock() {
        var noRebuild = new RenderContext(NamingConvention.alembic(), false);
        var e = assertThrows(RetortException.class, () -> SQLITE.render(
                one(op -> op.alterColumn("users", "email", a -> a.notNull())), noRebuild));
        assertEquals(ErrorCode.UNSUPPORTED_OP, e.code());
        assertEquals("alterColumn(users.email) needs a table rebuild on SQLite, and automatic rebuilds are off; put it in"
                + " op.batchAlterTable(\"users\", b -> ...)", e.getMessage());
    }
}
