package dev.retort.processor.codegen;

import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.IDIV;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.V17;

import dev.retort.index.IndexCodec;
import dev.retort.processor.model.ClassPathIndex;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The index as a class file, for the class path: what javac would compile from {@link
 * IndexSource}, written directly. A processor that generates a source makes javac run another
 * round, which enters every source of the compilation again (for 2,000 migrations, about a fifth
 * of the whole compilation); a class file written as a resource starts no round, and nothing in
 * the compilation refers to the index, so nothing needs to see it compiled. It is Java 17
 * bytecode (the oldest runtime Retort supports, so it loads on every one), the same bytes for the
 * same content.
 */
public final class IndexClassFile {

    private static final String BASE = "dev/retort/index/EncodedIndex";
    private static final String STRING = "Ljava/lang/String;";
    private static final String FACTORY = "(I)Ldev/retort/Migration;";

    private IndexClassFile() {
    }

    /** The file's name in its package's folder of the class output, {@code RetortIndex_….class}. */
    public static String relativeName(IndexContent index) {
        return index.simpleName() + ".class";
    }

    public static byte[] of(IndexContent index) {
        var out = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // Every path of the generated code returns or throws at once: no two types ever
                // meet at a branch, and ASM must not load classes to find out what they share.
                throw new IllegalStateException("the index's code merges " + type1 + " and " + type2);
            }
        };
        String self = index.name().replace('.', '/');
        out.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, self, null, BASE, null);
        for (int i = 0; i < index.text().size(); i++) {
            constant(out, IndexCodec.CONSTANT_PREFIX + i, index.text().get(i));
        }
        constant(out, ClassPathIndex.SUPERSEDES, String.join(",", index.supersedes()));
        constant(out, ClassPathIndex.REQUIRES, String.join(",", index.requires()));
        // Each nested class the code names, once, as javac records them (JVMS 4.7.6).
        index.migrations().stream().flatMap(m -> m.nesting().stream()).distinct()
                .sorted(Comparator.comparing(IndexContent.Nesting::binaryName))
                .forEach(n -> out.visitInnerClass(n.binaryName().replace('.', '/'), n.outerBinaryName().replace('.', '/'),
                        n.simpleName(), n.access()));
        constructor(out, index);
        if (index.chunks() == 1) {
            MethodVisitor m = out.visitMethod(ACC_PUBLIC, "newMigration", FACTORY, null, null);
            switchOver(m, 1, index, 0, index.migrations().size());
        } else {
            factoryOfChunks(out, self, index);
        }
        out.visitEnd();
        return out.toByteArray();
    }

    private static void constant(ClassWriter out, String name, String value) {
        out.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, name, STRING, null, value).visitEnd();
    }

    /** {@code super(SUPERSEDES, REQUIRES, REVISIONS_0, …)}, the constants inlined as javac inlines them. */
    private static void constructor(ClassWriter out, IndexContent index) {
        MethodVisitor m = out.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        m.visitCode();
        m.visitVarInsn(ALOAD, 0);
        m.visitLdcInsn(String.join(",", index.supersedes()));
        m.visitLdcInsn(String.join(",", index.requires()));
        push(m, index.text().size());
        m.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int i = 0; i < index.text().size(); i++) {
            m.visitInsn(DUP);
            push(m, i);
            m.visitLdcInsn(index.text().get(i));
            m.visitInsn(AASTORE);
        }
        m.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "(" + STRING + STRING + "[" + STRING + ")V", false);
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** {@code switch (position / CHUNK) { case c: return newMigration<c>(position); … }} */
    private static void factoryOfChunks(ClassWriter out, String self, IndexContent index) {
        MethodVisitor m = out.visitMethod(ACC_PUBLIC, "newMigration", FACTORY, null, null);
        m.visitCode();
        m.visitVarInsn(ILOAD, 1);
        push(m, IndexContent.CHUNK);
        m.visitInsn(IDIV);
        Label fail = new Label();
        Label[] cases = IntStream.range(0, index.chunks()).mapToObj(c -> new Label()).toArray(Label[]::new);
        m.visitTableSwitchInsn(0, cases.length - 1, fail, cases);
        for (int c = 0; c < cases.length; c++) {
            m.visitLabel(cases[c]);
            m.visitVarInsn(ILOAD, 1);
            m.visitMethodInsn(INVOKESTATIC, self, "newMigration" + c, FACTORY, false);
            m.visitInsn(ARETURN);
        }
        fail(m, fail, 1);
        for (int c = 0; c < index.chunks(); c++) {
            MethodVisitor chunk = out.visitMethod(ACC_PRIVATE | ACC_STATIC, "newMigration" + c, FACTORY, null, null);
            switchOver(chunk, 0, index, c * IndexContent.CHUNK,
                    Math.min(index.migrations().size(), (c + 1) * IndexContent.CHUNK));
        }
    }

    /** {@code switch (position) { case i: return new M(); … }}, the position in local {@code slot}. */
    private static void switchOver(MethodVisitor m, int slot, IndexContent index, int from, int to) {
        m.visitCode();
        m.visitVarInsn(ILOAD, slot);
        Label fail = new Label();
        Label[] cases = IntStream.range(from, to).mapToObj(i -> new Label()).toArray(Label[]::new);
        m.visitTableSwitchInsn(from, to - 1, fail, cases);
        for (int i = from; i < to; i++) {
            String type = index.migrations().get(i).binaryName().replace('.', '/');
            m.visitLabel(cases[i - from]);
            m.visitTypeInsn(NEW, type);
            m.visitInsn(DUP);
            m.visitMethodInsn(INVOKESPECIAL, type, "<init>", "()V", false);
            m.visitInsn(ARETURN);
        }
        fail(m, fail, slot);
    }

    /** {@code throw new IndexOutOfBoundsException(position)}, and the method's end. */
    private static void fail(MethodVisitor m, Label fail, int slot) {
        m.visitLabel(fail);
        m.visitTypeInsn(NEW, "java/lang/IndexOutOfBoundsException");
        m.visitInsn(DUP);
        m.visitVarInsn(ILOAD, slot);
        m.visitMethodInsn(INVOKESPECIAL, "java/lang/IndexOutOfBoundsException", "<init>", "(I)V", false);
        m.visitInsn(ATHROW);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private static void push(MethodVisitor m, int value) {
        if (value <= Byte.MAX_VALUE) {
            m.visitIntInsn(BIPUSH, value);
        } else if (value <= Short.MAX_VALUE) {
            m.visitIntInsn(SIPUSH, value);
        } else {
            m.visitLdcInsn(value);
        }
    }
}
