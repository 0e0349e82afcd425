package dev.retort.processor.validate;

import static dev.retort.processor.Diagnostics.ABSTRACT;
import static dev.retort.processor.Diagnostics.DEFAULT_PACKAGE;
import static dev.retort.processor.Diagnostics.EMPTY_MESSAGE;
import static dev.retort.processor.Diagnostics.INNER_CLASS;
import static dev.retort.processor.Diagnostics.LINT_EXEMPTION;
import static dev.retort.processor.Diagnostics.NOT_A_CLASS;
import static dev.retort.processor.Diagnostics.NOT_MIGRATION;
import static dev.retort.processor.Diagnostics.NOT_PUBLIC;
import static dev.retort.processor.Diagnostics.ONLINE_SAFE;
import static dev.retort.processor.Diagnostics.NO_PUBLIC_CONSTRUCTOR;
import static dev.retort.processor.Diagnostics.TOO_LONG;

import dev.retort.AllowLint;
import dev.retort.index.IndexCodec;
import dev.retort.lint.LintRule;
import dev.retort.processor.Diagnostics;
import dev.retort.processor.model.RevisionDeclaration;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the generated index needs of each migration class: a public, concrete, top-level or
 * static nested class that implements {@code Migration} and has a public no-argument constructor
 * (the index calls it directly, without reflection, from another package).
 */
public final class ElementChecks {

    /** The most bytes a class-file constant holds: each revision's record must fit in one. */
    private static final int MAX_CONSTANT = 65_535;

    private final Elements elements;
    private final Types types;
    private final TypeMirror migration;
    private final Diagnostics diagnostics;

    public ElementChecks(Elements elements, Types types, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.migration = types.erasure(elements.getTypeElement("dev.retort.Migration").asType());
        this.diagnostics = diagnostics;
    }

    /** Reports every problem of this class; true when there was none. */
    public boolean check(RevisionDeclaration d) {
        TypeElement type = d.element();
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            error(d, NOT_A_CLASS + " @Revision is on " + kind(type) + " " + name
                    + ", but only a class can be a migration; move it to a class that implements Migration");
            return false;
        }
        boolean ok = true;
        if (elements.getPackageOf(type).isUnnamed()) {
            ok = error(d, DEFAULT_PACKAGE + " migration " + name + " is in the default package, which the generated index"
                    + " (in a package of its own) cannot name; put it in a package");
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC) || !enclosersArePublic(type)) {
            ok = error(d, NOT_PUBLIC + " migration " + name
                    + " must be public (and so must any class it is nested in); the generated index creates it from another package");
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            ok = error(d, ABSTRACT + " migration " + name
                    + " is abstract, so the generated index cannot create it; make it concrete or move @Revision to a subclass");
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            ok = error(d, INNER_CLASS + " migration " + name
                    + " is an inner class, which needs an outer instance; declare it static");
        } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            ok = error(d, INNER_CLASS + " migration " + name + " is a local class; make it a top-level class");
        }
        if (!types.isAssignable(types.erasure(type.asType()), migration)) {
            ok = error(d, NOT_MIGRATION + " " + name
                    + " is annotated @Revision but does not implement dev.retort.Migration; add 'implements Migration'");
        }
        if (!hasPublicNoArgConstructor(type)) {
            ok = error(d, NO_PUBLIC_CONSTRUCTOR + " migration " + name
                    + " has no public no-argument constructor; add one, the generated index calls it");
        }
        for (AllowLint allow : type.getAnnotationsByType(AllowLint.class)) {
            if (LintRule.byId(allow.rule()).isEmpty()) {
                ok = error(d, LINT_EXEMPTION + " migration " + name + " is exempted from lint rule '" + allow.rule()
                        + "', which does not exist; the rules are " + String.join(", ",
                                Arrays.stream(LintRule.values()).map(LintRule::id).toList()));
            } else if (allow.reason().isBlank()) {
                ok = error(d, LINT_EXEMPTION + " migration " + name + " is exempted from lint rule '" + allow.rule()
                        + "' without a reason; say why the danger is accepted here: reason = \"...\"");
            }
        }
        dev.retort.OnlineSafe onlineSafe = type.getAnnotation(dev.retort.OnlineSafe.class);
        // PostgreSQL keeps lock_timeout in milliseconds in an int; the command line takes the same day at most.
        if (onlineSafe != null && (onlineSafe.lockTimeoutSeconds() < 1 || onlineSafe.lockTimeoutSeconds() > 86_400)) {
            ok = error(d, ONLINE_SAFE + " migration " + name + " asks for @OnlineSafe(lockTimeoutSeconds = "
                    + onlineSafe.lockTimeoutSeconds() + "); give a whole number of seconds from 1 to 86400");
        }
        int bytes = classFileBytes(IndexCodec.encode(List.of(d.info())).get(0));
        if (bytes > MAX_CONSTANT) {
            ok = error(d, TOO_LONG + " revision '" + d.id() + "' takes " + bytes + " bytes in the index, more than a"
                    + " class-file constant holds (" + MAX_CONSTANT + "); shorten its message");
        }
        return ok;
    }

    /** Advice that does not stop the build. */
    public void advise(RevisionDeclaration d) {
        if (d.info().message().isBlank()) {
            diagnostics.warning(EMPTY_MESSAGE + " revision '" + d.id() + "' has no message; say what it does,"
                    + " message = \"...\": history, upgrade output and the history table show it",
                    d.element(), d.annotation(), null);
        }
    }

    private boolean error(RevisionDeclaration d, String message) {
        diagnostics.error(message, d.element(), d.annotation(), null);
        return false;
    }

    /** The length of a string in a class file's constant pool (modified UTF-8). */
    private static int classFileBytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    private static boolean enclosersArePublic(TypeElement type) {
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasPublicNoArgConstructor(TypeElement type) {
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(TypeElement type) {
        return switch (type.getKind()) {
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case ANNOTATION_TYPE -> "annotation type";
            default -> type.getKind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
