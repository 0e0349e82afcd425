package dev.retort.processor.model;

import dev.retort.index.IndexedRevisions;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * A revision compiled elsewhere: listed by an index on the compile class path (another jar, or
 * an earlier compilation of this module), read from that index's {@link IndexedRevisions}.
 *
 * @param indexName the index that lists it, for messages
 */
public record ForeignRevision(RevisionInfo info, String indexName) {

    private static final String ENTRIES = IndexedRevisions.class.getCanonicalName();

    /**
     * Every revision listed by the indexes in {@link MigrationIndex#GENERATED_PACKAGE} on the
     * class path, except those of the index this compilation is about to write and those whose
     * class is being compiled now (the source is the truth).
     */
    public static List<ForeignRevision> onClassPath(Elements elements, String ownIndex, Set<String> compiledNow) {
        PackageElement pkg = elements.getPackageElement(MigrationIndex.GENERATED_PACKAGE);
        var result = new ArrayList<ForeignRevision>();
        if (pkg == null) {
            return result;
        }
        for (Element member : pkg.getEnclosedElements()) {
            if (member.getKind() != ElementKind.CLASS) {
                continue;
            }
            String name = ((TypeElement) member).getQualifiedName().toString();
            if (name.equals(ownIndex)) {
                continue;
            }
            for (AnnotationMirror mirror : member.getAnnotationMirrors()) {
                if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(ENTRIES)) {
                    for (RevisionInfo info : entries(mirror, elements)) {
                        if (!compiledNow.contains(info.className())) {
                            result.add(new ForeignRevision(info, name));
                        }
                    }
                }
            }
        }
        return result;
    }

    private static List<RevisionInfo> entries(AnnotationMirror indexed, Elements elements) {
        var result = new ArrayList<RevisionInfo>();
        for (AnnotationValue entry : list(values(indexed, elements).get("value"))) {
            Map<String, AnnotationValue> v = values((AnnotationMirror) entry.getValue(), elements);
            result.add(new RevisionInfo(
                    (String) v.get("id").getValue(),
                    strings(v.get("revises")),
                    (String) v.get("message").getValue(),
                    strings(v.get("branchLabels")),
                    strings(v.get("dependsOn")),
                    (Boolean) v.get("transactional").getValue(),
                    (String) v.get("className").getValue()));
        }
        return result;
    }

    private static Map<String, AnnotationValue> values(AnnotationMirror mirror, Elements elements) {
        var map = new java.util.HashMap<String, AnnotationValue>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            map.put(e.getKey().getSimpleName().toString(), e.getValue());
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static List<AnnotationValue> list(AnnotationValue value) {
        return value == null ? List.of() : (List<AnnotationValue>) value.getValue();
    }

    private static List<String> strings(AnnotationValue value) {
        return list(value).stream().map(v -> (String) v.getValue()).toList();
    }
}
