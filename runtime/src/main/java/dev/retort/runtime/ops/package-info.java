/**
 * The operations stage: each step of a plan becomes a {@link dev.retort.runtime.ops.PreparedStep},
 * its migration's ops recorded, rendered for the dialect and checksummed. An online run prepares
 * each transaction's steps just before it begins, as Alembic runs each step it can, so a
 * migration that cannot be recorded, reversed or rendered stops the run at its own step: the
 * transactions before it stay committed and nothing of its own runs. Offline SQL prepares the
 * whole plan first, as it prints one script; {@code validate} prepares every step a run could
 * take, running none.
 */
package dev.retort.runtime.ops;
