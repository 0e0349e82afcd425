package dev.retort.op;

import dev.retort.schema.TableName;

/**
 * {@code COMMENT ON TABLE}: sets ({@code null} removes) a table's comment; reversible when the
 * old comment is given. SQLite has no comments and records nothing.
 */
public record SetTableComment(TableName table, Change<String> comment) implements Op {

    public SetTableComment {
        java.util.Objects.requireNonNull(table, "table");
        java.util.Objects.requireNonNull(comment, "comment");
    }

    @Override
    public Op reverse() {
        if (!comment.fromGiven()) {
            throw new IrreversibleOpException(this, "give the table's previous comment, or write downgrade()");
        }
        return new SetTableComment(table, comment.reversed());
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.setTableComment(this);
    }

    @Override
    public String describe() {
        return "setTableComment(" + table + ")";
    }
}
