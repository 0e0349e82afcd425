package dev.retort.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An enum that is no database type: a {@code VARCHAR} as long as the longest value and a
 * {@code CHECK} that the column holds one of the values, on every database. It is what
 * SQLAlchemy makes of {@code Enum(..., native_enum=False, create_constraint=True)}; the check is
 * named by the naming convention's check template with the enum's name as its
 * {@code constraint_name} (with no convention, the enum's name itself).
 *
 * @param name names the check constraint
 */
public record StringEnumType(String name, List<String> values) implements SqlType {

    public StringEnumType {
        Names.check(name, "enum name");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("enum " + name + " needs at least one value");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("enum " + name + " lists a value twice: " + values);
        }
        values.forEach(v -> Objects.requireNonNull(v, "enum value"));
    }

    /** The column's length: the longest value, in characters. */
    public int length() {
        return values.stream().mapToInt(v -> v.codePointCount(0, v.length())).max().orElse(1);
    }

    @Override
    public String describe() {
        return "ENUM " + name + " " + values + " (not native)";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.stringEnum(this);
    }
}
