/**
 * The dialect stage: each supported database renders every op to SQL statements through an
 * {@link dev.retort.op.OpVisitor}, maps portable types to native ones, and declares what it can
 * do. PostgreSQL renders through jOOQ where jOOQ is right; SQLite is rendered here, because
 * jOOQ's SQLite quoting and types are not (see the notes in {@code SqliteRenderer}).
 */
package dev.retort.runtime.dialect;
