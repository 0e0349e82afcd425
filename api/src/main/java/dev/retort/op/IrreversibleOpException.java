package dev.retort.op;

import dev.retort.ErrorCode;
import dev.retort.RetortException;

/** An op was asked for its reverse and lacks what the reverse needs; the message says what to add. */
public final class IrreversibleOpException extends RetortException {

    private final transient Op op;

    public IrreversibleOpException(Op op, String remedy) {
        super(ErrorCode.IRREVERSIBLE_OP, op.describe() + " cannot be reversed: " + remedy);
        this.op = op;
    }

    public Op op() {
        return op;
    }
}
