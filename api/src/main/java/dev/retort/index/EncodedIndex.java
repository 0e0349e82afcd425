package dev.retort.index;

import java.util.List;

/**
 * What every generated index extends: its revisions, the indexes it supersedes and those it
 * requires, handed over as the text constants the processor writes, and decoded once, when first
 * asked for. A generated index adds only {@link #newMigration(int)}, so the code the processor
 * writes (a class file on the class path, a source in a named module) stays small.
 */
public abstract class EncodedIndex implements MigrationIndex {

    private final String[] text;
    private volatile List<RevisionInfo> revisions;
    private final List<String> supersedes;
    private final List<String> requires;

    /**
     * @param supersedes the superseded indexes' names, comma-separated (empty for none)
     * @param requires the required indexes' names, comma-separated (empty for none)
     * @param revisions the revisions as {@link IndexCodec} text, in index order
     */
    protected EncodedIndex(String supersedes, String requires, String... revisions) {
        this.text = revisions.clone();
        this.supersedes = names(supersedes);
        this.requires = names(requires);
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }

    @Override
    public final List<RevisionInfo> revisions() {
        List<RevisionInfo> decoded = revisions;
        if (decoded == null) {
            decoded = List.copyOf(IndexCodec.decode(text));
            revisions = decoded;
        }
        return decoded;
    }

    /**
     * The revisions no other in this index revises, read without decoding the rest
     * ({@link IndexCodec#heads}): for a start that finds its database at head.
     */
    public final List<String> heads() {
        return IndexCodec.heads(text);
    }

    @Override
    public final List<String> supersedes() {
        return supersedes;
    }

    @Override
    public final List<String> requires() {
        return requires;
    }
}
