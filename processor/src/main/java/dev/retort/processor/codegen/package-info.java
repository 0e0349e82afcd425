/**
 * Writes the revision index, deterministic (revisions sorted by id, the index order the runtime
 * uses to break ties): on the class path as a class file ({@link
 * dev.retort.processor.codegen.IndexClassFile}, which costs javac no extra round), in a named
 * module as a JavaPoet source ({@link dev.retort.processor.codegen.IndexSource}, which its
 * {@code module-info} can name); both from one {@link dev.retort.processor.codegen.IndexContent}.
 */
package dev.retort.processor.codegen;
