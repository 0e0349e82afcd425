/**
 * The fluent op DSL a migration writes against. {@link dev.retort.dsl.Ops} records immutable
 * {@link dev.retort.op.Op} values and executes nothing; builders check their arguments at once,
 * so a mistake fails on the line of the migration that made it.
 */
package dev.retort.dsl;
