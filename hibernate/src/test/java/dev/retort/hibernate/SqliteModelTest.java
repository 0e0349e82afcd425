package dev.retort.hibernate;

import static dev.retort.hibernate.TestModels.column;
import static dev.retort.hibernate.TestModels.table;
import static dev.retort.hibernate.PostgresModelTest.assertColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop model as Hibernate's community SQLite dialect creates it. Several facts here are gaps of
 * that dialect, pinned so that a Hibernate upgrade which closes them shows up: no foreign keys, no
 * table-level unique constraints, and tables standing in for sequences.
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
    void theIndexIsCreatedButNeitherForeignKeysNorTheTableUniqueConstraintAre() {
        TableInfo customers = table(catalog, "customers");
        assertEquals(List.of(new IndexInfo("ix_customers_last_name", false, List.of("lastName"), null)),
                customers.indexes());
        // SQLiteDialect.hasAlterTable() is false, so Hibernate drops what it would add by ALTER TABLE.
        assertEquals(List.of(), customers.uniques());
        assertEquals(List.of(), catalog.tables().stream().flatMap(t -> t.foreignKeys().stream()).toList());
    }

    @Test
    void identityIdsAreRowidAliases() {
        ColumnInfo id = column(table(catalog, "OrderLine"), "id");
        assertEquals("INTEGER", id.type());
        assertTrue(id.identity());
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
