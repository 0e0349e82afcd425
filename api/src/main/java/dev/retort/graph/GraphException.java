package dev.retort.graph;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import java.util.List;

/**
 * Errors of the revision graph and of resolving targets in it. Each kind is its own type and
 * carries the ids it names, so callers (the processor, the command line, tests) can react to
 * the kind rather than parse the message.
 */
public abstract sealed class GraphException extends RetortException {

    private final List<String> ids;

    GraphException(ErrorCode code, String message, List<String> ids) {
        super(code, message);
        this.ids = List.copyOf(ids);
    }

    /** The revision ids, labels or identifiers the error is about, in the order it names them. */
    public List<String> ids() {
        return ids;
    }

    static String join(List<String> ids) {
        return String.join(", ", ids);
    }

    /** An identifier that matches no revision. */
    public static final class UnknownRevision extends GraphException {
        public UnknownRevision(String identifier, String hint) {
            super(ErrorCode.UNKNOWN_REVISION,
                    "no revision matches '" + identifier + "'" + (hint.isEmpty() ? "" : "; " + hint),
                    List.of(identifier));
        }
    }

    /** A partial id that matches several revisions. */
    public static final class AmbiguousRevision extends GraphException {
        public AmbiguousRevision(String prefix, List<String> candidates) {
            super(ErrorCode.AMBIGUOUS_REVISION,
                    "'" + prefix + "' matches several revisions (" + join(candidates) + "); type more of the id",
                    candidates);
        }
    }

    /** {@code head} was asked for while the graph has several. */
    public static final class MultipleHeads extends GraphException {
        public MultipleHeads(List<String> heads) {
            super(ErrorCode.MULTIPLE_HEADS,
                    "the graph has several heads (" + join(heads)
                            + "); give one of them, 'heads' for all, or write a merge revision with 'retort merge'",
                    heads);
        }
    }

    /** Two revisions share an id. */
    public static final class DuplicateRevision extends GraphException {
        public DuplicateRevision(String id, List<String> classNames) {
            super(ErrorCode.DUPLICATE_REVISION,
                    "revision id " + id + " is declared more than once (" + join(classNames)
                            + "); give each revision its own id",
                    List.of(id));
        }
    }

    /** An id that breaks the id form. */
    public static final class InvalidRevisionId extends GraphException {
        public InvalidRevisionId(String id, String where) {
            super(ErrorCode.INVALID_REVISION_ID,
                    "'" + id + "'" + where + " is not a valid revision id; use 1 to 32 characters of [0-9a-z_],"
                            + " other than head, heads, base and current",
                    List.of(id));
        }
    }

    /** A branch label that breaks the label form. */
    public static final class InvalidBranchLabel extends GraphException {
        public InvalidBranchLabel(String label, String revision) {
            super(ErrorCode.INVALID_REVISION_ID,
                    "branch label '" + label + "' of revision " + revision
                            + " is not valid; use up to 64 letters, digits and _, not starting with a digit,"
                            + " other than head, heads, base and current",
                    List.of(label, revision));
        }
    }

    /** A parent or dependency that no revision declares. */
    public static final class MissingRevision extends GraphException {
        private final boolean dependency;

        public MissingRevision(String revision, String missing, boolean dependency) {
            super(ErrorCode.MISSING_REVISION,
                    "revision " + revision + (dependency ? " depends on " : " revises ") + missing
                            + ", which no migration on the class path declares; add the jar or class folder that has it",
                    List.of(revision, missing));
            this.dependency = dependency;
        }

        public String revision() {
            return ids().get(0);
        }

        public String missing() {
            return ids().get(1);
        }

        /** Whether the missing id is named in dependsOn (rather than revises). */
        public boolean isDependency() {
            return dependency;
        }
    }

    /** The same parent, or the same dependency, listed twice by one revision. */
    public static final class DuplicateParent extends GraphException {
        private final boolean dependency;

        public DuplicateParent(String revision, String parent, boolean dependency) {
            super(ErrorCode.DUPLICATE_PARENT,
                    "revision " + revision + " lists " + parent + " twice in " + (dependency ? "dependsOn" : "revises")
                            + "; name it once",
                    List.of(revision, parent));
            this.dependency = dependency;
        }

        public String revision() {
            return ids().get(0);
        }

        public String parent() {
            return ids().get(1);
        }

        public boolean isDependency() {
            return dependency;
        }
    }

    /** A revision that revises itself. */
    public static final class SelfLoop extends GraphException {
        public SelfLoop(String id) {
            super(ErrorCode.SELF_LOOP, "revision " + id + " revises itself; remove " + id + " from its revises",
                    List.of(id));
        }
    }

    /** A revision that depends on itself. */
    public static final class DependencySelfLoop extends GraphException {
        public DependencySelfLoop(String id) {
            super(ErrorCode.DEPENDENCY_SELF_LOOP,
                    "revision " + id + " depends on itself; remove " + id + " from its dependsOn", List.of(id));
        }
    }

    /** Revisions that revise each other in a circle. */
    public static final class Cycle extends GraphException {
        public Cycle(List<String> cycle) {
            super(ErrorCode.CYCLE,
                    "revisions revise each other in a cycle: " + String.join(" -> ", cycle)
                            + "; one of them must revise an older revision",
                    cycle);
        }
    }

    /** Revisions that depend on each other in a circle (through dependsOn and revises). */
    public static final class DependencyCycle extends GraphException {
        public DependencyCycle(List<String> cycle) {
            super(ErrorCode.DEPENDENCY_CYCLE,
                    "revisions depend on each other in a cycle: " + String.join(" -> ", cycle)
                            + "; remove one of the dependsOn entries",
                    cycle);
        }
    }

    /** A branch label declared twice, or equal to a revision id. */
    public static final class DuplicateBranchLabel extends GraphException {
        private final String label;

        public DuplicateBranchLabel(String label, List<String> revisions, String what) {
            super(ErrorCode.DUPLICATE_BRANCH_LABEL,
                    "branch label '" + label + "' " + what + " (" + join(revisions) + "); choose another label",
                    revisions);
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A target that is not of the target grammar. */
    public static final class InvalidTarget extends GraphException {
        public InvalidTarget(String target, String why) {
            super(ErrorCode.INVALID_TARGET, "'" + target + "' is not a valid target: " + why, List.of(target));
        }
    }

    /** A relative target that walks off the graph. */
    public static final class RelativeOutOfRange extends GraphException {
        public RelativeOutOfRange(String target, int steps, int possible) {
            super(ErrorCode.RELATIVE_OUT_OF_RANGE,
                    "'" + target + "' asks for " + steps + " step" + (steps == 1 ? "" : "s") + " but only "
                            + possible + " " + (possible == 1 ? "is" : "are") + " possible from there",
                    List.of(target));
        }
    }

    /**
     * A relative step that goes the other way than the command: {@code upgrade -2},
     * {@code downgrade +2} (Alembic: "relative revision … didn't produce … migrations").
     */
    public static final class WrongDirection extends GraphException {
        public WrongDirection(String target, Direction direction) {
            super(ErrorCode.RELATIVE_OUT_OF_RANGE, "'" + target + "' is out of range for " + direction.label() + ": "
                    + (direction == Direction.UPGRADE ? "an upgrade steps up (+N); to go down, downgrade " + target
                    : "a downgrade steps down (-N); to go up, upgrade " + target), List.of(target));
        }
    }

    /**
     * A downgrade target that is applied only as what another branch needs, with nothing of its
     * own above it to revert (Alembic: "Nothing to drop").
     */
    public static final class NothingToRevert extends GraphException {
        public NothingToRevert(String target, List<String> current) {
            super(ErrorCode.INVALID_DOWNGRADE_TARGET, "cannot downgrade to " + target + ": nothing applied stands on it"
                    + " along the current revisions (" + join(current) + "); it is there only because another branch"
                    + " depends on it; downgrade that branch instead", List.of(target));
        }
    }

    /** A relative walk that would have to choose between branches. */
    public static final class AmbiguousWalk extends GraphException {
        public AmbiguousWalk(String target, String at, List<String> choices) {
            super(ErrorCode.AMBIGUOUS_WALK,
                    "'" + target + "' cannot choose at " + at + " between " + join(choices)
                            + "; give a revision id instead",
                    choices);
        }
    }

    /** A downgrade to a revision that is not below the database's current revisions. */
    public static final class InvalidDowngradeTarget extends GraphException {
        public InvalidDowngradeTarget(String target, List<String> current) {
            super(ErrorCode.INVALID_DOWNGRADE_TARGET,
                    "cannot downgrade to " + target + ": it is not applied (the database is at "
                            + (current.isEmpty() ? "base" : join(current)) + "); use 'upgrade' to move forward",
                    List.of(target));
        }
    }

    /** An upgrade whose target is not above the database's current revisions. */
    public static final class InvalidUpgradeTarget extends GraphException {
        public InvalidUpgradeTarget(String target, String why) {
            super(ErrorCode.INVALID_UPGRADE_TARGET, "cannot upgrade to " + target + ": " + why, List.of(target));
        }
    }

    /** The database's version table names a revision that no migration on the class path declares. */
    public static final class UnknownCurrentRevision extends GraphException {
        public UnknownCurrentRevision(String id) {
            super(ErrorCode.UNKNOWN_DATABASE_REVISION,
                    "the database is at revision " + id + ", which no migration on the class path declares;"
                            + " add the jar or class folder that has it, or 'stamp' the database to a known revision",
                    List.of(id));
        }
    }

    /** A branch label (or the revision in the label position) that the graph does not have. */
    public static final class UnknownBranch extends GraphException {
        public UnknownBranch(String branch) {
            super(ErrorCode.UNKNOWN_BRANCH, "no branch '" + branch + "': it is neither a branch label nor a revision;"
                    + " 'retort branches' and 'retort heads --verbose' list the labels", List.of(branch));
        }
    }

    /** A revision named together with a branch it is not on. */
    public static final class NotInBranch extends GraphException {
        public NotInBranch(String revision, String branch) {
            super(ErrorCode.NOT_IN_BRANCH, "revision " + revision + " is not on branch '" + branch
                    + "' (neither an ancestor nor a descendant of it); name a revision of that branch", List.of(revision, branch));
        }
    }

    /** A range whose lower end is not below its upper end. */
    public static final class NotAnAncestor extends GraphException {
        public NotAnAncestor(String lower, String upper) {
            super(ErrorCode.NOT_AN_ANCESTOR, "revision " + lower + " is not an ancestor of revision " + upper
                    + "; give the older revision first, as in from:to", List.of(lower, upper));
        }
    }

    /** Several targets of which one is an ancestor of another. */
    public static final class OverlappingTargets extends GraphException {
        public OverlappingTargets(String target, List<String> overlapping) {
            super(ErrorCode.OVERLAPPING_TARGETS, "target " + target + " overlaps with " + join(overlapping)
                    + " (one is an ancestor of the other); give only the newer one", concat(target, overlapping));
        }

        private static List<String> concat(String first, List<String> rest) {
            var all = new java.util.ArrayList<String>();
            all.add(first);
            all.addAll(rest);
            return all;
        }
    }

    /** {@code +N} from several current revisions without a branch to choose one. */
    public static final class AmbiguousUpgrade extends GraphException {
        public AmbiguousUpgrade(String target, List<String> current) {
            super(ErrorCode.AMBIGUOUS_UPGRADE, "'" + target + "' is ambiguous: the database is at several revisions ("
                    + join(current) + "); name the branch, as in <label>@" + target, current);
        }
    }
}
