package dev.retort.processor.codegen;

import com.squareup.javapoet.ClassName;
import dev.retort.index.IndexCodec;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.processor.model.ClassPathIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The generated index's name. On the class path, {@code
 * dev.retort.generated.RetortIndex_<package>_<hash>}: the hash is of what it lists (the revisions
 * and the other modules' indexes it requires), so
 * two modules (even with migrations in one package) never share a name, and a compiler that
 * cannot replace a class left in its output by an earlier build (ecj) never has to: new
 * revisions, new name; the same revisions, the same class. In a named module, {@code
 * <package>.RetortIndex}: the module's {@code provides} names it, so it must not change, and a
 * package belongs to one module there anyway.
 */
public final class IndexName {

    /** Part of the hash: a Retort whose generated code changes gives every index a new name. */
    static final String GENERATION = "3";

    private IndexName() {
    }

    public static ClassName forClassPath(String commonPackage, List<RevisionInfo> revisions, List<String> requires) {
        String suffix = commonPackage.isEmpty() ? "" : "_" + commonPackage.replace('.', '_');
        return ClassName.get(MigrationIndex.GENERATED_PACKAGE, "RetortIndex" + suffix + "_" + hash(revisions, requires));
    }

    public static ClassName forModule(String commonPackage) {
        return ClassName.get(commonPackage, ClassPathIndex.MODULE_INDEX);
    }

    static String hash(List<RevisionInfo> revisions, List<String> requires) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((GENERATION + "\n" + String.join(",", requires.stream().sorted().distinct().toList()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String chunk : IndexCodec.encode(revisions.stream()
                    .sorted(java.util.Comparator.comparing(RevisionInfo::id)).toList())) {
                digest.update(chunk.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
