/**
 * Reads what javac knows into plain values: each {@code @Revision} class becomes a
 * {@link dev.retort.processor.model.RevisionDeclaration}, and the indexes of other compilations
 * on the class path become {@link dev.retort.processor.model.ForeignRevision}s.
 */
package dev.retort.processor.model;
