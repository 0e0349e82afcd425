/**
 * The checks: {@link dev.retort.processor.validate.ElementChecks} for what each migration class
 * must be, {@link dev.retort.processor.validate.GraphChecks} for the graph they form together
 * (through the same {@link dev.retort.graph.RevisionGraph} rules the runtime applies).
 */
package dev.retort.processor.validate;
