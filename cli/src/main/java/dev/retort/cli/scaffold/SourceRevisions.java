package dev.retort.cli.scaffold;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The revisions declared in migration sources, read from their {@code @Revision} annotations
 * without compiling: what {@code revision} and {@code merge} need to know the heads before the
 * code is built. The sources are parsed by javac's own parser (comments and Javadoc are not code;
 * text blocks are strings), and the annotation's values may be literals, text blocks, string
 * concatenations, or constants ({@code static final} fields with such values) of any class in
 * the same sources. A value that cannot be known without compiling is named, with the way out.
 */
public final class SourceRevisions {

    /** A revision declared in a source file, with the file and package it lives in. */
    public record Declared(RevisionInfo revision, Path file, String packageName) {
    }

    private static final String ANNOTATION = "dev.retort.Revision";

    private SourceRevisions() {
    }

    /** Every {@code @Revision} in the {@code .java} files under {@code root}; none when it does not exist. */
    public static List<Declared> read(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            return List.of();
        }
        List<Unit> units = parse(files);
        var constants = new Constants();
        units.forEach(constants::collect);
        var found = new ArrayList<Declared>();
        for (Unit unit : units) {
            for (Tree type : unit.tree().getTypeDecls()) {
                if (type instanceof ClassTree c) {
                    declarations(unit, c, unit.packageName(), "", constants, found);
                }
            }
        }
        return found;
    }

    /** A parsed source file. */
    private record Unit(Path file, CompilationUnitTree tree, String packageName) {
        /** Whether {@code simpleName} written here means {@code qualified} (an import or the name itself). */
        boolean means(String written, String qualified) {
            if (written.equals(qualified)) {
                return true;
            }
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            String pkg = qualified.substring(0, qualified.lastIndexOf('.'));
            if (!written.equals(simple)) {
                return false;
            }
            for (ImportTree i : tree.getImports()) {
                String imported = i.getQualifiedIdentifier().toString();
                if (!i.isStatic() && (imported.equals(qualified) || imported.equals(pkg + ".*"))) {
                    return true;
                }
            }
            return packageName.equals(pkg);
        }
    }

    private static List<Unit> parse(List<Path> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "reading migration sources needs javac's parser, which"
                    + " this Java runtime lacks; run retort with a JDK");
        }
        try (var fileManager = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            var task = (JavacTask) javac.getTask(null, fileManager, diagnostic -> { }, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            var units = new ArrayList<Unit>();
            for (CompilationUnitTree tree : task.parse()) {
                Path file = Path.of(tree.getSourceFile().toUri());
                String pkg = tree.getPackageName() == null ? "" : tree.getPackageName().toString();
                units.add(new Unit(file, tree, pkg));
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void declarations(Unit unit, ClassTree type, String pkg, String outer, Constants constants,
            List<Declared> found) {
        String binary = outer.isEmpty() ? (pkg.isEmpty() ? "" : pkg + ".") + type.getSimpleName()
                : outer + "$" + type.getSimpleName();
        for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
            if (unit.means(annotation.getAnnotationType().toString(), ANNOTATION)) {
                found.add(declared(unit, annotation, binary, new Scope(unit, binary, constants)));
            }
        }
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                declarations(unit, nested, pkg, binary, constants, found);
            }
        }
    }

    private static Declared declared(Unit unit, AnnotationTree annotation, String className, Scope scope) {
        var values = new HashMap<String, List<Object>>();
        for (ExpressionTree argument : annotation.getArguments()) {
            if (!(argument instanceof AssignmentTree assignment)) {
                throw unreadable(unit.file(), "its @Revision is not written as name = value pairs");
            }
            String name = assignment.getVariable().toString();
            values.put(name, scope.values(assignment.getExpression(), name));
        }
        String id = single(unit.file(), values, "id", String.class);
        if (id == null) {
            throw unreadable(unit.file(), "its @Revision has no id");
        }
        String message = single(unit.file(), values, "message", String.class);
        Boolean transactional = single(unit.file(), values, "transactional", Boolean.class);
        return new Declared(new RevisionInfo(id, strings(unit, values, "revises"), message == null ? "" : message,
                strings(unit, values, "branchLabels"), strings(unit, values, "dependsOn"),
                transactional == null || transactional, className), unit.file(), unit.packageName());
    }

    /** Where an annotation's names are looked up: its own class (and those it is nested in), then every class by name. */
    private record Scope(Unit unit, String className, Constants constants) {

        List<Object> values(ExpressionTree value, String attribute) {
            if (value instanceof NewArrayTree array) {
                var list = new ArrayList<Object>();
                for (ExpressionTree element : array.getInitializers()) {
                    list.add(value(element, attribute));
                }
                return list;
            }
            return List.of(value(value, attribute));
        }

        Object value(ExpressionTree value, String attribute) {
            Object known = constants.evaluate(value, this);
            if (known == null) {
                throw unreadable(unit.file(), "its @Revision's " + attribute + " (" + value + ") is not a literal or a"
                        + " constant of these sources");
            }
            return known;
        }
    }

    /** The {@code static final} fields of the sources whose values are literals, by qualified and simple class name. */
    private static final class Constants {
        private final Map<String, ExpressionTree> fields = new HashMap<>();
        private final Map<String, Scope> scopes = new HashMap<>();

        void collect(Unit unit) {
            for (Tree type : unit.tree().getTypeDecls()) {
                if (type instanceof ClassTree c) {
                    collect(unit, c, (unit.packageName().isEmpty() ? "" : unit.packageName() + ".") + c.getSimpleName());
                }
            }
        }

        private void collect(Unit unit, ClassTree type, String qualified) {
            for (Tree member : type.getMembers()) {
                if (member instanceof VariableTree v && v.getInitializer() != null
                        && v.getModifiers().getFlags().contains(Modifier.FINAL)) {
                    String key = qualified + "." + v.getName();
                    fields.put(key, v.getInitializer());
                    scopes.put(key, new Scope(unit, qualified, this));
                } else if (member instanceof ClassTree nested) {
                    collect(unit, nested, qualified + "." + nested.getSimpleName());
                }
            }
        }

        /** The value of a constant expression, or null when it needs the compiler to know. */
        Object evaluate(ExpressionTree e, Scope scope) {
            return evaluate(e, scope, 0);
        }

        private Object evaluate(ExpressionTree e, Scope scope, int depth) {
            if (depth > 32) {
                return null; // a constant defined by itself
            }
            if (e instanceof LiteralTree literal) {
                Object v = literal.getValue();
                return v instanceof String || v instanceof Boolean ? v : null;
            }
            if (e instanceof ParenthesizedTree p) {
                return evaluate(p.getExpression(), scope, depth + 1);
            }
            if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
                Object left = evaluate(b.getLeftOperand(), scope, depth + 1);
                Object right = evaluate(b.getRightOperand(), scope, depth + 1);
                return left == null || right == null ? null : String.valueOf(left) + right;
            }
            String key = null;
            if (e instanceof IdentifierTree id) {
                key = inEnclosing(scope.className().replace('$', '.'), id.getName().toString());
            } else if (e instanceof MemberSelectTree select) {
                key = qualify(select.getExpression().toString(), scope) + "." + select.getIdentifier();
            }
            ExpressionTree definition = key == null ? null : fields.get(key);
            return definition == null ? null : evaluate(definition, scopes.get(key), depth + 1);
        }

        /** A field name in the class or any class it is nested in. */
        private String inEnclosing(String className, String field) {
            for (String c = className; !c.isEmpty(); c = c.contains(".") ? c.substring(0, c.lastIndexOf('.')) : "") {
                if (fields.containsKey(c + "." + field)) {
                    return c + "." + field;
                }
            }
            return null;
        }

        /** The class a written name means: qualified already, imported, in the same package, or nested here. */
        private String qualify(String written, Scope scope) {
            for (String candidate : fields.keySet()) {
                String owner = candidate.substring(0, candidate.lastIndexOf('.'));
                if (owner.equals(written) || scope.unit().means(written, owner)
                        || owner.equals(scope.className().replace('$', '.') + "." + written)) {
                    return owner;
                }
            }
            return written;
        }
    }

    private static <T> T single(Path file, Map<String, List<Object>> values, String name, Class<T> type) {
        List<Object> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        if (list.size() > 1 || !type.isInstance(list.get(0))) {
            throw unreadable(file, "its @Revision's " + name + " is not one " + type.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return type.cast(list.get(0));
    }

    private static List<String> strings(Unit unit, Map<String, List<Object>> values, String name) {
        var strings = new ArrayList<String>();
        for (Object value : values.getOrDefault(name, List.of())) {
            if (!(value instanceof String s)) {
                throw unreadable(unit.file(), "its @Revision's " + name + " holds a value that is no string");
            }
            strings.add(s);
        }
        return strings;
    }

    private static RetortException unreadable(Path file, String why) {
        return new RetortException(ErrorCode.BAD_OPTION, "cannot read the revision in " + file + ": " + why
                + "; write the annotation's values as literals or constants, or compile the migrations and give --classpath");
    }
}
