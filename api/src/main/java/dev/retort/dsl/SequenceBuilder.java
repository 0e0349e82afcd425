package dev.retort.dsl;

import dev.retort.op.CreateSequence;
import dev.retort.schema.TableName;
import java.util.function.Consumer;

/** Describes a PostgreSQL sequence. */
public final class SequenceBuilder {

    private Long start;
    private Long increment;
    private boolean ifNotExists;

    private SequenceBuilder() {
    }

    static CreateSequence build(TableName name, Consumer<SequenceBuilder> spec) {
        var builder = new SequenceBuilder();
        spec.accept(builder);
        return new CreateSequence(name, builder.start, builder.increment, builder.ifNotExists);
    }

    public SequenceBuilder start(long value) {
        start = value;
        return this;
    }

    public SequenceBuilder increment(long value) {
        increment = value;
        return this;
    }

    public SequenceBuilder ifNotExists() {
        ifNotExists = true;
        return this;
    }
}
