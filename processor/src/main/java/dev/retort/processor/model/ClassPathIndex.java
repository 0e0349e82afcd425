package dev.retort.processor.model;

import dev.retort.index.IndexCodec;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * A generated index compiled earlier, seen on the compile class path: another jar's, or this
 * module's own from the previous compilation (which an IDE's incremental build leaves in place).
 * Its revisions are read from its {@link IndexCodec} constants, whose values javac reads from the
 * class file.
 */
public record ClassPathIndex(String name, List<RevisionInfo> revisions) {

    /** Every index in {@link MigrationIndex#GENERATED_PACKAGE}, in name order. */
    public static List<ClassPathIndex> inGeneratedPackage(Elements elements) {
        PackageElement pkg = elements.getPackageElement(MigrationIndex.GENERATED_PACKAGE);
        var result = new ArrayList<ClassPathIndex>();
        if (pkg == null) {
            return result;
        }
        for (Element member : pkg.getEnclosedElements()) {
            if (member.getKind() == ElementKind.CLASS) {
                read((TypeElement) member).ifPresent(result::add);
            }
        }
        result.sort(java.util.Comparator.comparing(ClassPathIndex::name));
        return result;
    }

    /** The index of this name, when it is on the class path and carries its revisions. */
    public static Optional<ClassPathIndex> named(String name, Elements elements) {
        TypeElement type = elements.getTypeElement(name);
        return type == null ? Optional.empty() : read(type);
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
                        IndexCodec.decode(chunks.toArray(String[]::new))));
    }

    /** Whether this index lists one of these classes: then it is an earlier index of the same module. */
    public boolean listsAnyOf(java.util.Set<String> classNames) {
        return revisions.stream().anyMatch(r -> classNames.contains(r.className()));
    }
}
