package dev.retort.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ops that apply on some databases only, as histories that serve several branch on the dialect
 * ({@code if op.get_bind().dialect.name == "postgresql":}). On the other databases, online and in
 * offline SQL alike, the block does nothing.
 *
 * @param dialects the databases it applies on, sorted ({@code mysql}, {@code postgresql}, {@code sqlite})
 */
public record OnlyOn(List<String> dialects, List<Op> ops) implements Op {

    /** The dialect names Retort renders for; a misspelt one would silently skip its block. */
    public static final Set<String> DIALECTS = dev.retort.schema.NamedType.DIALECTS;

    public OnlyOn {
        Objects.requireNonNull(dialects, "dialects");
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("only(...) needs at least one dialect: mysql, postgresql or sqlite");
        }
        dialects = dialects.stream().map(dev.retort.schema.NamedType::dialectName).toList();
        for (String d : dialects) {
            if (!DIALECTS.contains(d)) {
                throw new IllegalArgumentException("only(\"" + d + "\", ...): no dialect is called " + d + "; use "
                        + String.join(" or ", new TreeSet<>(DIALECTS)));
            }
        }
        // Sorted and unique, so a migration's checksum does not depend on the order they were given.
        dialects = List.copyOf(new TreeSet<>(dialects));
        ops = List.copyOf(ops);
    }

    /** Whether the block applies on this dialect. */
    public boolean appliesTo(String dialect) {
        return dialects.contains(dialect);
    }

    @Override
    public Op reverse() {
        var reversed = new ArrayList<Op>(ops.size());
        for (int i = ops.size() - 1; i >= 0; i--) {
            reversed.add(ops.get(i).reverse());
        }
        return new OnlyOn(dialects, reversed);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.onlyOn(this);
    }

    @Override
    public String describe() {
        return "only(" + String.join(", ", dialects) + ": " + ops.size() + " ops)";
    }

    @Override
    public boolean needsNoTransaction() {
        return ops.stream().anyMatch(Op::needsNoTransaction);
    }
}
