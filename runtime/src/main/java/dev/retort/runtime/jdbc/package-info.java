/**
 * The JDBC stage: connection URLs, the version and history tables, and the runner that executes
 * prepared steps, one transaction per migration, recording each in both tables.
 */
package dev.retort.runtime.jdbc;
