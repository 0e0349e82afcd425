package dev.retort.op;

/**
 * One recorded schema operation. Ops are immutable values: rendering them to SQL is the
 * runtime's job, and their content (not the migration's source text) is what the checksum of
 * an applied revision covers.
 */
public sealed interface Op
        permits CreateTable, DropTable, RenameTable, SetTableComment, AddColumn, DropColumn, RenameColumn, AlterColumn,
                CreateIndex, DropIndex, AddConstraint, DropConstraint, CreateEnum, DropEnum, AddEnumValue,
                CreateSequence, DropSequence, CreateView, DropView, CreateSchema, DropSchema, Execute, BulkInsert,
                RunJdbc, BatchAlterTable, OnlyOn {

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

    /**
     * Whether the op must run outside a transaction ({@code CREATE INDEX CONCURRENTLY}), so only in
     * a migration declared {@code transactional = false}.
     */
    default boolean needsNoTransaction() {
        return this instanceof CreateIndex c && c.concurrently() || this instanceof DropIndex d && d.concurrently();
    }
}
