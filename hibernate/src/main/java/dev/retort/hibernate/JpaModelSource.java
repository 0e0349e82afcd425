package dev.retort.hibernate;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.model.ModelSource;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code model=jpa:com.example.model[,com.example.other]}: the JPA entities of those packages and
 * their sub-packages, as Hibernate ORM creates their schema. Found by {@link java.util.ServiceLoader}
 * when this module and Hibernate are on the class path that holds the model.
 *
 * <p>Everything JPA decides (names, types, keys, join tables, inheritance) is Hibernate's: its
 * metadata is built from the annotated classes and its schema tool runs the DDL. The
 * {@code model.*} settings of {@code retort.properties} are Hibernate settings
 * ({@code model.hibernate.physical_naming_strategy=...}).
 */
public final class JpaModelSource implements ModelSource {

    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern PACKAGE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

    @Override
    public String scheme() {
        return "jpa";
    }

    /**
     * @throws RetortException {@code BAD_CONFIGURATION} for a spec that names no package, packages
     *     without entities, a class that cannot be loaded or a mapping Hibernate rejects;
     *     {@code DATABASE_ERROR} for DDL the database refuses
     */
    @Override
    public void create(String spec, Context context) throws SQLException {
        String model = scheme() + ":" + spec;
        List<String> packages = packages(spec, model);
        if (!HibernateSchema.supports(context.dialect())) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model " + model + ": the JPA model source knows "
                    + "postgresql, sqlite and mysql, not " + context.dialect() + "; use one of those");
        }
        List<Class<?>> classes = ModelClasses.find(context.classes(), packages, model);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        QuietLogging quiet = QuietLogging.during();
        // Hibernate looks up the user's classes (naming strategies, converters, types) through the
        // context class loader too, after the one it was given; both must be the model's.
        thread.setContextClassLoader(context.classes());
        try {
            HibernateSchema.create(classes, context, model);
        } finally {
            thread.setContextClassLoader(before);
            quiet.restore();
        }
    }

    private static List<String> packages(String spec, String model) {
        if (spec.isBlank()) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model " + model + " names no package; give the "
                    + "packages of the entities, separated by commas (model=jpa:com.example.model)");
        }
        List<String> packages = Arrays.stream(spec.split(",", -1)).map(String::strip).toList();
        for (String p : packages) {
            if (!PACKAGE.matcher(p).matches()) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model " + model + ": '" + p
                        + "' is no Java package name; give the packages of the entities, separated by commas "
                        + "(model=jpa:com.example.model)");
            }
        }
        return packages;
    }
}
