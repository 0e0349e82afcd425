/**
 * The compile-time stage: {@link dev.retort.processor.RevisionProcessor} reads every
 * {@code @Revision} class, checks it and the whole revision graph, and writes the revision index
 * that the runtime loads. The processor itself is thin: {@code model} reads declarations,
 * {@code validate} checks them, {@code codegen} writes the index.
 */
package dev.retort.processor;
