package dev.retort.runtime.model;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.model.SchemaBuilder;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.RenderContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Makes a model in a scratch database: {@code class:} here, any other scheme by its {@link ModelSource}. */
public final class Models {

    private Models() {
    }

    public static void create(Model model, ModelSource.Context context, Dialect dialect, RenderContext render)
            throws SQLException {
        if (model.scheme().equals("class")) {
            DeclaredModel.create(model.spec(), context.classes(), context.connection(), dialect, render);
            return;
        }
        source(model, context.classes()).create(model.spec(), context);
    }

    /** Makes what {@code schema} declares in {@code connection}, as {@code class:} makes a {@link dev.retort.model.DeclaredSchema}. */
    public static void declare(SchemaBuilder schema, String origin, java.sql.Connection connection, Dialect dialect,
            RenderContext render) throws SQLException {
        DeclaredModel.make(schema.declared(), origin, connection, dialect, render);
    }

    private static ModelSource source(Model model, ClassLoader classes) {
        var known = new ArrayList<String>(List.of("class", "url"));
        try {
            for (ModelSource source : ServiceLoader.load(ModelSource.class, classes)) {
                if (source.scheme().equals(model.scheme())) {
                    return source;
                }
                known.add(source.scheme());
            }
        } catch (ServiceConfigurationError e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, model.origin() + ": a model source on the class path"
                    + " cannot be loaded (" + e.getMessage() + "); check that its jars match this Retort", e);
        }
        String hint = model.scheme().equals("jpa")
                ? "; put retort-hibernate and Hibernate ORM on --classpath (or classpath in retort.properties) with the entities"
                : "";
        throw new RetortException(ErrorCode.BAD_CONFIGURATION, model.origin() + ": no model source for '" + model.scheme()
                + ":' on the class path (known: " + String.join(", ", known) + ")" + hint);
    }
}
