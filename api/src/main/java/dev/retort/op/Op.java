package dev.retort.op;

/**
 * One recorded schema operation. Ops are immutable values: rendering them to SQL is the
 * runtime's job, and their content (not the migration's source text) is what the checksum of
 * an applied revision covers.
 */
public sealed interface Op
        permits CreateTable, DropTable, AddColumn, DropColumn, RenameColumn, RenameTable, CreateIndex, DropIndex,
                Execute {

    /**
     * The op that undoes this one.
     *
     * @throws IrreversibleOpException when this op lacks what its reverse needs (a drop that
     *     does not carry the dropped definition, raw SQL without a reverse statement)
     */
    Op reverse();

    <R> R accept(OpVisitor<R> visitor);

    /** A short form for messages, as a migration author would recognise it: {@code addColumn(users.email)}. */
    String describe();
}
