/**
 * The operations stage: each step of a plan becomes a {@link dev.retort.runtime.ops.PreparedStep},
 * its migration's ops recorded, rendered for the dialect and checksummed. Every step of a run is
 * prepared before the first one executes, so a migration that cannot be recorded, reversed or
 * rendered fails the run while the database is still untouched.
 */
package dev.retort.runtime.ops;
