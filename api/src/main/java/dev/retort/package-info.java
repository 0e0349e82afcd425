/**
 * The first stage of the data flow: what a developer writes. A migration is a class annotated
 * with {@link dev.retort.Revision} that implements {@link dev.retort.Migration}; everything Retort
 * reports goes through {@link dev.retort.RetortException} with a stable {@link dev.retort.ErrorCode}.
 */
package dev.retort;
