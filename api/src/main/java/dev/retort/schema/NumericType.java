package dev.retort.schema;

/** {@code NUMERIC(precision, scale)}. */
public record NumericType(int precision, int scale) implements SqlType {

    public NumericType {
        if (precision < 1 || precision > 1000) {
            throw new IllegalArgumentException("numeric precision must be between 1 and 1000, not " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException(
                    "numeric scale must be between 0 and the precision " + precision + ", not " + scale);
        }
    }

    @Override
    public String describe() {
        return "NUMERIC(" + precision + ", " + scale + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.numeric(this);
    }
}
