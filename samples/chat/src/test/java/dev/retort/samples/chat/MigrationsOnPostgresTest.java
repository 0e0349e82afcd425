package dev.retort.samples.chat;

import dev.retort.testkit.MigrationChecks;
import dev.retort.testkit.RetortChecks;

/** The kit's checks on PostgreSQL, each in a fresh schema. */
@RetortChecks(namingConvention = "database", url = "${RETORT_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}")
class MigrationsOnPostgresTest extends MigrationChecks {
}
