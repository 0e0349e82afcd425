/**
 * The index stage of the runtime: every generated {@link dev.retort.index.MigrationIndex} on the
 * class path, loaded with {@link java.util.ServiceLoader} (no scanning), becomes one
 * {@link dev.retort.runtime.index.MigrationSet}: the revision graph plus a way to create each
 * revision's migration when, and only when, its step runs.
 */
package dev.retort.runtime.index;
