package dev.retort.samples.chat;

import dev.retort.testkit.MigrationChecks;
import dev.retort.testkit.RetortChecks;

/** The kit's checks on the sample's migrations, on a fresh SQLite file each. */
@RetortChecks(namingConvention = "database")
class MigrationsTest extends MigrationChecks {
}
