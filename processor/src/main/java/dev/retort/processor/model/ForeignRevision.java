package dev.retort.processor.model;

import dev.retort.index.RevisionInfo;

/**
 * A revision of another jar's index: it takes part in the graph checks, but this compilation
 * neither reports on it nor lists it.
 *
 * @param indexName the index that lists it, for messages
 */
public record ForeignRevision(RevisionInfo info, String indexName) {
}
