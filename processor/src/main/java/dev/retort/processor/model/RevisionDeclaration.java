package dev.retort.processor.model;

import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * One {@code @Revision} class as the compiler sees it: the values of its annotation, kept with
 * the mirrors that let diagnostics point at the exact value that is wrong.
 *
 * @param erroneous whether a value could not be resolved (a constant the compiler cannot find,
 *     mid-edit in an IDE): the compiler reports that itself, and Retort draws no conclusion from
 *     a value it cannot know
 */
public record RevisionDeclaration(TypeElement element, AnnotationMirror annotation,
        Map<String, AnnotationValue> values, RevisionInfo info, boolean erroneous, boolean itemPositions) {

    public static final String ANNOTATION = "dev.retort.Revision";

    /** Whether a class (from source or from a class file) carries {@code @Revision}. */
    public static boolean isRevision(TypeElement element) {
        return element.getAnnotationMirrors().stream().anyMatch(m ->
                ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATION));
    }

    /**
     * Reads the annotation of a class known to carry {@code @Revision}.
     *
     * @param itemPositions whether the compiler places a message on one item of an array value
     *     (javac does; ecj places it on the annotation, so the whole attribute is pointed at there)
     */
    public static RevisionDeclaration read(TypeElement element, Elements elements, boolean itemPositions) {
        AnnotationMirror mirror = element.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(ANNOTATION))
                .findFirst()
                .orElseThrow();
        var values = new java.util.LinkedHashMap<String, AnnotationValue>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            values.put(e.getKey().getSimpleName().toString(), e.getValue());
        }
        var info = new RevisionInfo(
                string(values.get("id")),
                strings(values.get("revises")),
                string(values.get("message")),
                strings(values.get("branchLabels")),
                strings(values.get("dependsOn")),
                !Boolean.FALSE.equals(values.get("transactional").getValue()),
                elements.getBinaryName(element).toString());
        boolean erroneous = !isString(values.get("id")) || !isString(values.get("message"))
                || !allStrings(values.get("revises")) || !allStrings(values.get("branchLabels"))
                || !allStrings(values.get("dependsOn")) || !(values.get("transactional").getValue() instanceof Boolean);
        return new RevisionDeclaration(element, mirror, Map.copyOf(values), info, erroneous, itemPositions);
    }

    /** javac gives an unresolved value as the text "<error>"; ecj as something that is no string. */
    private static boolean isString(AnnotationValue value) {
        return value != null && value.getValue() instanceof String s && !s.equals("<error>");
    }

    private static boolean allStrings(AnnotationValue value) {
        if (value == null || !(value.getValue() instanceof List<?> items)) {
            return value != null && isString(value);
        }
        return items.stream().allMatch(item -> item instanceof AnnotationValue v && isString(v));
    }

    public String id() {
        return info.id();
    }

    /** The whole value of an attribute, for pointing at it. */
    public AnnotationValue value(String attribute) {
        return values.get(attribute);
    }

    /**
     * The item of an array attribute equal to {@code text}, for pointing at one entry of
     * {@code revises = {"a", "b"}}; the whole attribute when no single item matches.
     */
    public AnnotationValue item(String attribute, String text) {
        return item(attribute, text, 1);
    }

    /** The {@code occurrence}-th item equal to {@code text} (counting from 1), for a value listed twice. */
    public AnnotationValue item(String attribute, String text, int occurrence) {
        AnnotationValue whole = values.get(attribute);
        int seen = 0;
        if (itemPositions && whole != null && whole.getValue() instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof AnnotationValue v && text.equals(v.getValue()) && ++seen == occurrence) {
                    return v;
                }
            }
        }
        return whole;
    }

    private static String string(AnnotationValue value) {
        return value != null && value.getValue() instanceof String s ? s : "";
    }

    /** Erroneous entries (an unresolved constant) are skipped: javac reports those itself. */
    private static List<String> strings(AnnotationValue value) {
        var result = new ArrayList<String>();
        if (value != null && value.getValue() instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof AnnotationValue v && v.getValue() instanceof String s) {
                    result.add(s);
                }
            }
        }
        return result;
    }
}
