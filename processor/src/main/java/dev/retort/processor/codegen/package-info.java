/**
 * Writes the revision index: one JavaPoet class per compilation, deterministic (revisions sorted
 * by id, the index order the runtime uses to break ties), and its {@code META-INF/services} entry.
 */
package dev.retort.processor.codegen;
