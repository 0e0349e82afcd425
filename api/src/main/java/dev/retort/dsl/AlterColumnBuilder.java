package dev.retort.dsl;

import dev.retort.op.AlterColumn;
import dev.retort.op.Change;
import dev.retort.schema.EnumType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@link Ops#alterColumn} changes. The {@code existing…} values say what the column was, so
 * the default downgrade can change it back.
 */
public final class AlterColumnBuilder {

    private SqlType type;
    private SqlType existingType;
    private boolean typeGiven;
    private boolean existingTypeGiven;
    private String using;
    private Boolean nullable;
    private Boolean existingNullable;
    private boolean existingNullableGiven;
    private ServerDefault serverDefault;
    private boolean defaultChanged;
    private ServerDefault existingServerDefault;
    private boolean existingDefaultGiven;
    private String comment;
    private boolean commentChanged;
    private String existingComment;
    private boolean existingCommentGiven;

    private AlterColumnBuilder() {
    }

    static AlterColumn build(TableName table, String column, Consumer<AlterColumnBuilder> spec) {
        var builder = new AlterColumnBuilder();
        spec.accept(builder);
        return new AlterColumn(table, column,
                builder.typeGiven ? change(EnumType.qualified(builder.type, table.schema()),
                        builder.existingType == null ? null : EnumType.qualified(builder.existingType, table.schema()),
                        builder.existingTypeGiven) : null,
                builder.using,
                builder.nullable != null ? change(builder.nullable, builder.existingNullable, builder.existingNullableGiven) : null,
                builder.defaultChanged ? change(builder.serverDefault, builder.existingServerDefault, builder.existingDefaultGiven) : null,
                builder.commentChanged ? change(builder.comment, builder.existingComment, builder.existingCommentGiven) : null);
    }

    private static <T> Change<T> change(T to, T from, boolean fromGiven) {
        return new Change<>(to, from, fromGiven);
    }

    /** A new type; values convert implicitly unless {@link #using} says how. */
    public AlterColumnBuilder type(SqlType value) {
        type = Objects.requireNonNull(value, "type");
        typeGiven = true;
        return this;
    }

    /** PostgreSQL's {@code USING}: how old values become the new type, e.g. {@code "code::integer"}. */
    public AlterColumnBuilder using(String expression) {
        using = Objects.requireNonNull(expression, "expression");
        return this;
    }

    public AlterColumnBuilder notNull() {
        nullable = false;
        return this;
    }

    public AlterColumnBuilder nullable() {
        nullable = true;
        return this;
    }

    public AlterColumnBuilder serverDefault(ServerDefault value) {
        serverDefault = Objects.requireNonNull(value, "server default");
        defaultChanged = true;
        return this;
    }

    public AlterColumnBuilder dropServerDefault() {
        serverDefault = null;
        defaultChanged = true;
        return this;
    }

    public AlterColumnBuilder comment(String text) {
        comment = Objects.requireNonNull(text, "comment");
        commentChanged = true;
        return this;
    }

    public AlterColumnBuilder dropComment() {
        comment = null;
        commentChanged = true;
        return this;
    }

    public AlterColumnBuilder existingType(SqlType value) {
        existingType = Objects.requireNonNull(value, "existing type");
        existingTypeGiven = true;
        return this;
    }

    public AlterColumnBuilder existingNullable(boolean value) {
        existingNullable = value;
        existingNullableGiven = true;
        return this;
    }

    /** The default before the change; {@code null} when there was none. */
    public AlterColumnBuilder existingServerDefault(ServerDefault value) {
        existingServerDefault = value;
        existingDefaultGiven = true;
        return this;
    }

    /** The comment before the change; {@code null} when there was none. */
    public AlterColumnBuilder existingComment(String text) {
        existingComment = text;
        existingCommentGiven = true;
        return this;
    }
}
