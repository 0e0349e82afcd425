package dev.retort.spring.example;

import dev.retort.runtime.testing.TestDatabase;
import dev.retort.spring.TestApps;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example's @DataJpaTest on Sqlite: Retort is part of the slice, as Flyway is. (Spring Boot 3.5) */
@DataJpaTest(showSql = false, properties = "spring.test.database.replace=none")
class DataJpaSliceSqliteTest extends DataJpaSliceContract {

    static final TestDatabase DB = TestApps.sqliteInTempDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestApps.register(registry, DB);
    }

    @AfterAll
    static void drop() throws Exception {
        DB.close();
    }
}
