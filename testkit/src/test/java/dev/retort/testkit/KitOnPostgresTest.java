package dev.retort.testkit;

import dev.retort.runtime.RetortConfig;
import java.util.List;

/** The sound set of {@link KitTest} through every check on PostgreSQL, each in a fresh schema. */
@RetortChecks(url = "${RETORT_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}")
class KitOnPostgresTest extends MigrationChecks {

    @Override
    protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
        return builder.indexes(List.of(KitTest.sound()));
    }
}
