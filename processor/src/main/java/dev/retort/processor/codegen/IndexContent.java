package dev.retort.processor.codegen;

import dev.retort.index.IndexCodec;
import dev.retort.processor.model.RevisionDeclaration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * What one generated index holds, whichever form it is written in: its revisions sorted by id
 * (the documented index order) as {@link IndexCodec} text, the migration each position creates,
 * and the indexes it supersedes and requires.
 *
 * @param name the index's qualified name (a top-level class)
 * @param text the revisions as the text constants {@code REVISIONS_0}, {@code REVISIONS_1}, …
 * @param migrations the migration class at each position, in the order of {@code text}
 * @param origins the migrations' elements: the compiler and incremental builds tie the index to them
 */
public record IndexContent(String name, List<String> text, List<Constructed> migrations, List<String> supersedes,
        List<String> requires, List<Element> origins) {

    /** {@code newMigration} is split in methods of at most this many cases, far from the JVM's 64 KB method limit. */
    public static final int CHUNK = 200;
    private static final int ACC_ANNOTATION = 0x2000;
    private static final int ACC_ENUM = 0x4000;
    /** What the index's {@code @Generated} names. */
    public static final String GENERATOR = "dev.retort.processor.RevisionProcessor";

    /**
     * A migration class the index creates.
     *
     * @param binaryName as the JVM names it ({@code a.Outer$Inner})
     * @param canonicalName as source names it ({@code a.Outer.Inner})
     * @param generic whether it has type parameters (a source creates it with {@code <>})
     * @param nesting the nested classes its name goes through, itself first; empty when top-level
     */
    public record Constructed(String binaryName, String canonicalName, boolean generic, List<Nesting> nesting) {
        public Constructed {
            nesting = List.copyOf(nesting);
        }

        public Constructed(String binaryName, String canonicalName, boolean generic) {
            this(binaryName, canonicalName, generic, List.of());
        }
    }

    /**
     * A nested class a class file names, as its {@code InnerClasses} attribute records it: the
     * migration itself when it is nested, and each class it is nested in that is nested too.
     *
     * @param access the class's flags as the JVM writes them ({@code ACC_PUBLIC | ACC_STATIC | …})
     */
    public record Nesting(String binaryName, String outerBinaryName, String simpleName, int access) {
    }

    public IndexContent {
        text = List.copyOf(text);
        migrations = List.copyOf(migrations);
        supersedes = supersedes.stream().sorted().distinct().toList();
        requires = requires.stream().sorted().distinct().toList();
        origins = List.copyOf(origins);
    }

    /**
     * @param revisions the revisions of this module, in any order
     * @param supersedes earlier indexes of this module that a build left in its output
     * @param requires other modules' indexes whose revisions these revise or depend on
     */
    public static IndexContent of(String name, List<RevisionDeclaration> revisions, List<String> supersedes,
            List<String> requires) {
        List<RevisionDeclaration> sorted = revisions.stream().sorted(Comparator.comparing(RevisionDeclaration::id)).toList();
        return new IndexContent(name, IndexCodec.encode(sorted.stream().map(RevisionDeclaration::info).toList()),
                sorted.stream().map(IndexContent::constructed).toList(), supersedes, requires,
                sorted.stream().<Element>map(RevisionDeclaration::element).toList());
    }

    private static Constructed constructed(RevisionDeclaration d) {
        TypeElement type = d.element();
        var nesting = new ArrayList<Nesting>();
        String binary = d.info().className();
        for (TypeElement t = type; t.getNestingKind() == NestingKind.MEMBER; t = (TypeElement) t.getEnclosingElement()) {
            String simple = t.getSimpleName().toString();
            String outer = binary.substring(0, binary.length() - simple.length() - 1);
            nesting.add(new Nesting(binary, outer, simple, access(t)));
            binary = outer;
        }
        return new Constructed(d.info().className(), type.getQualifiedName().toString(),
                !type.getTypeParameters().isEmpty(), nesting);
    }

    /** The JVM's flags for a nested class (JVMS 4.7.6), from its modifiers, implicit ones included. */
    private static int access(TypeElement type) {
        int access = 0;
        for (Modifier m : type.getModifiers()) {
            access |= switch (m) {
                case PUBLIC -> java.lang.reflect.Modifier.PUBLIC;
                case PRIVATE -> java.lang.reflect.Modifier.PRIVATE;
                case PROTECTED -> java.lang.reflect.Modifier.PROTECTED;
                case STATIC -> java.lang.reflect.Modifier.STATIC;
                case FINAL -> java.lang.reflect.Modifier.FINAL;
                case ABSTRACT -> java.lang.reflect.Modifier.ABSTRACT;
                default -> 0;
            };
        }
        return access | switch (type.getKind()) {
            case INTERFACE -> java.lang.reflect.Modifier.INTERFACE | java.lang.reflect.Modifier.ABSTRACT;
            case ANNOTATION_TYPE -> ACC_ANNOTATION | java.lang.reflect.Modifier.INTERFACE
                    | java.lang.reflect.Modifier.ABSTRACT;
            case ENUM -> ACC_ENUM;
            default -> 0;
        };
    }

    public String packageName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** How many methods {@code newMigration} is split in; 1 when it is not split. */
    public int chunks() {
        return Math.max(1, (migrations.size() + CHUNK - 1) / CHUNK);
    }
}
