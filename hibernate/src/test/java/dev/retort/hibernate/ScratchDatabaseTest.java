package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.model.ModelSource;
import dev.retort.runtime.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build does to the caller's connection, and what on the class path it leaves alone. */
class ScratchDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionOutsideAutoCommitIsLeftSoWithTheSchemaCommitted() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            new JpaModelSource().create(TestModels.SHOP, TestModels.context(db, c, Map.of()));
            assertFalse(c.isClosed());
            assertFalse(c.getAutoCommit());
            assertTrue(db.tableExists("purchase_orders"), "seen from another connection");
        }
    }

    @Test
    void importSqlAndHibernatePropertiesOnTheClassPathAreNotRead() throws Exception {
        Path resources = Files.createDirectories(dir.resolve("resources"));
        Files.writeString(resources.resolve("import.sql"), "create table imported (x integer);\n");
        Files.writeString(resources.resolve("hibernate.properties"),
                "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy\n");
        try (TestDatabase db = TestDatabase.sqlite(dir.resolve("scratch.db")); Connection c = db.connect();
                var loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, getClass().getClassLoader())) {
            new JpaModelSource().create(TestModels.SHOP, new ModelSource.Context(loader, c, "sqlite", Map.of()));
            var catalog = Dialects.named("sqlite").introspect(c, null);
            assertTrue(catalog.table("imported").isEmpty(), "import.sql ran");
            assertTrue(catalog.table("ParcelShipment").isPresent(), "hibernate.properties was read");
        }
    }
}
