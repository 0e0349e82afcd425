package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a user can get wrong: each error is one line that names the thing and says what to do. */
class ModelErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aSpecWithoutPackagesSaysHowToWriteOne() throws Exception {
        String message = fails(ErrorCode.BAD_CONFIGURATION, "", Map.of());
        assertTrue(message.startsWith("model jpa: names no package"), message);
        assertTrue(message.contains("model=jpa:com.example.model"), message);
    }

    @Test
    void aMalformedPackageIsNamed() throws Exception {
        String message = fails(ErrorCode.BAD_CONFIGURATION, "com.example.model, com..typo", Map.of());
        assertTrue(message.contains("'com..typo' is no Java package name"), message);
    }

    @Test
    void aPackageNotOnTheClassPathIsNamed() throws Exception {
        String message = fails(ErrorCode.BAD_CONFIGURATION, "dev.retort.hibernate.nosuch", Map.of());
        assertTrue(message.contains("no class in package dev.retort.hibernate.nosuch on the class path"), message);
    }

    @Test
    void aPackageWithoutMappedClassesIsNamed() throws Exception {
        String message = fails(ErrorCode.BAD_CONFIGURATION, "dev.retort.hibernate.fixtures.plain", Map.of());
        assertTrue(message.contains("none of the 1 classes in dev.retort.hibernate.fixtures.plain is annotated @Entity"),
                message);
    }

    @Test
    void javaxEntitiesAreToldToMoveToJakarta() throws Exception {
        Path classes = Sources.compile(dir.resolve("javax"), Map.of(
                "javax.persistence.Entity", "package javax.persistence; @java.lang.annotation.Retention("
                        + "java.lang.annotation.RetentionPolicy.RUNTIME) public @interface Entity {}",
                "legacy.Old", "package legacy; @javax.persistence.Entity public class Old {}"));
        String message = fails(ErrorCode.BAD_CONFIGURATION, "legacy", classes);
        assertTrue(message.contains("legacy use javax.persistence"), message);
        assertTrue(message.contains("move them to jakarta.persistence"), message);
    }

    @Test
    void aClassThatCannotBeLoadedIsNamedWithWhatItLacks() throws Exception {
        Path classes = Sources.compile(dir.resolve("broken"), Map.of(
                "broken.Base", "package broken; public class Base {}",
                "broken.Child", "package broken; @jakarta.persistence.Entity public class Child extends Base {"
                        + " @jakarta.persistence.Id Long id; }"));
        Files.delete(classes.resolve("broken/Base.class"));
        String message = fails(ErrorCode.BAD_CONFIGURATION, "broken", classes);
        assertTrue(message.contains("class broken.Child cannot be loaded (java.lang.NoClassDefFoundError: broken/Base)"),
                message);
        assertTrue(message.endsWith("put what it needs on the class path"), message);
    }

    @Test
    void aMappingHibernateRejectsNamesTheEntity() throws Exception {
        String message = fails(ErrorCode.BAD_CONFIGURATION, "dev.retort.hibernate.fixtures.noid", Map.of());
        assertTrue(message.startsWith("model jpa:dev.retort.hibernate.fixtures.noid: Hibernate rejects the mapping: "),
                message);
        assertTrue(message.contains("'dev.retort.hibernate.fixtures.noid.NoId' has no identifier"), message);
    }

    @Test
    void anUnknownNamingStrategyIsNamed() throws Exception {
        String message = fails(ErrorCode.BAD_CONFIGURATION, TestModels.SHOP,
                Map.of("hibernate.physical_naming_strategy", "com.example.NoSuchStrategy"));
        assertTrue(message.contains("com.example.NoSuchStrategy"), message);
        assertTrue(message.contains("model.hibernate.* setting"), message);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void ddlTheDatabaseRefusesIsADatabaseErrorNamingTheStatement(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir); Connection c = db.connect()) {
            var e = assertThrows(RetortException.class, () -> new JpaModelSource()
                    .create("dev.retort.hibernate.fixtures.refused", TestModels.context(db, c, Map.of())));
            assertEquals(ErrorCode.DATABASE_ERROR, e.code());
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().contains("the database refuses Hibernate's DDL create table Refused ("),
                    e.getMessage());
            assertTrue(e.getMessage().contains("integer check (quantity >)"), e.getMessage());
            assertTrue(e.getMessage().contains(kind == TestDatabase.Kind.MARIADB ? "SQL syntax" : "syntax error"),
                    e.getMessage());
            assertFalse(c.isClosed(), "the caller's connection stays open");
        }
    }

    @Test
    void aDialectHibernateIsNotGivenIsNamed() throws Exception {
        try (TestDatabase db = TestDatabase.sqlite(dir.resolve("x.db")); Connection c = db.connect()) {
            var e = assertThrows(RetortException.class, () -> new JpaModelSource()
                    .create(TestModels.SHOP, new ModelSource.Context(getClass().getClassLoader(), c, "oracle", Map.of())));
            assertEquals(ErrorCode.BAD_CONFIGURATION, e.code());
            assertTrue(e.getMessage().contains("knows postgresql, sqlite and mysql, not oracle"), e.getMessage());
        }
    }

    private String fails(ErrorCode code, String spec, Map<String, String> settings) throws Exception {
        try (TestDatabase db = TestDatabase.sqlite(dir.resolve("errors.db")); Connection c = db.connect()) {
            return fails(code, spec, TestModels.context(db, c, settings));
        }
    }

    private String fails(ErrorCode code, String spec, Path classes) throws Exception {
        try (TestDatabase db = TestDatabase.sqlite(dir.resolve("errors.db")); Connection c = db.connect();
                var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            return fails(code, spec, new ModelSource.Context(loader, c, "sqlite", Map.of()));
        }
    }

    private static String fails(ErrorCode code, String spec, ModelSource.Context context) {
        var e = assertThrows(RetortException.class, () -> new JpaModelSource().create(spec, context));
        assertEquals(code, e.code(), e.getMessage());
        assertOneLine(e.getMessage());
        return e.getMessage();
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }
}
