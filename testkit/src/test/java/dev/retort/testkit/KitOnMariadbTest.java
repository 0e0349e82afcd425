package dev.retort.testkit;

import dev.retort.runtime.RetortConfig;
import java.util.List;

/** The sound set of {@link KitTest} through every check on MariaDB, each in a fresh database beside {@code test}. */
@RetortChecks(url = "${RETORT_TEST_MARIADB_URL:-jdbc:mariadb://127.0.0.1:3306/test?user=root}")
class KitOnMariadbTest extends MigrationChecks {

    @Override
    protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
        return builder.indexes(List.of(KitTest.sound()));
    }
}
