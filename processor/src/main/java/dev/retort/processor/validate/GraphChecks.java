package dev.retort.processor.validate;

import static dev.retort.processor.Diagnostics.BAD_ID;
import static dev.retort.processor.Diagnostics.CYCLE;
import static dev.retort.processor.Diagnostics.DEPENDENCY_CYCLE;
import static dev.retort.processor.Diagnostics.DUPLICATE_ID;
import static dev.retort.processor.Diagnostics.DUPLICATE_LABEL;
import static dev.retort.processor.Diagnostics.DUPLICATE_PARENT;
import static dev.retort.processor.Diagnostics.FOREIGN_INDEX;
import static dev.retort.processor.Diagnostics.IMPLIED_DEPENDENCY;
import static dev.retort.processor.Diagnostics.MULTIPLE_HEADS;
import static dev.retort.processor.Diagnostics.SELF_DEPENDENCY;
import static dev.retort.processor.Diagnostics.SELF_REVISION;
import static dev.retort.processor.Diagnostics.UNKNOWN_REVISION;

import dev.retort.graph.GraphException;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.Suggestions;
import dev.retort.index.RevisionInfo;
import dev.retort.processor.Diagnostics;
import dev.retort.processor.model.ForeignRevision;
import dev.retort.processor.model.RevisionDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;

/**
 * Checks the graph that this module's revisions and those of other jars form, with the rules of
 * {@link RevisionGraph#problems}, and reports each problem on the annotation value that causes
 * it. Problems that lie wholly inside other jars' indexes are warnings: this compilation cannot
 * fix them. When the graph is sound, it warns about several heads and about dependencies that an
 * ancestor already implies.
 */
public final class GraphChecks {

    /** How multiple heads are treated, from {@code -Aretort.heads}. */
    public enum HeadsPolicy {
        /** A warning listing the heads (the default): branches are normal while people work. */
        MULTIPLE,
        /** An error: the build insists on one head. */
        SINGLE
    }

    private final Diagnostics diagnostics;
    private final HeadsPolicy headsPolicy;
    private final boolean uncertain;
    private Set<String> compiledNow = Set.of();
    private final Map<String, List<RevisionDeclaration>> local = new LinkedHashMap<>();
    private final Map<String, String> foreignIndex = new LinkedHashMap<>();
    private final List<RevisionInfo> all = new ArrayList<>();

    /**
     * @param uncertain whether some revision of this compilation could not be read (an annotation
     *     or a value the compiler could not resolve): then a missing parent may be that one, and
     *     the graph as read is not the real one, so neither is reported
     */
    public GraphChecks(Diagnostics diagnostics, HeadsPolicy headsPolicy, boolean uncertain) {
        this.diagnostics = diagnostics;
        this.headsPolicy = headsPolicy;
        this.uncertain = uncertain;
    }

    /**
     * Reports every problem of the graph.
     *
     * @param module this module's revisions: those compiled now and those carried over from its
     *     earlier index (present only as class files)
     * @param compiledNow the classes compiled now, which alone get advice (warnings)
     * @return true when there was no error
     */
    public boolean check(List<RevisionDeclaration> module, Set<String> compiledNow, List<ForeignRevision> foreign) {
        this.compiledNow = compiledNow;
        for (RevisionDeclaration d : module) {
            local.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d);
            all.add(d.info());
        }
        for (ForeignRevision f : foreign) {
            foreignIndex.putIfAbsent(f.info().id(), f.indexName());
            all.add(f.info());
        }
        RevisionGraph.Checked checked = RevisionGraph.check(all);
        checked.problems().forEach(this::report);
        RevisionGraph graph = checked.graph();
        if (graph == null || uncertain) {
            return !diagnostics.hadErrors(); // problems only in other jars are warnings, and leave no graph to advise on
        }
        checkHeads(graph.heads());
        module.stream().filter(d -> compiledNow.contains(d.info().className())).forEach(d -> checkDependencies(graph, d));
        return !diagnostics.hadErrors();
    }

    private void report(GraphException problem) {
        if (problem instanceof GraphException.InvalidRevisionId p) {
            at(p.ids().get(0), "id", null, BAD_ID + " '" + p.ids().get(0)
                    + "' is not a valid revision id; use 1 to 32 characters of [0-9a-z_]", p);
        } else if (problem instanceof GraphException.InvalidBranchLabel p) {
            at(p.ids().get(1), "branchLabels", p.ids().get(0), BAD_ID + " " + p.getMessage(), p);
        } else if (problem instanceof GraphException.DuplicateRevision p) {
            reportDuplicate(p);
        } else if (problem instanceof GraphException.DuplicateParent p) {
            String attribute = p.isDependency() ? "dependsOn" : "revises";
            for (RevisionDeclaration d : local.getOrDefault(p.revision(), List.of())) {
                error(DUPLICATE_PARENT + " " + attribute + " lists '" + p.parent() + "' twice; name it once", d,
                        d.item(attribute, p.parent(), 2));
            }
        } else if (problem instanceof GraphException.MissingRevision p) {
            if (uncertain) {
                return;
            }
            String attribute = p.isDependency() ? "dependsOn" : "revises";
            at(p.revision(), attribute, p.missing(), UNKNOWN_REVISION + " " + (p.isDependency() ? "depends on '" : "revises '")
                    + p.missing() + "', which no revision declares" + suggestion(p.missing())
                    + "; fix the id, or put the jar that declares it on the compile class path", p);
        } else if (problem instanceof GraphException.SelfLoop p) {
            at(p.ids().get(0), "revises", p.ids().get(0), SELF_REVISION + " revision '" + p.ids().get(0)
                    + "' revises itself; name its parent instead (or nothing, for a base)", p);
        } else if (problem instanceof GraphException.DependencySelfLoop p) {
            at(p.ids().get(0), "dependsOn", null, SELF_DEPENDENCY + " revision '" + p.ids().get(0)
                    + "' depends on itself; remove it from dependsOn", p);
        } else if (problem instanceof GraphException.Cycle p) {
            reportCycle(p.ids(), CYCLE, "revises");
        } else if (problem instanceof GraphException.DependencyCycle p) {
            reportCycle(p.ids(), DEPENDENCY_CYCLE, "dependsOn");
        } else if (problem instanceof GraphException.DuplicateBranchLabel p) {
            for (String id : p.ids()) {
                for (RevisionDeclaration d : local.getOrDefault(id, List.of())) {
                    if (d.info().branchLabels().contains(p.label())) {
                        error(DUPLICATE_LABEL + " " + p.getMessage(), d, d.item("branchLabels", p.label()));
                    }
                }
            }
        } else {
            diagnostics.error(problem.getMessage());
        }
    }

    private void reportDuplicate(GraphException.DuplicateRevision p) {
        String id = p.ids().get(0);
        List<RevisionDeclaration> mine = local.getOrDefault(id, List.of());
        for (RevisionDeclaration d : mine) {
            String others = all.stream()
                    .filter(r -> r.id().equals(id) && !r.className().equals(d.info().className()))
                    .map(r -> isLocalClass(r) ? r.className() : r.className() + " (on the class path)")
                    .collect(Collectors.joining(", "));
            error(DUPLICATE_ID + " revision id '" + id + "' is also declared by " + others
                    + "; give each revision its own id", d, d.value("id"));
        }
        if (mine.isEmpty()) {
            diagnostics.warning(FOREIGN_INDEX + " " + p.getMessage());
        }
    }

    /** Consecutive entries of a cycle: each revises (or depends on) the one before it. */
    private void reportCycle(List<String> cycle, String tag, String attribute) {
        String text = String.join(" <- ", cycle);
        boolean reported = false;
        for (int i = 1; i < cycle.size(); i++) {
            String child = cycle.get(i);
            String parent = cycle.get(i - 1);
            for (RevisionDeclaration d : local.getOrDefault(child, List.of())) {
                String where = d.info().revises().contains(parent) ? "revises" : attribute;
                error(tag + " revision '" + child + "' is on a cycle (" + text
                        + ", each revising or depending on the one before); make one of them name an older revision", d,
                        d.item(where, parent));
                reported = true;
            }
        }
        if (!reported) {
            diagnostics.warning(FOREIGN_INDEX + " revisions on the class path form a cycle: " + text);
        }
    }

    private void at(String revision, String attribute, String item, String message, GraphException problem) {
        List<RevisionDeclaration> mine = local.getOrDefault(revision, List.of());
        for (RevisionDeclaration d : mine) {
            error(message, d, item == null ? d.value(attribute) : d.item(attribute, item));
        }
        if (mine.isEmpty()) {
            diagnostics.warning(FOREIGN_INDEX + " " + problem.getMessage()
                    + (foreignIndex.containsKey(revision) ? " (listed by " + foreignIndex.get(revision) + ")" : ""));
        }
    }

    private void checkHeads(List<String> heads) {
        if (heads.size() < 2) {
            return;
        }
        String message = MULTIPLE_HEADS + " the revision graph has " + heads.size() + " heads (" + String.join(", ", heads)
                + "); write a merge revision that revises them all: retort merge -m \"merge heads\" heads";
        boolean reported = false;
        for (String head : heads) {
            for (RevisionDeclaration d : local.getOrDefault(head, List.of())) {
                if (headsPolicy == HeadsPolicy.SINGLE) {
                    error(message, d, d.value("id"));
                } else {
                    diagnostics.warning(message, d.element(), d.annotation(), d.value("id"));
                }
                reported = true;
            }
        }
        if (!reported) {
            if (headsPolicy == HeadsPolicy.SINGLE) {
                diagnostics.error(message);
            } else {
                diagnostics.warning(message);
            }
        }
    }

    /** A dependency that a parent (or another dependency) already brings in adds nothing. */
    private void checkDependencies(RevisionGraph graph, RevisionDeclaration d) {
        List<String> dependsOn = d.info().dependsOn();
        for (String dependency : dependsOn) {
            String target = graph.labelled(dependency).orElse(dependency);
            var others = new ArrayList<>(d.info().revises());
            dependsOn.stream().filter(o -> !o.equals(dependency)).map(o -> graph.labelled(o).orElse(o)).forEach(others::add);
            for (String other : others) {
                if (!other.equals(target) && graph.ancestors(List.of(other)).contains(target)) {
                    diagnostics.warning(IMPLIED_DEPENDENCY + " dependsOn '" + dependency + "' is already implied: '" + other
                            + "' needs it first anyway; remove it from dependsOn", d.element(), d.annotation(),
                            d.item("dependsOn", dependency));
                    break;
                }
            }
        }
    }

    /** An error on a revision; one compiled earlier (an incremental build) is named, having no source line here. */
    private void error(String message, RevisionDeclaration d, AnnotationValue value) {
        String where = compiledNow.contains(d.info().className()) ? ""
                : " (in " + d.info().className() + ", compiled earlier; its source file declares it)";
        diagnostics.error(message + where, d.element(), d.annotation(), value);
    }

    private boolean isLocalClass(RevisionInfo r) {
        return local.values().stream().flatMap(List::stream).anyMatch(d -> d.info().className().equals(r.className()));
    }

    /** " (did you mean 'x'?)" when a known id starts with the text or is one or two edits from it. */
    private String suggestion(String missing) {
        var known = new ArrayList<String>();
        for (RevisionInfo r : all) {
            known.add(r.id());
            known.addAll(r.branchLabels());
        }
        List<String> prefixed = known.stream().filter(k -> k.startsWith(missing)).distinct().toList();
        if (prefixed.size() == 1) {
            return " (did you mean '" + prefixed.get(0) + "'? annotations need the full id)";
        }
        return Suggestions.closest(missing, known).map(best -> " (did you mean '" + best + "'?)").orElse("");
    }
}
