package dev.retort.cli.scaffold;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.dsl.Ops;
import dev.retort.graph.GraphException;
import dev.retort.graph.RevisionGraph;
import dev.retort.index.RevisionInfo;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes new migration sources ({@code revision}, {@code merge}) that compile: it knows the
 * revisions already declared (sources and compiled indexes), picks the parents as Alembic does,
 * and checks the graph with the new revision in it before writing anything.
 */
public final class Scaffolder {

    /** A migration about to be written. */
    public record NewRevision(String id, List<String> revises, String message, List<String> branchLabels,
            List<String> dependsOn, String packageName, String className) {
    }

    private static final int CLASS_WORDS_MAX = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<RevisionInfo> known;
    private final RevisionGraph graph;

    public Scaffolder(List<RevisionInfo> known) {
        this.known = List.copyOf(known);
        RevisionGraph.Checked checked = RevisionGraph.check(this.known);
        if (!checked.problems().isEmpty()) {
            GraphException first = checked.problems().get(0);
            throw new RetortException(first.code(), "the existing revisions do not form a valid graph (" + first.getMessage()
                    + "); fix that first");
        }
        this.graph = checked.graph();
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * A revision on top of the head, or of {@code head} ({@code base} starts a new root; a
     * revision that is no head needs {@code splice}, which starts a branch from it).
     */
    public NewRevision revision(String message, String head, boolean splice, List<String> branchLabels,
            List<String> dependsOn, String revId, String packageName) {
        List<String> revises;
        if (head == null) {
            List<String> heads = graph.heads();
            if (heads.size() > 1) {
                throw new RetortException(ErrorCode.MULTIPLE_HEADS, "the revisions have several heads (" + String.join(", ",
                        heads) + "); give --head <revision> (a branch label works: --head billing@head), or merge them"
                        + " first with 'retort merge -m \"merge heads\" heads'");
            }
            revises = heads;
        } else if (head.equals("base")) {
            revises = List.of();
        } else {
            List<String> resolved = graph.resolve(head, List.of());
            if (resolved.size() != 1) {
                throw new RetortException(ErrorCode.INVALID_TARGET, "--head " + head + " names " + resolved.size()
                        + " revisions (" + String.join(", ", resolved) + "); give one");
            }
            String parent = resolved.get(0);
            if (!graph.isHead(parent) && !splice) {
                throw new RetortException(ErrorCode.INVALID_TARGET, "revision " + parent + " is not a head; give --splice"
                        + " to start a branch from it");
            }
            revises = List.of(parent);
        }
        return checked(new NewRevision(id(revId), revises, message, List.copyOf(branchLabels), resolveAll(dependsOn),
                packageName, null));
    }

    /** A merge revision whose parents are {@code targets} ({@code heads}, revisions, labels). */
    public NewRevision merge(String message, List<String> targets, List<String> branchLabels, String revId,
            String packageName) {
        var parents = new LinkedHashSet<String>();
        for (String target : targets) {
            parents.addAll(graph.resolve(target, List.of()));
        }
        if (parents.size() < 2) {
            throw new RetortException(ErrorCode.INVALID_TARGET, "a merge needs two revisions or more; " + targets + " name "
                    + (parents.isEmpty() ? "none" : "only " + String.join(", ", parents)));
        }
        for (String parent : parents) {
            for (String other : parents) {
                if (!other.equals(parent) && graph.ancestors(List.of(parent)).contains(other)) {
                    // Alembic writes such a merge; it joins nothing, since the parent already has the other in its history.
                    throw new RetortException(ErrorCode.INVALID_TARGET, "cannot merge " + other + " into " + parent + ": "
                            + other + " is already an ancestor of " + parent + "; merge revisions on different branches,"
                            + " usually the heads ('retort merge -m \"merge heads\" heads')");
                }
            }
        }
        return checked(new NewRevision(id(revId), List.copyOf(parents), message, List.copyOf(branchLabels), List.of(),
                packageName, null));
    }

    /** Writes the source under {@code sourceRoot}; never over an existing file. Returns its path. */
    public static Path write(NewRevision revision, Path sourceRoot) {
        return write(revision, List.of(), sourceRoot);
    }

    /**
     * Writes the source with {@code upgrade} as the body of its {@code upgrade} method (statements
     * from {@link OpWriter}); never over an existing file. Returns its path.
     */
    public static Path write(NewRevision revision, List<CodeBlock> upgrade, Path sourceRoot) {
        Path dir = revision.packageName().isEmpty() ? sourceRoot
                : sourceRoot.resolve(revision.packageName().replace('.', '/'));
        Path file = dir.resolve(revision.className() + ".java");
        if (Files.exists(file)) {
            throw new RetortException(ErrorCode.BAD_OPTION, file + " exists; Retort does not overwrite files");
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(file, source(revision, upgrade), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The migration's source: the annotation with literals only, and the bodies. */
    static String source(NewRevision r, List<CodeBlock> upgrade) {
        var annotation = AnnotationSpec.builder(Revision.class).addMember("id", "$S", r.id());
        r.revises().forEach(p -> annotation.addMember("revises", "$S", p));
        annotation.addMember("message", "$S", r.message());
        r.branchLabels().forEach(l -> annotation.addMember("branchLabels", "$S", l));
        r.dependsOn().forEach(d -> annotation.addMember("dependsOn", "$S", d));
        var upgradeMethod = MethodSpec.methodBuilder("upgrade").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(Ops.class, "op");
        if (r.revises().size() > 1 && upgrade.isEmpty()) {
            upgradeMethod.addComment("A merge usually changes nothing: it joins the branches' histories.");
        }
        upgrade.forEach(upgradeMethod::addCode);
        var downgrade = MethodSpec.methodBuilder("downgrade").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(Ops.class, "op")
                .addCode("op.reverseOf(this::upgrade); // upgrade's ops, reversed; write your own for ops that cannot be\n");
        TypeSpec type = TypeSpec.classBuilder(r.className()).addAnnotation(annotation.build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL).addSuperinterface(Migration.class)
                .addMethod(upgradeMethod.build()).addMethod(downgrade.build()).build();
        return JavaFile.builder(r.packageName(), type).indent("    ").skipJavaLangImports(true)
                .addStaticImport(ReferentialAction.class, "*").addStaticImport(ServerDefault.class, "*")
                .addStaticImport(SqlType.class, "*").build().toString();
    }

    private NewRevision checked(NewRevision draft) {
        var revision = new NewRevision(draft.id(), draft.revises(), draft.message(), draft.branchLabels(), draft.dependsOn(),
                draft.packageName(), className(draft.message(), draft.id()));
        var all = new ArrayList<>(known);
        all.add(new RevisionInfo(revision.id(), revision.revises(), revision.message(), revision.branchLabels(),
                revision.dependsOn(), true, ""));
        List<GraphException> problems = RevisionGraph.problems(all);
        if (!problems.isEmpty()) {
            throw new RetortException(problems.get(0).code(), "the new revision would not compile: "
                    + problems.get(0).getMessage());
        }
        return revision;
    }

    private List<String> resolveAll(List<String> targets) {
        var ids = new ArrayList<String>();
        for (String target : targets) {
            ids.addAll(graph.resolve(target, List.of()));
        }
        return ids;
    }

    private String id(String given) {
        if (given != null) {
            if (graph.contains(given)) {
                throw new RetortException(ErrorCode.DUPLICATE_REVISION, "--rev-id " + given + " is taken by "
                        + graph.get(given).className());
            }
            return given;
        }
        String id;
        do {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (graph.contains(id));
        return id;
    }

    /** {@code "add last_read_at to chats"} as {@code AddLastReadAtToChats_3f2a9c1b0d4e}: readable, and unique by its id. */
    static String className(String message, String id) {
        var name = new StringBuilder();
        for (String word : message.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty() || name.length() + word.length() > CLASS_WORDS_MAX) {
                continue;
            }
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        String words = name.toString().replaceFirst("^[0-9]+", "");
        return (words.isEmpty() ? "Revision" : words) + "_" + id;
    }
}
