package dev.retort.buildtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What the jars say about themselves: the command line's fat jar keeps every bundled library's
 * licence and lists each in META-INF/THIRD-PARTY.txt, and every published artifact carries
 * Retort's LICENSE and NOTICE and a JPMS name.
 */
class LicenseFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("retort.root", ".."));

    private static final Map<String, String> PUBLISHED = Map.of(
            "api", "dev.retort.api", "processor", "dev.retort.processor", "runtime", "dev.retort.runtime",
            "cli", "dev.retort.cli", "testkit", "dev.retort.testkit", "hibernate", "dev.retort.hibernate",
            "spring-boot-starter", "dev.retort.spring", "maven-plugin", "dev.retort.maven");

    @Test
    void theFatJarKeepsEveryLibrarysLicence() throws IOException {
        Path thin = Tools.artifact("retort-cli-");
        Path fat = thin.resolveSibling(thin.getFileName().toString().replace(".jar", "-all.jar"));
        assertTrue(Files.isRegularFile(fat), fat + " is built by the cli module's package phase");
        try (var jar = new JarFile(fat.toFile())) {
            String thirdParty = text(jar, "META-INF/THIRD-PARTY.txt");
            var bundled = new ArrayList<String>();
            jar.stream().filter(e -> e.getName().matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties")).forEach(e -> {
                var pom = new Properties();
                try (InputStream in = jar.getInputStream(e)) {
                    pom.load(in);
                } catch (IOException x) {
                    throw new AssertionError(x);
                }
                if (!pom.getProperty("groupId").equals("dev.retort")) {
                    bundled.add(pom.getProperty("groupId") + ":" + pom.getProperty("artifactId") + ":"
                            + pom.getProperty("version"));
                }
            });
            // pgjdbc, picocli, reactive-streams and checker-qual carry no pom.properties; they are named here.
            bundled.addAll(List.of("org.postgresql:postgresql:", "info.picocli:picocli:",
                    "org.reactivestreams:reactive-streams:", "org.checkerframework:checker-qual:"));
            assertTrue(bundled.size() >= 10, "the drivers, jOOQ, picocli, JavaPoet, junixsocket…: " + bundled);
            for (String library : bundled) {
                assertTrue(thirdParty.contains("(" + library + (library.endsWith(":") ? "" : " ")),
                        library + " is listed with its licence:\n" + thirdParty);
            }
            assertTrue(thirdParty.contains("(BSD-2-Clause) PostgreSQL JDBC Driver"), thirdParty);
            assertTrue(thirdParty.contains("(LGPL-2.1-or-later) mariadb-java-client (org.mariadb.jdbc:mariadb-java-client:"),
                    thirdParty);

            String licence = text(jar, "META-INF/LICENSE");
            assertTrue(licence.strip().startsWith("Apache License"), "Retort's own licence comes first");
            assertTrue(licence.contains("Copyright (c) 1997, PostgreSQL Global Development Group"),
                    "pgjdbc's BSD licence, which a plain shade merge drops");
            assertTrue(text(jar, "META-INF/NOTICE").contains("Retort"), "Retort's NOTICE");
            assertTrue(text(jar, "META-INF/NOTICE").contains("Reactive Relational Database Connectivity"),
                    "r2dbc-spi's NOTICE, appended");
            assertTrue(text(jar, "META-INF/LICENSE.txt").contains("MIT License"), "checker-qual's licence, beside"
                    + " jOOQ's");
            assertNotNull(jar.getEntry("META-INF/licenses/com.ongres.scram/scram-client-3.2/META-INF/LICENSE"),
                    "the licences pgjdbc keeps for what it shades");
            assertNotNull(jar.getEntry("META-INF/maven/org.xerial/sqlite-jdbc/LICENSE"), "SQLite's driver's licence");
            // Connector/J's jar carries no licence text; the LGPL's, and how to replace the library, are added.
            assertTrue(text(jar, "META-INF/licenses/org.mariadb.jdbc/mariadb-java-client/LICENSE")
                    .contains("GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 2.1"), "LGPL 2.1's text");
            assertTrue(text(jar, "META-INF/licenses/org.mariadb.jdbc/mariadb-java-client/NOTICE")
                    .contains("replace them there"), "how to use another build of Connector/J");
        }
    }

    @Test
    void everyPublishedJarNamesItsModuleAndCarriesTheLicence() throws IOException {
        for (var module : PUBLISHED.entrySet()) {
            Path jar = jarOf(module.getKey());
            try (var file = new JarFile(jar.toFile())) {
                assertEquals(module.getValue(), file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                        jar.toString());
                assertTrue(text(file, "META-INF/LICENSE").contains("Apache License"), jar + " has META-INF/LICENSE");
                assertTrue(text(file, "META-INF/NOTICE").startsWith("Retort"), jar + " has META-INF/NOTICE");
            }
        }
    }

    private static Path jarOf(String module) throws IOException {
        try (var files = Files.list(ROOT.resolve(module).resolve("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("retort-" + module
                    + "-[0-9][^-]*(-SNAPSHOT)?\\.jar")).toList();
            assertEquals(1, jars.size(), "the " + module + " module's jar: " + jars);
            return jars.get(0);
        }
    }

    private static String text(JarFile jar, String name) throws IOException {
        var entry = jar.getEntry(name);
        assertNotNull(entry, name + " in " + jar.getName());
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
