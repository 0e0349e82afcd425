package dev.retort.spring;

import dev.retort.runtime.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Starts the tests' applications on a test's own database; the same calls on Spring Boot 3.5 and 4.0. */
public final class TestApps {

    private TestApps() {
    }

    public static List<String> databaseProperties(TestDatabase db) {
        var properties = new ArrayList<String>();
        properties.add("spring.datasource.url=" + db.url());
        if (db.kind() == TestDatabase.Kind.SQLITE) {
            properties.add("spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect");
        }
        return properties;
    }

    /** For slice tests, whose database outlives a test method: an SQLite file in a folder of its own. */
    public static TestDatabase sqliteInTempDir() {
        try {
            return TestDatabase.sqlite(Files.createTempDirectory("retort-slice").resolve("slice.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For slice tests: the same properties through {@code @DynamicPropertySource}. */
    public static void register(DynamicPropertyRegistry registry, TestDatabase db) {
        for (String property : databaseProperties(db)) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
    }

    public static SpringApplicationBuilder app(TestDatabase db, Class<?>... sources) {
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
                .properties(databaseProperties(db).toArray(String[]::new));
    }

    /** What the user reads when the start fails: the failure analysis Retort's analyzer makes. */
    public static FailureAnalysis analysis(Throwable failure) {
        FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(failure);
        if (analysis == null) {
            throw new AssertionError("Retort's failure analyzer did not recognize the failure", failure);
        }
        return analysis;
    }
}
