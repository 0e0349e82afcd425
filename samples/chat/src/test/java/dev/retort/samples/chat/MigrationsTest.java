package dev.retort.samples.chat;

import dev.retort.testkit.MigrationChecks;

/** The kit's checks on the sample's migrations, on a fresh SQLite file each. */
class MigrationsTest extends MigrationChecks {
}
