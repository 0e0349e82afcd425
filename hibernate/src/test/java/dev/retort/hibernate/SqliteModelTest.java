package dev.retort.hibernate;

import static dev.retort.hibernate.TestModels.column;
import static dev.retort.hibernate.TestModels.table;
import static dev.retort.hibernate.PostgresModelTest.assertColumn;
import static dev.retort.hibernate.PostgresModelTest.foreignKey;
import static dev.retort.hibernate.PostgresModelTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop model as {@link RetortSQLiteDialect} creates it: the community dialect's types and
 * tables standing in for sequences, with the foreign keys and unique constraints that dialect
 * leaves out written inside {@code CREATE TABLE}, as on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteModelTest {

    private TestDatabase db;
    private Catalog catalog;

    @BeforeAll
    void build(@TempDir Path dir) throws Exception {
        db = TestDatabase.sqlite(dir.resolve("shop.db"));
        catalog = TestModels.build(db, TestModels.SHOP);
    }

    @Test
    void namesKeepTheirCaseAndSequencesBecomeOneRowTables() throws Exception {
        assertEquals(List.of("FreightShipment", "OrderLine", "ParcelShipment", "Payment", "Product", "Shipment",
                "Shipment_SEQ", "Tag", "customers", "product_ids", "product_tags", "purchase_orders",
                "purchase_orders_SEQ"), catalog.tables().stream().map(TableInfo::name).sorted().toList());
        assertEquals(List.of(), catalog.sequences());
        TableInfo seq = table(catalog, "purchase_orders_SEQ");
        assertEquals(List.of("next_val"), seq.columnNames());
        assertEquals(null, seq.primaryKey());
        assertEquals(List.of("1"), db.strings("SELECT next_val FROM purchase_orders_SEQ"));
    }

    @Test
    void uuidIsABlobAndEveryTimeTypeIsTimestamp() {
        TableInfo customers = table(catalog, "customers");
        assertColumn(customers, "id", "BLOB", false);
        assertColumn(customers, "createdAt", "timestamp", false); // Instant
        assertColumn(customers, "lastLogin", "timestamp", true); // OffsetDateTime
        assertColumn(customers, "updatedAt", "timestamp", true); // LocalDateTime
        assertEquals(List.of("id"), customers.primaryKey().columns());
        assertColumn(table(catalog, "purchase_orders"), "customer_id", "BLOB", false);
    }

    @Test
    void enumsAreCheckedTextOrTinyints() {
        TableInfo customers = table(catalog, "customers");
        assertColumn(customers, "status", "varchar(16)", false);
        assertEquals("(status in ('ACTIVE','SUSPENDED','CLOSED'))", customers.checks().get(0).expression());
        TableInfo orders = table(catalog, "purchase_orders");
        assertColumn(orders, "priority", "tinyint", true);
        assertEquals("(priority between 0 and 2)", orders.checks().get(0).expression());
    }

    @Test
    void theIndexTheTableUniqueConstraintAndTheColumnUniqueAreCreated() {
        TableInfo customers = table(catalog, "customers");
        assertEquals(List.of(new IndexInfo("ix_customers_last_name", false, List.of("lastName"), null)),
                customers.indexes());
        assertEquals(List.of(new KeyInfo("uk_customers_email", List.of("email"))), customers.uniques());
        // @Column(unique = true): unique on the column, which SQLite names itself.
        assertEquals(List.of(List.of("sku")), table(catalog, "Product").uniques().stream().map(KeyInfo::columns).toList());
    }

    @Test
    void everyForeignKeyIsCreatedWithHibernatesNameAndOnDeleteAction() {
        TableInfo lines = table(catalog, "OrderLine");
        ForeignKeyInfo toOrder = foreignKey(lines, "order_id");
        assertEquals("purchase_orders", toOrder.referredTable());
        assertEquals(List.of("id"), toOrder.referredColumns());
        assertEquals("CASCADE", toOrder.onDelete());
        assertEquals("NO ACTION", foreignKey(lines, "product_id").onDelete());
        ForeignKeyInfo toCustomer = only(table(catalog, "purchase_orders").foreignKeys());
        assertEquals("customers", toCustomer.referredTable());
        assertTrue(toCustomer.name().matches("FK[0-9a-z]{25}"), toCustomer.name());
        assertEquals("Tag", foreignKey(table(catalog, "product_tags"), "tag_name").referredTable());
        assertEquals(List.of("name"), foreignKey(table(catalog, "product_tags"), "tag_name").referredColumns());
        assertEquals("Product", foreignKey(table(catalog, "product_tags"), "product_id").referredTable());
        assertEquals("purchase_orders", foreignKey(table(catalog, "Payment"), "purchase_id").referredTable());
        for (String sub : List.of("ParcelShipment", "FreightShipment")) {
            assertEquals("Shipment", foreignKey(table(catalog, sub), "id").referredTable());
        }
        assertEquals(8, catalog.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum(), "as many as on PostgreSQL");
    }

    @Test
    void theForeignKeysAreEnforced() throws Exception {
        var e = assertThrows(SQLException.class, () -> db.executeWithForeignKeys(
                "INSERT INTO purchase_orders (id, version, customer_id) VALUES (1, 0, x'00')"));
        assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
    }

    /**
     * An identity {@code Long} id is {@code integer}, the only spelling that makes it SQLite's rowid,
     * and the community dialect's validation wants {@code bigint}: it rejects Hibernate's own schema.
     * Ours takes SQLite's integer types for one.
     */
    @Test
    void hibernatesValidationTakesHibernatesOwnSchemaWithOurDialectOnly() throws Exception {
        var e = assertThrows(SchemaManagementException.class, () -> HibernateValidation.validate(db,
                List.of(TestModels.SHOP), "org.hibernate.community.dialect.SQLiteDialect"));
        assertTrue(e.getMessage().contains("wrong column type encountered in column [id] in table [OrderLine]; found"
                + " [integer (Types#INTEGER)], but expecting [bigint (Types#BIGINT)]"), e.getMessage());
        HibernateValidation.validate(db, List.of(TestModels.SHOP));
    }

    /** {@code model.hibernate.dialect} still wins: the community dialect, gaps and all. */
    @Test
    void aDialectInTheSettingsReplacesOurs(@TempDir Path dir) throws Exception {
        Catalog community = TestModels.build(TestDatabase.sqlite(dir.resolve("community.db")), TestModels.SHOP,
                Map.of("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect"));
        assertEquals(List.of(), community.tables().stream().flatMap(t -> t.foreignKeys().stream()).toList());
        assertEquals(List.of(), table(community, "customers").uniques());
    }

    /** SQLite numbers its rowid; Hibernate writes no AUTOINCREMENT, so numbers of deleted rows come back. */
    @Test
    void identityIdsAreRowidKeysWithoutAutoincrement() {
        TableInfo lines = table(catalog, "OrderLine");
        ColumnInfo id = column(lines, "id");
        assertEquals("INTEGER", id.type());
        assertEquals(List.of("id"), lines.primaryKey().columns());
        assertFalse(id.identity(), "identity is AUTOINCREMENT's");
    }

    @Test
    void theJoinTableAndInheritanceTablesAreKeyedAsOnPostgres() {
        assertEquals(List.of("product_id", "tag_name"), table(catalog, "product_tags").primaryKey().columns());
        TableInfo payment = table(catalog, "Payment");
        assertColumn(payment, "kind", "varchar(31)", false);
        assertColumn(payment, "cardLast4", "varchar(255)", true);
        assertEquals(List.of("id"), table(catalog, "ParcelShipment").primaryKey().columns());
        assertColumn(table(catalog, "ParcelShipment"), "id", "bigint", false);
    }
}
