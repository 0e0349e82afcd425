package dev.retort.processor.model;

import dev.retort.index.IndexCodec;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * A generated index compiled earlier, seen on the compile class path or module path: another
 * jar's, or this module's own from the previous compilation (which an incremental build leaves
 * in place). Its revisions, the indexes it supersedes and those it requires are read from its
 * constants, whose values javac and ecj read from the class file.
 */
public record ClassPathIndex(String name, List<RevisionInfo> revisions, List<String> supersedes, List<String> requires) {

    /** The generated constant naming the indexes an index supersedes, comma-separated. */
    public static final String SUPERSEDES = "SUPERSEDES";
    /** A named module's index's simple name, in the package its migrations share. */
    public static final String MODULE_INDEX = "RetortIndex";
    /** The generated constant naming the indexes an index requires, comma-separated. */
    public static final String REQUIRES = "REQUIRES";

    /**
     * Every index visible to this compilation: those in {@link MigrationIndex#GENERATED_PACKAGE}
     * on the class path, and those the other named modules {@code provide}; by name, without the
     * ones another of them supersedes.
     *
     * @param self the named module being compiled, or null: its own directives are not read here
     *     (javac 17 to 20 would report a false error, JDK-8305225)
     */
    public static List<ClassPathIndex> visible(Elements elements, ModuleElement self) {
        Map<String, ClassPathIndex> found = new LinkedHashMap<>();
        PackageElement pkg = elements.getPackageElement(MigrationIndex.GENERATED_PACKAGE);
        if (pkg != null) {
            for (Element member : pkg.getEnclosedElements()) {
                if (member.getKind() == ElementKind.CLASS) {
                    read((TypeElement) member).ifPresent(i -> found.put(i.name(), i));
                }
            }
        }
        // Only a named module reads other named modules; on the class path, reading every JDK
        // module's directives would cost each compilation for nothing.
        for (ModuleElement module : self == null ? Set.<ModuleElement>of() : elements.getAllModuleElements()) {
            if (module.equals(self) || module.isUnnamed()) {
                continue;
            }
            for (ModuleElement.ProvidesDirective provides : ElementFilter.providesIn(module.getDirectives())) {
                if (provides.getService().getQualifiedName().contentEquals(MigrationIndex.class.getName())) {
                    provides.getImplementations().forEach(type -> read(type).ifPresent(i -> found.put(i.name(), i)));
                }
            }
        }
        Set<String> superseded = new HashSet<>();
        found.values().forEach(i -> superseded.addAll(i.supersedes()));
        var result = new ArrayList<ClassPathIndex>();
        found.values().stream().filter(i -> !superseded.contains(i.name())).forEach(result::add);
        result.sort(Comparator.comparing(ClassPathIndex::name));
        return result;
    }

    /** The index of this name, when it is on the class path and carries its revisions. */
    public static Optional<ClassPathIndex> named(String name, Elements elements) {
        TypeElement type = elements.getTypeElement(name);
        return type == null ? Optional.empty() : read(type);
    }

    /**
     * A named module's own index from an earlier compilation ({@code <package>.RetortIndex}, in
     * the package of one of these classes or one above it), which a compilation of part of the
     * module sees among the module's classes. Never another module's: only this module's are read.
     *
     * @param packages the packages of the migrations compiled now
     */
    public static Optional<ClassPathIndex> ownModuleIndex(Elements elements, ModuleElement self, Set<String> packages) {
        Set<String> tried = new HashSet<>();
        for (String pkg : packages) {
            for (String p = pkg; !p.isEmpty() && tried.add(p); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
                TypeElement type = elements.getTypeElement(self, p + "." + MODULE_INDEX);
                if (type != null) {
                    return read(type);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ClassPathIndex> read(TypeElement type) {
        var constants = new HashMap<String, Object>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            constants.put(field.getSimpleName().toString(), field.getConstantValue());
        }
        var chunks = new ArrayList<String>();
        for (int i = 0; constants.get(IndexCodec.CONSTANT_PREFIX + i) instanceof String chunk; i++) {
            chunks.add(chunk);
        }
        return chunks.isEmpty()
                ? Optional.empty()
                : Optional.of(new ClassPathIndex(type.getQualifiedName().toString(),
                        IndexCodec.decode(chunks.toArray(String[]::new)), names(constants.get(SUPERSEDES)),
                        names(constants.get(REQUIRES))));
    }

    private static List<String> names(Object constant) {
        return constant instanceof String s && !s.isEmpty() ? List.of(s.split(",")) : List.of();
    }

    /** Whether this index lists one of these classes: then it is an earlier index of the same module. */
    public boolean listsAnyOf(Set<String> classNames) {
        return revisions.stream().anyMatch(r -> classNames.contains(r.className()));
    }

    /** Whether this index declares one of these revision ids. */
    public boolean declaresAnyOf(Set<String> ids) {
        return revisions.stream().anyMatch(r -> ids.contains(r.id()));
    }

    @Override
    public String toString() {
        return name + Arrays.toString(revisions.stream().map(RevisionInfo::id).toArray());
    }
}
