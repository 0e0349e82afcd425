package dev.retort.op;

import java.util.Objects;

/**
 * A data migration in Java: code that reads before it writes, run on the migration's connection
 * and transaction. It cannot be printed, so offline mode refuses a migration that has one. The
 * description stands for it in checksums and messages: change it when the code changes.
 *
 * @param undo the code that undoes it; {@code null} when the migration gave none
 */
public record RunJdbc(String description, JdbcWork work, JdbcWork undo) implements Op {

    public RunJdbc {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a JDBC step needs a description");
        }
        Objects.requireNonNull(work, "work");
    }

    @Override
    public Op reverse() {
        if (undo == null) {
            throw new IrreversibleOpException(this, "give the code that undoes it, op.run(description, work, reverse),"
                    + " or write downgrade()");
        }
        return new RunJdbc("undo " + description, undo, work);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.runJdbc(this);
    }

    @Override
    public String describe() {
        return "run(\"" + description + "\")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunJdbc r && r.description.equals(description);
    }

    @Override
    public int hashCode() {
        return description.hashCode();
    }

    @Override
    public String toString() {
        return "RunJdbc[" + description + "]";
    }
}
