package dev.retort.hibernate;

import static dev.retort.hibernate.TestModels.column;
import static dev.retort.hibernate.TestModels.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import dev.retort.runtime.testing.TestDatabase;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shop model as Hibernate creates it on PostgreSQL, read back by Retort's introspection. Built
 * once into a schema of its own; every test reads that one catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresModelTest {

    private TestDatabase db;
    private Catalog catalog;

    @BeforeAll
    void build() throws Exception {
        db = TestDatabase.postgres();
        catalog = TestModels.build(db, TestModels.SHOP);
    }

    @AfterAll
    void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyEntityTableAndTheJoinTableAreCreatedWithUnquotedNamesFoldedToLowerCase() {
        assertEquals(List.of("customers", "freightshipment", "orderline", "parcelshipment", "payment", "product",
                "product_tags", "purchase_orders", "shipment", "tag"),
                catalog.tables().stream().map(TableInfo::name).sorted().toList());
    }

    @Test
    void generatedLongIdsGetSequencesNamedAfterTheEntityOrTheGenerator() throws Exception {
        assertEquals(List.of("product_ids", "purchase_orders_seq", "shipment_seq"),
                catalog.sequences().stream().sorted().toList());
        // GenerationType.AUTO allocates 50 at a time; the @SequenceGenerator asked for 1. The identity
        // column's sequence is the column's own, which the catalog leaves out.
        assertEquals(List.of("orderline_id_seq 1", "product_ids 1", "purchase_orders_seq 50", "shipment_seq 50"), db.strings(
                "SELECT sequencename || ' ' || increment_by FROM pg_sequences WHERE schemaname = '" + db.schema()
                        + "' ORDER BY sequencename"));
    }

    @Test
    void uuidAndTimeTypesAreNative() {
        TableInfo customers = table(catalog, "customers");
        assertColumn(customers, "id", "uuid", false);
        assertColumn(customers, "createdat", "timestamp(6) with time zone", false); // Instant
        assertColumn(customers, "lastlogin", "timestamp(6) with time zone", true); // OffsetDateTime
        assertColumn(customers, "updatedat", "timestamp(6) without time zone", true); // LocalDateTime
        assertEquals(new KeyInfo("customers_pkey", List.of("id")), customers.primaryKey());
    }

    @Test
    void theEmbeddableAndTheMappedSuperclassAddTheirColumnsToTheEntityTable() {
        TableInfo customers = table(catalog, "customers");
        assertColumn(customers, "street", "character varying(255)", true);
        assertColumn(customers, "postal_code", "character varying(16)", true);
        assertTrue(customers.column("createdat").isPresent());
        assertTrue(table(catalog, "purchase_orders").column("createdat").isEmpty(), "not Audited");
    }

    @Test
    void enumsAreTextOrSmallIntegersWithTheirValuesChecked() {
        TableInfo customers = table(catalog, "customers");
        assertColumn(customers, "status", "character varying(16)", false);
        assertEquals("customers_status_check", customers.checks().get(0).name());
        assertTrue(customers.checks().get(0).expression().contains("'SUSPENDED'::character varying"));

        TableInfo orders = table(catalog, "purchase_orders");
        assertColumn(orders, "priority", "smallint", true);
        assertEquals("priority >= 0 AND priority <= 2", orders.checks().get(0).expression());
    }

    @Test
    void theTableUniqueConstraintAndIndexKeepTheirNames() {
        TableInfo customers = table(catalog, "customers");
        assertEquals(List.of(new KeyInfo("uk_customers_email", List.of("email"))), customers.uniques());
        assertEquals(List.of(new IndexInfo("ix_customers_last_name", false, List.of("lastname"), null)),
                customers.indexes());
        // @Column(unique = true): unique on the column, which PostgreSQL names itself.
        assertEquals(List.of(new KeyInfo("product_sku_key", List.of("sku"))), table(catalog, "product").uniques());
    }

    @Test
    void manyToOneIsANotNullForeignKeyWithoutDatabaseCascade() {
        TableInfo orders = table(catalog, "purchase_orders");
        assertColumn(orders, "customer_id", "uuid", false);
        ForeignKeyInfo fk = only(orders.foreignKeys());
        assertEquals(List.of("customer_id"), fk.columns());
        assertEquals("customers", fk.referredTable());
        assertEquals(List.of("id"), fk.referredColumns());
        // cascade = ALL on the @OneToMany is the session's: the key itself does nothing.
        assertEquals("NO ACTION", fk.onDelete());
        assertTrue(fk.name().matches("fk[0-9a-z]{25}"), fk.name());
    }

    @Test
    void onDeleteCascadeReachesTheForeignKeyAndIdentityIdsAreIdentityColumns() {
        TableInfo lines = table(catalog, "orderline");
        ColumnInfo id = column(lines, "id");
        assertEquals("bigint", id.type());
        assertTrue(id.identity());
        ForeignKeyInfo toOrder = foreignKey(lines, "order_id");
        assertEquals("purchase_orders", toOrder.referredTable());
        assertEquals("CASCADE", toOrder.onDelete());
        assertEquals("NO ACTION", toOrder.onUpdate());
        assertEquals("NO ACTION", foreignKey(lines, "product_id").onDelete());
        assertTrue(column(lines, "product_id").nullable(), "@ManyToOne is optional by default");
    }

    @Test
    void manyToManyMakesAJoinTableKeyedByBothSides() {
        TableInfo join = table(catalog, "product_tags");
        assertEquals(List.of("product_id", "tag_name"), join.primaryKey().columns());
        assertColumn(join, "tag_name", "character varying(40)", false);
        assertEquals("product", foreignKey(join, "product_id").referredTable());
        ForeignKeyInfo toTag = foreignKey(join, "tag_name");
        assertEquals("tag", toTag.referredTable());
        assertEquals(List.of("name"), toTag.referredColumns());
    }

    @Test
    void singleTableInheritanceHasANotNullDiscriminatorAndNullableSubclassColumns() {
        TableInfo payment = table(catalog, "payment");
        assertColumn(payment, "kind", "character varying(31)", false);
        assertTrue(payment.checks().get(0).expression().contains("'CARD'::character varying"));
        assertColumn(payment, "cardlast4", "character varying(255)", true);
        assertColumn(payment, "iban", "character varying(255)", true);
        assertEquals("purchase_orders", foreignKey(payment, "purchase_id").referredTable());
    }

    @Test
    void joinedSubclassTablesAreKeyedByAForeignKeyToTheParent() {
        for (String sub : List.of("parcelshipment", "freightshipment")) {
            TableInfo table = table(catalog, sub);
            assertEquals(List.of("id"), table.primaryKey().columns());
            ForeignKeyInfo fk = foreignKey(table, "id");
            assertEquals("shipment", fk.referredTable());
            assertEquals(List.of("id"), fk.referredColumns());
        }
        assertFalse(table(catalog, "shipment").column("trackingnumber").isPresent());
        assertColumn(table(catalog, "parcelshipment"), "trackingnumber", "character varying(255)", true);
    }

    @Test
    void theConverterDecidesTheColumnType() {
        assertColumn(table(catalog, "product"), "sku", "character varying(32)", true);
        assertColumn(table(catalog, "product"), "price", "numeric(10,2)", true);
    }

    @Test
    void loggingIsPutBackAfterTheBuild() {
        assertNull(System.getProperty(QuietLogging.PROVIDER));
        assertNull(Logger.getLogger("org.hibernate").getLevel());
    }

    static void assertColumn(TableInfo table, String name, String type, boolean nullable) {
        ColumnInfo column = column(table, name);
        assertEquals(type, column.type(), table.name() + "." + name);
        assertEquals(nullable, column.nullable(), table.name() + "." + name + " nullable");
    }

    static ForeignKeyInfo foreignKey(TableInfo table, String column) {
        return table.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no foreign key on " + table.name() + "." + column));
    }

    static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
