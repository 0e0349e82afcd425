package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.index.RevisionInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Asks Retort's graph the questions Alembic 1.20.0 answered in {@code graph/alembic-parity.txt}
 * and compares exact sequences: heads and bases in order, the revisions an upgrade or downgrade
 * runs in order with the version rows after each, and the revisions a history range lists. The
 * file, its format and how to regenerate it are in {@code graph/alembic_parity.py}; both sides
 * build the graph from the revisions in the file's order (ascending ids, as the generated index
 * lists them).
 *
 * <p>Two differences are by design: {@code downgrade -1} at several current revisions, which
 * Alembic walks from whichever row the database returns first and Retort refuses, asking for the
 * branch; and {@code history} ranges where Alembic fails its own assertion, which Retort lists
 * (each revision before what it needs).
 *
 * <p>Retort's graph API is checked against the RevisionMap calls it mirrors: {@code iterate}
 * ({@link RevisionGraph#iterate} against {@code iterate_revisions}, ids in yield order),
 * {@code lineage} ({@link RevisionGraph#filterForLineage} of every id against one check),
 * {@code normalized} ({@link RevisionGraph#normalizedParents}) and {@code step}
 * ({@link RevisionGraph#applyStep} against {@code HeadMaintainer.update_to_step}, the rows after
 * compared as a set). Where Alembic fails its own assertion in these, any Retort answer passes.
 *
 * <p>Where Alembic raised, Retort must throw a {@link GraphException} (any kind). Failure
 * messages start with a tag naming the first thing that differs, so a run can be sorted by kind:
 * {@code [heads]}, {@code [bases]}; for a plan {@code [revisions]} (another set of revisions runs),
 * {@code [end-rows]} (the version rows at the end differ), {@code [order]} (same revisions and end
 * rows, another order), {@code [row-changes]} (a step's row changes do not lead to the rows it
 * reports), {@code [rows]} (same order, other rows after some step); for a history range
 * {@code [history-revisions]} and {@code [history-order]}; {@code [iterate-revisions]} and
 * {@code [iterate-order]}; {@code [lineage]}; {@code [normalized]}; {@code [step-rows]} and
 * {@code [step-row-changes]}; {@code [no-error]} (Alembic raised,
 * Retort did not), {@code [error]} (Retort threw, Alembic did not), {@code [crash]} (Retort threw
 * something other than a GraphException) and {@code [graph]} (Retort refused the graph).
 */
class AlembicParityTest {

    private static final String RESOURCE = "/graph/alembic-parity.txt";
    private static final String NONE = "-";
    private static final String ARROW = " -> ";
    private static final String ERROR = "error ";

    @TestFactory
    Stream<DynamicTest> alembicParity() {
        return read().stream().flatMap(g -> g.questions().stream().map(q -> DynamicTest.dynamicTest(
                q.title(), () -> q.check(g.graph()))));
    }

    // ---- the questions ----

    /**
     * One line of the file after the revisions: what to ask of which graph, and what Alembic
     * answered. Failure messages repeat the title, since Surefire's console names a dynamic test
     * by its index only.
     */
    private record Question(String graphName, String kind, Map<String, String> args, String answer) {

        String title() {
            String shown = graphName + " " + switch (kind) {
                case "heads", "bases" -> kind;
                case "history" -> "history range=" + args.get("range");
                case "iterate" -> "iterate upper=" + list(args.get("upper")) + " lower=" + list(args.get("lower"))
                        + " " + options();
                case "lineage" -> "lineage check=" + args.get("check") + " include_dependencies="
                        + args.get("include_dependencies");
                case "normalized" -> "normalized " + args.get("rev");
                case "step" -> "step rows=" + list(args.get("rows")) + " " + args.get("direction") + " "
                        + args.get("revision");
                default -> kind + " rows=" + list(args.get("rows")) + " target=" + args.get("target");
            };
            return alembicError() == null ? shown : shown + " (Alembic: " + alembicError() + ")";
        }

        String alembicError() {
            return answer.startsWith(ERROR) ? answer.substring(ERROR.length()) : null;
        }

        void check(RevisionGraph graph) {
            switch (kind) {
                case "heads" -> assertEquals(list(answer), graph.heads(), "[heads] " + title());
                case "bases" -> assertEquals(list(answer), graph.bases(), "[bases] " + title());
                case "history" -> checkHistory(graph);
                case "upgrade", "downgrade" -> checkPlan(graph);
                case "iterate" -> checkIterate(graph);
                case "lineage" -> checkLineage(graph);
                case "normalized" -> checkNormalized(graph);
                case "step" -> checkStep(graph);
                default -> fail("unknown question kind " + kind);
            }
        }

        /** The RangeOptions a line names with Alembic's keyword arguments. */
        private RangeOptions rangeOptions() {
            return new RangeOptions(bool("inclusive"), bool("implicit_base"), bool("select_for_downgrade"),
                    bool("assert_relative_length"));
        }

        private String options() {
            RangeOptions o = rangeOptions();
            return "inclusive=" + o.inclusive() + " implicitBase=" + o.implicitBase() + " forDowngrade="
                    + o.forDowngrade() + " exactLength=" + o.exactLength();
        }

        private boolean bool(String key) {
            String value = Objects.requireNonNull(args.get(key), key);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalStateException(key + "=" + value + " is not true or false");
            }
            return Boolean.parseBoolean(value);
        }

        private void checkIterate(RevisionGraph graph) {
            List<String> listed = attemptApi(() -> graph.iterate(list(args.get("upper")), list(args.get("lower")),
                    rangeOptions()));
            if (listed != null) {
                assertEquals(sorted(list(answer)), sorted(listed), "[iterate-revisions] " + title() + ": sorted");
                assertEquals(list(answer), listed, "[iterate-order] " + title());
            }
        }

        private void checkLineage(RevisionGraph graph) {
            List<String> all = graph.revisions().stream().map(RevisionInfo::id).toList();
            List<String> kept = attemptApi(() -> graph.filterForLineage(all, args.get("check"),
                    bool("include_dependencies")));
            if (kept != null) {
                assertEquals(list(answer), kept, "[lineage] " + title() + ": the ids kept, of " + all);
            }
        }

        private void checkNormalized(RevisionGraph graph) {
            List<String> parents = attemptApi(() -> graph.normalizedParents(args.get("rev")));
            if (parents != null) {
                assertEquals(list(answer), parents, "[normalized] " + title());
            }
        }

        private void checkStep(RevisionGraph graph) {
            List<String> rows = list(args.get("rows"));
            Direction direction = switch (args.get("direction")) {
                case "upgrade" -> Direction.UPGRADE;
                case "downgrade" -> Direction.DOWNGRADE;
                default -> throw new IllegalStateException("direction=" + args.get("direction"));
            };
            Step step = attemptApi(() -> graph.applyStep(rows, args.get("revision"), direction));
            if (step == null) {
                return;
            }
            assertEquals(new TreeSet<>(list(answer)), new TreeSet<>(step.headsAfter()),
                    "[step-rows] " + title() + ": the rows after the step, as a set (row changes "
                            + step.rowChanges() + ")");
            checkRowChanges(rows, List.of(step), "[step-row-changes] ");
        }

        /**
         * {@link #attempt}, except that where Alembic failed its own assertion any answer passes,
         * a GraphException too (not another exception).
         */
        private <T> T attemptApi(Supplier<T> call) {
            if (!"AssertionError".equals(alembicError())) {
                return attempt(call);
            }
            try {
                call.get();
            } catch (GraphException e) {
                // any answer passes
            } catch (RuntimeException e) {
                fail("[crash] " + title() + ": Alembic fails its own assertion; Retort throws " + e, e);
            }
            return null;
        }

        private void checkHistory(RevisionGraph graph) {
            String range = args.get("range");
            if ("AssertionError".equals(alembicError())) {
                // Alembic fails its own check here (every head above the lower end is only depended
                // on, so its walk never reaches them); Retort lists them, each before what it needs.
                List<String> listed = graph.history(range, List.of());
                for (int i = 0; i < listed.size(); i++) {
                    Set<String> needs = graph.ancestors(List.of(listed.get(i)));
                    for (String earlier : listed.subList(0, i)) {
                        assertTrue(!needs.contains(earlier) || earlier.equals(listed.get(i)),
                                "[history-order] " + title() + ": " + earlier + " is listed before " + listed.get(i)
                                        + ", which it needs: " + listed);
                    }
                }
                return;
            }
            List<String> listed = attempt(() -> graph.history(range, List.of()));
            if (listed != null) {
                assertEquals(sorted(list(answer)), sorted(listed), "[history-revisions] " + title() + ": sorted");
                assertEquals(list(answer), listed, "[history-order] " + title());
            }
        }

        private void checkPlan(RevisionGraph graph) {
            List<String> rows = list(args.get("rows"));
            String target = args.get("target");
            Plan plan = attempt(() -> kind.equals("upgrade")
                    ? graph.upgrade(rows, target)
                    : graph.downgrade(rows, target));
            if (plan == null) {
                return;
            }
            List<String> expected = answer.equals(NONE) ? List.of() : Arrays.asList(answer.split("; "));
            List<String> expectedOrder = expected.stream().map(s -> s.substring(0, s.indexOf(':'))).toList();
            List<String> actualOrder = plan.steps().stream().map(Step::revision).toList();
            assertEquals(sorted(expectedOrder), sorted(actualOrder),
                    "[revisions] " + title() + ": the revisions " + kind + " runs, sorted");
            String last = expected.isEmpty() ? null : expected.get(expected.size() - 1);
            String expectedEnd = last == null ? rowsText(rows) : last.substring(last.indexOf(':') + 1);
            assertEquals(expectedEnd, rowsText(plan.headsAfter()),
                    "[end-rows] " + title() + ": the rows once the plan has run");
            assertEquals(expectedOrder, actualOrder, "[order] " + title() + ": the revisions " + kind + " runs");
            checkRowChanges(rows, plan.steps(), "[row-changes] ");
            List<String> actual = plan.steps().stream().map(Question::stepWithRows).toList();
            assertEquals(expected, actual, "[rows] " + title() + ": the rows after each step (revision:rows)");
        }

        /** Each step's row changes, applied to the rows before it, give the rows it reports after it. */
        private void checkRowChanges(List<String> rows, List<Step> steps, String tag) {
            var current = new TreeSet<>(rows);
            for (Step step : steps) {
                for (RowChange change : step.rowChanges()) {
                    boolean ok;
                    if (change instanceof RowChange.Insert i) {
                        ok = current.add(i.revision());
                    } else if (change instanceof RowChange.Delete d) {
                        ok = current.remove(d.revision());
                    } else {
                        var u = (RowChange.Update) change;
                        ok = current.remove(u.from()) && current.add(u.to());
                    }
                    if (!ok) {
                        fail(tag + title() + ": step " + step.revision() + ": " + change
                                + " does not apply to " + current);
                    }
                }
                assertEquals(current, new TreeSet<>(step.headsAfter()), tag + title() + ": step "
                        + step.revision() + ": its row changes " + step.rowChanges() + " and its rows after disagree");
            }
        }

        /**
         * Runs the call; when Alembic raised, passes if Retort throws a GraphException too and
         * returns {@code null}. Otherwise returns Retort's answer, failing if it threw. Anything
         * but a GraphException fails either way: Alembic's own AssertionErrors are recorded as
         * errors, and Retort has to answer them with a typed one.
         */
        private <T> T attempt(Supplier<T> call) {
            T result;
            try {
                result = call.get();
            } catch (GraphException.AmbiguousWalk e) {
                // Documented difference: at several current revisions, Alembic's "downgrade -1" warns
                // and walks from whichever row the database returns first; Retort asks for the branch.
                if (alembicError() == null && !(kind.equals("downgrade") && args.get("target").matches("-[0-9]+")
                        && list(args.get("rows")).size() > 1)) {
                    fail("[error] " + title() + ": Alembic answers " + answer + "; Retort throws AmbiguousWalk: "
                            + e.getMessage(), e);
                }
                return null;
            } catch (GraphException e) {
                if (alembicError() == null) {
                    fail("[error] " + title() + ": Alembic answers " + answer + "; Retort throws "
                            + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
                return null;
            } catch (RuntimeException e) {
                return fail("[crash] " + title() + ": Alembic " + (alembicError() == null ? "answers " + answer
                        : "raises " + alembicError()) + "; Retort throws " + e, e);
            }
            if (alembicError() != null) {
                fail("[no-error] " + title() + ": Alembic raises " + alembicError() + "; Retort answers "
                        + shown(result));
            }
            return result;
        }

        private static String shown(Object result) {
            if (result instanceof Step step) {
                return "rows after " + step.headsAfter() + " by " + step.rowChanges();
            }
            if (result instanceof Plan plan) {
                return plan.steps().isEmpty() ? NONE
                        : String.join("; ", plan.steps().stream().map(Question::stepWithRows).toList());
            }
            return String.valueOf(result);
        }

        /** A step as the file writes it: {@code <revision>:<rows after, sorted, or ->}. */
        private static String stepWithRows(Step step) {
            return step.revision() + ":" + rowsText(step.headsAfter());
        }

        private static String rowsText(List<String> rows) {
            return rows.isEmpty() ? NONE : String.join(",", new TreeSet<>(rows));
        }

        private static List<String> sorted(List<String> ids) {
            return ids.stream().sorted().toList();
        }
    }

    // ---- the file ----

    /** A graph as the file lists it, built on first use so that a graph Retort refuses fails only its own tests. */
    private static final class Graph {
        private final String name;
        private final List<RevisionInfo> revisions = new ArrayList<>();
        private final List<Question> questions = new ArrayList<>();
        private RevisionGraph built;

        Graph(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        List<Question> questions() {
            return questions;
        }

        synchronized RevisionGraph graph() {
            if (built == null) {
                try {
                    built = RevisionGraph.of(revisions);
                } catch (GraphException e) {
                    fail("[graph] Retort refuses graph " + name + ": " + e.getMessage(), e);
                }
            }
            return built;
        }
    }

    private static List<Graph> read() {
        var graphs = new ArrayList<Graph>();
        Graph graph = null;
        try (InputStream in = Objects.requireNonNull(AlembicParityTest.class.getResourceAsStream(RESOURCE), RESOURCE);
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("seed ")) {
                    continue;
                }
                String kind = line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
                String rest = line.substring(kind.length()).strip();
                switch (kind) {
                    case "graph" -> graphs.add(graph = new Graph(rest));
                    case "end" -> graph = null;
                    case "rev" -> Objects.requireNonNull(graph, "rev outside a graph").revisions.add(revision(rest));
                    case "heads", "bases" -> graph.questions.add(new Question(graph.name, kind, Map.of(), rest));
                    case "upgrade", "downgrade", "history", "iterate", "lineage", "normalized", "step" -> {
                        int arrow = rest.indexOf(ARROW);
                        if (arrow < 0) {
                            throw new IllegalStateException(RESOURCE + ":" + number + ": no '" + ARROW.strip() + "'");
                        }
                        graph.questions.add(new Question(graph.name, kind, words(rest.substring(0, arrow)),
                                rest.substring(arrow + ARROW.length()).strip()));
                    }
                    default -> throw new IllegalStateException(RESOURCE + ":" + number + ": unknown line " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (graphs.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " holds no graph");
        }
        return graphs;
    }

    /** {@code <id> parents=<a,b|-> labels=<l|-> depends=<d|->}. */
    private static RevisionInfo revision(String text) {
        String id = text.substring(0, text.indexOf(' '));
        Map<String, String> w = words(text.substring(id.length()));
        return RevisionInfo.of(id, list(w.get("parents")).toArray(String[]::new))
                .withBranchLabels(list(w.get("labels")).toArray(String[]::new))
                .withDependsOn(list(w.get("depends")).toArray(String[]::new));
    }

    /** {@code key=value} words separated by spaces; values hold no space. */
    private static Map<String, String> words(String text) {
        var result = new LinkedHashMap<String, String>();
        for (String word : text.strip().split(" +")) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException("expected key=value, got " + word);
            }
            result.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return result;
    }

    /** {@code a,b} or {@code -} for none. */
    private static List<String> list(String text) {
        return text == null || text.equals(NONE) ? List.of() : List.of(text.split(","));
    }
}
