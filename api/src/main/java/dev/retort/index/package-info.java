/**
 * The contract between generated code and the runtime. For each compilation that contains
 * {@link dev.retort.Revision} classes the processor writes one {@link dev.retort.index.MigrationIndex}
 * and registers it in {@code META-INF/services}; the runtime loads every index with
 * {@link java.util.ServiceLoader}, so jars, fat jars and class folders all work alike. The index
 * carries its revisions as text in the form of {@link dev.retort.index.IndexCodec}.
 */
package dev.retort.index;
