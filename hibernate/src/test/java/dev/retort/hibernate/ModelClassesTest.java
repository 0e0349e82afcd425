package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the mapped classes of packages in directories and jars. */
class ModelClassesTest {

    private static final Map<String, String> JARRED = Map.of(
            "jarred.Thing", "package jarred; @jakarta.persistence.Entity public class Thing { @jakarta.persistence.Id Long id; }",
            "jarred.deep.Part", "package jarred.deep; @jakarta.persistence.Embeddable public class Part { String name; }",
            "jarred.Helper", "package jarred; public class Helper {}",
            "jarredx.Other", "package jarredx; @jakarta.persistence.Entity public class Other { @jakarta.persistence.Id Long id; }");

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsWalkedIntoSubPackagesAndOnlyMappedClassesAreKept() {
        List<String> found = ModelClasses.find(getClass().getClassLoader(), List.of(TestModels.SHOP), "test").stream()
                .map(Class::getSimpleName).sorted().toList();
        assertEquals(List.of("Address", "Audited", "BankTransfer", "CardPayment", "Customer", "FreightShipment",
                "OrderLine", "ParcelShipment", "Payment", "Product", "PurchaseOrder", "Shipment", "SkuConverter", "Tag"),
                found);
    }

    @Test
    void aJarWithDirectoryEntriesIsFoundThroughTheLoader() throws Exception {
        assertFindsJarred(Sources.jar(compiled(), dir.resolve("with-dirs.jar"), true));
    }

    @Test
    void aJarWithoutDirectoryEntriesIsFoundThroughTheUrlClassLoaderChain() throws Exception {
        assertFindsJarred(Sources.jar(compiled(), dir.resolve("no-dirs.jar"), false));
    }

    private void assertFindsJarred(Path jar) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        // The jar sits in the parent, as Hibernate's jars would beside a project's classes.
        try (var parent = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                var child = new URLClassLoader(new URL[] {empty.toUri().toURL()}, parent)) {
            assertEquals(List.of("jarred.Helper", "jarred.Thing", "jarred.deep.Part"),
                    List.copyOf(ModelClasses.classNames(child, "jarred")));
            List<String> mapped = ModelClasses.find(child, List.of("jarred"), "test").stream().map(Class::getName).toList();
            assertEquals(List.of("jarred.Thing", "jarred.deep.Part"), mapped);
            assertTrue(mapped.stream().allMatch(name -> !name.startsWith("jarredx")));
        }
    }

    private Path compiled() throws Exception {
        return Sources.compile(dir.resolve("classes"), JARRED);
    }
}
