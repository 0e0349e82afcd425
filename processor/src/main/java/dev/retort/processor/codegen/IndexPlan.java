package dev.retort.processor.codegen;

import com.squareup.javapoet.ClassName;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.processor.Diagnostics;
import dev.retort.processor.model.ClassPathIndex;
import dev.retort.processor.model.RevisionDeclaration;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * What index a sound module gets: its name, the earlier indexes it supersedes, the other
 * modules' indexes it requires; and whether it must be written at all (a class of that name
 * already listing exactly this is left alone: a compiler may refuse to replace it, and need not).
 */
public final class IndexPlan {

    private final ProcessingEnvironment env;
    private final List<RevisionDeclaration> module;
    private final List<ClassPathIndex> earlier;
    private final List<ClassPathIndex> visible;
    private final ClassName chosen;
    private final Diagnostics diagnostics;

    /**
     * @param earlier this module's indexes from earlier builds
     * @param visible every index this compilation sees
     * @param chosen the name {@code -Aretort.index} gives, or null
     */
    public IndexPlan(ProcessingEnvironment env, List<RevisionDeclaration> module, List<ClassPathIndex> earlier,
            List<ClassPathIndex> visible, ClassName chosen, Diagnostics diagnostics) {
        this.env = env;
        this.module = module;
        this.earlier = earlier;
        this.visible = visible;
        this.chosen = chosen;
        this.diagnostics = diagnostics;
    }

    /** Writes the index when it is not there as it should be; its name, or empty when it could not be. */
    public Optional<String> write() throws IOException {
        Elements elements = env.getElementUtils();
        List<RevisionInfo> infos = module.stream().map(RevisionDeclaration::info).toList();
        List<String> requires = requires(infos);
        ModuleElement namedModule = namedModule(elements);
        String pkg = commonPackage(elements);
        if (chosen == null && namedModule != null && pkg.isEmpty()) {
            diagnostics.error(Diagnostics.INDEX_PACKAGE + " the migrations of module " + namedModule.getQualifiedName()
                    + " share no package, and its index must be in one of its packages; move them under one package,"
                    + " or name the index with -Aretort.index=<one of their packages>.RetortIndex");
            return Optional.empty();
        }
        ClassName name = chosen != null ? chosen
                : namedModule != null ? IndexName.forModule(pkg)
                : IndexName.forClassPath(pkg, infos, requires);
        // What the earlier indexes superseded too: a folder several builds wrote into holds them all.
        var superseded = new TreeSet<String>();
        for (ClassPathIndex index : earlier) {
            superseded.add(index.name());
            superseded.addAll(index.supersedes());
        }
        superseded.remove(name.canonicalName());
        List<String> supersedes = List.copyOf(superseded);
        Optional<ClassPathIndex> existing = ClassPathIndex.named(name.canonicalName(), elements);
        if (existing.isPresent() && existing.get().revisions().equals(sorted(infos))
                && existing.get().requires().equals(sortedDistinct(requires))
                && existing.get().supersedes().containsAll(supersedes)) {
            return Optional.of(name.reflectionName());
        }
        IndexContent index = IndexContent.of(name.canonicalName(), module, supersedes, requires);
        try {
            if (namedModule != null) {
                IndexSource.of(index).writeTo(env.getFiler());
            } else {
                try (OutputStream out = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, index.packageName(),
                        IndexClassFile.relativeName(index), index.origins().toArray(Element[]::new)).openOutputStream()) {
                    out.write(IndexClassFile.of(index));
                }
            }
        } catch (FilerException e) {
            // ecj will not generate a source for a class that is on the class path (the output folder,
            // from an earlier build): a named module's index, whose name is fixed.
            diagnostics.error(Diagnostics.STALE_INDEX + " the index " + name.canonicalName() + " from an earlier build is"
                    + " in the output folder, and this compiler cannot replace it (" + e.getMessage() + "); build clean"
                    + " (mvn clean compile)");
            return Optional.empty();
        }
        return Optional.of(name.reflectionName());
    }

    /** Other modules' indexes that declare a revision this module's revise or depend on. */
    private List<String> requires(List<RevisionInfo> infos) {
        Set<String> needed = new HashSet<>();
        Set<String> own = new HashSet<>();
        for (RevisionInfo r : infos) {
            needed.addAll(r.revises());
            needed.addAll(r.dependsOn());
            own.add(r.id());
            own.addAll(r.branchLabels());
        }
        needed.removeAll(own);
        var required = new ArrayList<String>();
        for (ClassPathIndex index : visible) {
            if (!earlier.contains(index) && (index.declaresAnyOf(needed) || index.revisions().stream()
                    .anyMatch(r -> r.branchLabels().stream().anyMatch(needed::contains)))) {
                required.add(index.name());
            }
        }
        return sortedDistinct(required);
    }

    private ModuleElement namedModule(Elements elements) {
        return ModuleProvides.namedModule(elements, module.get(0).element());
    }

    /** The package all migrations share (or the deepest one above them all). */
    private String commonPackage(Elements elements) {
        String common = null;
        for (RevisionDeclaration d : module) {
            String pkg = elements.getPackageOf(d.element()).getQualifiedName().toString();
            common = common == null ? pkg : commonPrefix(common, pkg);
        }
        return common == null ? "" : common;
    }

    private static String commonPrefix(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        var result = new StringBuilder();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
            result.append(result.length() == 0 ? "" : ".").append(x[i]);
        }
        return result.toString();
    }

    private static List<RevisionInfo> sorted(List<RevisionInfo> infos) {
        return infos.stream().sorted(java.util.Comparator.comparing(RevisionInfo::id)).toList();
    }

    private static List<String> sortedDistinct(List<String> names) {
        return names.stream().sorted().distinct().toList();
    }
}
