package dev.retort.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor prints, each starting with a stable tag, and the one place that
 * prints them. The texts are API: tests assert them and users search for the tags.
 */
public final class Diagnostics {

    public static final String BAD_ID = "[RetortBadId]";
    public static final String DUPLICATE_ID = "[RetortDuplicateId]";
    public static final String UNKNOWN_REVISION = "[RetortUnknownRevision]";
    public static final String SELF_REVISION = "[RetortSelfRevision]";
    public static final String SELF_DEPENDENCY = "[RetortSelfDependency]";
    public static final String CYCLE = "[RetortCycle]";
    public static final String DEPENDENCY_CYCLE = "[RetortDependencyCycle]";
    public static final String DUPLICATE_LABEL = "[RetortDuplicateLabel]";
    public static final String DUPLICATE_PARENT = "[RetortDuplicateParent]";
    public static final String NOT_A_CLASS = "[RetortNotAClass]";
    public static final String NOT_PUBLIC = "[RetortNotPublic]";
    public static final String ABSTRACT = "[RetortAbstract]";
    public static final String INNER_CLASS = "[RetortInnerClass]";
    public static final String NOT_MIGRATION = "[RetortNotMigration]";
    public static final String NO_PUBLIC_CONSTRUCTOR = "[RetortNoPublicConstructor]";
    public static final String DEFAULT_PACKAGE = "[RetortDefaultPackage]";
    public static final String TOO_LONG = "[RetortTooLong]";
    public static final String MODULE_PROVIDES = "[RetortModuleProvides]";
    public static final String STALE_INDEX = "[RetortStaleIndex]";
    public static final String INDEX_PACKAGE = "[RetortIndexPackage]";
    public static final String MULTIPLE_HEADS = "[RetortMultipleHeads]";
    public static final String IMPLIED_DEPENDENCY = "[RetortImpliedDependency]";
    public static final String EMPTY_MESSAGE = "[RetortEmptyMessage]";
    public static final String FOREIGN_INDEX = "[RetortForeignIndex]";
    public static final String LATE_REVISION = "[RetortLateRevision]";
    public static final String BAD_OPTION = "[RetortBadOption]";
    public static final String LINT_EXEMPTION = "[RetortLintExemption]";
    public static final String ONLINE_SAFE = "[RetortOnlineSafe]";
    public static final String INTERNAL_ERROR = "[RetortInternalError]";

    private final Messager messager;
    private int errors;

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    public void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        errors++;
        print(Kind.ERROR, message, element, annotation, value);
    }

    public void error(String message) {
        errors++;
        messager.printMessage(Kind.ERROR, message);
    }

    public void warning(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        print(Kind.WARNING, message, element, annotation, value);
    }

    public void warning(String message) {
        messager.printMessage(Kind.WARNING, message);
    }

    public boolean hadErrors() {
        return errors > 0;
    }

    private void print(Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        if (value != null) {
            messager.printMessage(kind, message, element, annotation, value);
        } else if (annotation != null) {
            messager.printMessage(kind, message, element, annotation);
        } else {
            messager.printMessage(kind, message, element);
        }
    }
}
