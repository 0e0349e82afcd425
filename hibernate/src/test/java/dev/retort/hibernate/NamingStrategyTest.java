package dev.retort.hibernate;

import static dev.retort.hibernate.TestModels.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.model.ModelSource;
import dev.retort.runtime.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A physical naming strategy given in the model's settings, as {@code model.hibernate.physical_naming_strategy}. */
class NamingStrategyTest {

    private static final Map<String, String> SPRING_NAMES = Map.of("hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void camelCaseToUnderscoresRenamesTablesColumnsIndexPartsAndSequences(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir)) {
            Catalog catalog = TestModels.build(db, TestModels.SHOP, SPRING_NAMES);
            TableInfo parcel = table(catalog, "parcel_shipment");
            assertEquals(List.of("tracking_number", "id"), parcel.columnNames());
            TableInfo customers = table(catalog, "customers");
            assertEquals(List.of("id", "created_at", "updated_at", "city", "postal_code", "street", "email",
                    "last_login", "last_name", "status"), customers.columnNames());
            assertEquals(List.of("last_name"), customers.index("ix_customers_last_name").orElseThrow().parts());
            table(catalog, "order_line");
            table(catalog, "freight_shipment");
            if (kind != TestDatabase.Kind.SQLITE) {
                assertEquals(List.of("product_ids", "purchase_orders_seq", "shipment_seq"),
                        catalog.sequences().stream().sorted().toList());
            } else {
                table(catalog, "shipment_seq");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutAStrategyNamesAreTheJavaNames(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir)) {
            Catalog catalog = TestModels.build(db, TestModels.SHOP);
            // Hibernate quotes nothing, so PostgreSQL folds the Java names to lower case.
            boolean folds = kind == TestDatabase.Kind.POSTGRESQL;
            TableInfo parcel = table(catalog, folds ? "parcelshipment" : "ParcelShipment");
            assertEquals(List.of(folds ? "trackingnumber" : "trackingNumber", "id"), parcel.columnNames());
        }
    }

    /** The strategy is on the model's class path only, as a project's own would be. */
    @Test
    void aStrategyOfTheProjectIsLoadedThroughTheModelsClassLoader() throws Exception {
        Path classes = Sources.compile(dir.resolve("naming"), Map.of("naming.Prefixed", """
                package naming;

                import org.hibernate.boot.model.naming.Identifier;
                import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
                import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

                public class Prefixed extends PhysicalNamingStrategyStandardImpl {
                    @Override
                    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
                        return Identifier.toIdentifier("t_" + name.getText());
                    }
                }
                """));
        try (TestDatabase db = TestDatabase.sqlite(dir.resolve("prefixed.db")); Connection c = db.connect();
                var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            new JpaModelSource().create(TestModels.SHOP, new ModelSource.Context(loader, c, "sqlite",
                    Map.of("hibernate.physical_naming_strategy", "naming.Prefixed")));
            Catalog catalog = Dialects.named("sqlite").introspect(c, null);
            table(catalog, "t_customers");
            table(catalog, "t_product_tags");
        }
    }
}
