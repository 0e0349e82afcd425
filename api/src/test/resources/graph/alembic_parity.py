#!/usr/bin/env python3
"""Oracle for AlembicParityTest: records what Alembic does on many revision graphs.

Regenerate (from the repository root):

    python3 -m venv v && v/bin/pip install alembic==1.20.0 \
        && v/bin/python api/src/test/resources/graph/alembic_parity.py \
        > api/src/test/resources/graph/alembic-parity.txt

No database and no script directory: each graph is an in-memory
alembic.script.revision.RevisionMap, and each question calls the code that
ScriptDirectory and MigrationContext call (alembic/script/base.py,
alembic/runtime/migration.py):

* upgrade:   reversed(list(map.iterate_revisions(target, rows, implicit_base=True)))
             (ScriptDirectory._upgrade_revs)
* downgrade: map.iterate_revisions(rows, target, select_for_downgrade=True)
             (ScriptDirectory._downgrade_revs)
* history:   map.iterate_revisions(upper, lower, inclusive=True,
             assert_relative_length=False) with lower = start or "base" and
             upper = end or "heads" for `history -r start:end`
             (ScriptDirectory.walk_revisions, command.history)
* rows after each step: Alembic's own HeadMaintainer.update_to_step on a
  RevisionStep, with a context that executes nothing.

And, for Retort's graph API (RevisionGraph.iterate, filterForLineage,
normalizedParents, applyStep), the RevisionMap calls themselves:

* iterate:    map.iterate_revisions(upper, lower, inclusive=, implicit_base=,
              select_for_downgrade=, assert_relative_length=), one end of one
              target passed as a string, of several as a tuple, '-' as None;
              with select_for_downgrade the upper end is the version rows (a
              tuple) and the lower end one target ('base', an id, '-1')
* lineage:    map.filter_for_lineage(<every id, in file order>, check_against,
              include_dependencies)
* normalized: map.get_revision(id)._normalized_down_revisions
* step:       HeadMaintainer(rows).update_to_step(RevisionStep(map, script, is_upgrade)),
              asked only where a real run could take that step: an upgrade of a
              revision not applied whose normalized down revisions all are, a
              downgrade of one of the rows

Revisions are given to the RevisionMap in ascending id order, which is the
order Retort's generated index lists them in, and the order the Java test
builds RevisionGraph.of(...) from. The current rows are passed sorted too (a
database returns them in no particular order; Retort keeps them in graph order).
Errors are recorded as the class Alembic raises from RevisionMap (ScriptDirectory
would wrap RevisionError subclasses in CommandError). Alembic turns some sets
into tuples; no graph here gives a revision two dependencies, where that order
would show, and the output was checked to be the same under several
PYTHONHASHSEED values.

File format, one item per line ('#' lines are comments):

    seed <n>                       the seed of the random graphs
    graph <name>                   starts a graph
    rev <id> parents=<a,b|-> labels=<l1,l2|-> depends=<d|->
                                   one per revision, in the order to build from
    heads <ids|->                  RevisionMap.heads, in its order
    bases <ids|->                  RevisionMap.bases, in its order
    upgrade rows=<ids|-> target=<t> -> <steps>
    downgrade rows=<ids|-> target=<t> -> <steps>
                                   <steps> is '-' for no step, or
                                   '<id>:<rows after, sorted, or ->' joined by '; '
                                   in the order Alembic runs them
    history range=<start:end> lower=<l> upper=<u> -> <ids, newest first|->
    iterate upper=<targets> lower=<targets|-> inclusive=<b> implicit_base=<b>
            select_for_downgrade=<b> assert_relative_length=<b> -> <ids, in yield order|->
                                   (one line) <b> is true or false; targets comma-separated
    lineage check=<id, label or label@heads> include_dependencies=<b> -> <kept ids, in order|->
    normalized rev=<id> -> <ids|->
    step rows=<ids|-> revision=<id> direction=<upgrade|downgrade> -> <rows after, sorted, or ->
    ... -> error <ExceptionClassName>
                                   when Alembic raises (also AssertionError etc.)
    end                            ends a graph
"""

import random
import types
import warnings

import alembic
from alembic.runtime.migration import HeadMaintainer, RevisionStep
from alembic.script.revision import Revision, RevisionMap
from sqlalchemy import Column, MetaData, String, Table

SEED = 20250611
RANDOM_GRAPHS = 40
# Beyond the questions every graph gets (see questions()), a random graph asks this many more
# (rows, target) pairs per direction, sampled, and a hand-written one HAND_EXTRA: the file
# stays a few thousand lines.
RANDOM_EXTRA = 8
HAND_EXTRA = 30
# The API questions (iterate, step) are sampled too, with their own random streams so the
# questions above stay as they were. Per graph and side of iterate (upgrade side, downgrade side)
# every option set and every (upper, lower) pair is asked at least once, filled up to "iterate"
# questions; "step" steps are sampled, half of them from the less plain ones.
API_HAND = {"iterate": 18, "step": 20}
API_RANDOM = {"iterate": 8, "step": 6}


class Rev(Revision):
    """A Revision with the `module` a RevisionStep reads its migration function from."""

    module = types.SimpleNamespace(upgrade=lambda: None, downgrade=lambda: None)


class NoDatabase:
    """What HeadMaintainer needs of a MigrationContext; statements are built and dropped."""

    def __init__(self):
        self.impl = types.SimpleNamespace(_exec=lambda statement: None)
        self._version = Table("alembic_version", MetaData(), Column("version_num", String(32)))
        self.as_sql = True
        self.version_table = "alembic_version"


def build(spec):
    """spec: list of (id, parents, labels, depends), in the order to load."""
    revs = [
        Rev(i, tuple(p) or None, dependencies=tuple(d) or None, branch_labels=tuple(lb) or None)
        for i, p, lb, d in spec
    ]
    rmap = RevisionMap(lambda: revs)
    rmap.heads  # load now: a broken graph fails here, not in a question
    return rmap


def fmt(ids):
    return ",".join(ids) if ids else "-"


def run_steps(rmap, rows, scripts, upgrade):
    maintainer = HeadMaintainer(NoDatabase(), rows)
    out = []
    for script in scripts:
        maintainer.update_to_step(RevisionStep(rmap, script, upgrade))
        out.append("%s:%s" % (script.revision, fmt(sorted(maintainer.heads))))
    return "; ".join(out) if out else "-"


def answer(fn):
    try:
        return fn()
    except Exception as e:  # record what Alembic raises, whatever it is
        return "error " + type(e).__name__


def upgrade(rmap, rows, target):
    def go():
        scripts = list(rmap.iterate_revisions(target, tuple(rows), implicit_base=True))
        return run_steps(rmap, rows, list(reversed(scripts)), True)

    return answer(go)


def downgrade(rmap, rows, target):
    def go():
        scripts = list(rmap.iterate_revisions(tuple(rows), target, select_for_downgrade=True))
        return run_steps(rmap, rows, scripts, False)

    return answer(go)


def history(rmap, lower, upper):
    def go():
        return fmt([r.revision for r in rmap.iterate_revisions(
            upper, lower, inclusive=True, assert_relative_length=False)])

    return answer(go)


# ---- row sets a version table can hold ----

def closure(spec_by_id, ids):
    """ids and everything they stand on (parents and dependencies, labels resolved)."""
    label_owner = {lb: i for i, (_, _, lbs, _) in spec_by_id.items() for lb in lbs}
    seen, todo = set(), list(ids)
    while todo:
        i = todo.pop()
        if i in seen:
            continue
        seen.add(i)
        _, parents, _, deps = spec_by_id[i]
        todo.extend(parents)
        todo.extend(label_owner.get(d, d) for d in deps)
    return seen


def tips(spec_by_id, applied):
    """The rows of a version table holding exactly `applied`: its maximal members."""
    below = set()
    for i in applied:
        below |= closure(spec_by_id, [i]) - {i}
    return sorted(applied - below)


def multi_row_sets(spec, rng, wanted=2):
    by_id = {s[0]: s for s in spec}
    ids = sorted(by_id)
    found = []
    for _ in range(200):
        if len(found) == wanted:
            break
        picks = rng.sample(ids, min(len(ids), rng.randint(2, 3)))
        rows = tips(by_id, closure(by_id, picks))
        if len(rows) > 1 and rows not in found:
            found.append(rows)
    return found


# ---- the questions ----

def questions(spec, rng, extra):
    """Every upgrade target from no rows, heads and base from every row set, `extra` more
    of each direction sampled, and the history ranges (sampled too when extra is small)."""
    ids = sorted(s[0] for s in spec)
    labels = sorted(lb for s in spec for lb in s[2])
    row_sets = [[]] + [[i] for i in ids] + multi_row_sets(spec, rng)
    up_targets = ["heads", "head"] + ids + ["%s@head" % lb for lb in labels] + ["+1", "+2"]
    down_targets = ["base"] + ids + ["-1"] + ["%s@base" % lb for lb in labels] + ["%s@-1" % lb for lb in labels]

    def pick(kind, targets, keep_if, rest_if):
        pairs = [(rows, t) for rows in row_sets for t in targets]
        keep = [p for p in pairs if keep_if(*p)]
        rest = [p for p in pairs if p not in keep and rest_if(*p)]
        chosen = keep + (rest if len(rest) <= extra else rng.sample(rest, extra))
        return [(kind, rows, t) for rows, t in pairs if (rows, t) in chosen]

    asked = pick("upgrade", up_targets, lambda rows, t: not rows or t == "heads", lambda rows, t: True)
    # From no rows a downgrade has nothing to do but fail; ask base and -1 only.
    asked += pick("downgrade", down_targets, lambda rows, t: t == "base" or (not rows and t == "-1"),
                  lambda rows, t: bool(rows))

    from_rev = ["%s:heads" % i for i in ids]
    to_rev = ["base:%s" % i for i in ids]
    if extra < HAND_EXTRA:
        from_rev = sorted(rng.sample(from_rev, min(3, len(from_rev))))
        to_rev = sorted(rng.sample(to_rev, min(3, len(to_rev))))
    ranges = [":", "base:heads"] + from_rev + to_rev
    for lb in labels:
        ranges += ["%s@base:heads" % lb, "base:%s@+1" % lb, "base:%s@+2" % lb]
    return asked, ranges


# ---- Retort's graph API: iterate, lineage, normalized, step ----

def b(flag):
    return "true" if flag else "false"


def alembic_end(ends):
    """An end as iterate_revisions takes it: None, one target as a string, several as a tuple."""
    return None if not ends else ends[0] if len(ends) == 1 else tuple(ends)


def iterate(rmap, upper, lower, opts, downgrade):
    inclusive, implicit_base, exact = opts

    def go():
        up = tuple(upper) if downgrade else alembic_end(upper)
        return fmt([r.revision for r in rmap.iterate_revisions(
            up, alembic_end(lower), implicit_base=implicit_base, inclusive=inclusive,
            assert_relative_length=exact, select_for_downgrade=downgrade)])

    return answer(go)


def lineage(rmap, ids, check, deps):
    return answer(lambda: fmt(list(rmap.filter_for_lineage(ids, check, include_dependencies=deps))))


def step(rmap, rows, revision, upgrade):
    def go():
        maintainer = HeadMaintainer(NoDatabase(), rows)
        maintainer.update_to_step(RevisionStep(rmap, rmap.get_revision(revision), upgrade))
        return fmt(sorted(maintainer.heads))

    return answer(go)


OPTION_SETS = [(i, ib, e) for i in (False, True) for ib in (False, True) for e in (False, True)]


def sample_cover(rng, pairs, wanted):
    """(pair, options) questions: every option set once, every pair once, then random ones up to
    `wanted`; returned in pair order, then option order."""
    if not pairs:
        return []
    everything = [(p, o) for p in range(len(pairs)) for o in range(len(OPTION_SETS))]
    chosen = {(rng.randrange(len(pairs)), o) for o in range(len(OPTION_SETS))}
    for p in range(len(pairs)):
        if not any(c[0] == p for c in chosen):
            chosen.add((p, rng.randrange(len(OPTION_SETS))))
    rest = [x for x in everything if x not in chosen]
    chosen |= set(rng.sample(rest, max(0, min(len(rest), wanted - len(chosen)))))
    return [(pairs[p], OPTION_SETS[o]) for p, o in sorted(chosen)]


def api_questions(spec, rmap, rng, budget):
    """Yields the question lines for iterate, lineage, normalized and step."""
    by_id = {s[0]: s for s in spec}
    ids = [s[0] for s in spec]
    labels = sorted(lb for s in spec for lb in s[2])
    heads = list(rmap.heads)
    anc = {i: closure(by_id, [i]) for i in ids}
    unrelated = [(x, y) for x in ids for y in ids if x < y and y not in anc[x] and x not in anc[y]]

    # upgrade side: (upper, lower)
    pairs = [(["heads"], []), ([rng.choice(ids)], [])]
    below = [i for i in ids if i not in heads]
    if below:
        pairs.append((["heads"], [rng.choice(below)]))
    if unrelated:
        x, y = rng.choice(unrelated)
        pairs.append(([x], [y]) if rng.random() < 0.5 else ([y], [x]))
    if len(heads) > 1:
        pairs.append((sorted(rng.sample(heads, 2)), []))
    if unrelated:
        pairs.append((["heads"], list(rng.choice(unrelated))))
    pairs.append((["+2"], [rng.choice(ids)]))
    for (upper, lower), (inc, ib, e) in sample_cover(rng, pairs, budget["iterate"]):
        print("iterate upper=%s lower=%s inclusive=%s implicit_base=%s select_for_downgrade=false "
              "assert_relative_length=%s -> %s" % (fmt(upper), fmt(lower), b(inc), b(ib), b(e),
                                                   iterate(rmap, upper, lower, (inc, ib, e), False)))

    # downgrade side: (rows, target)
    everything = tips(by_id, set(ids))
    row_sets = [[rng.choice(ids)]] + multi_row_sets(spec, rng, 1)
    if everything not in row_sets:
        row_sets.append(everything)
    pairs = []
    for rows in row_sets:
        applied = sorted(closure(by_id, rows))
        pairs.append((rows, ["base"]))
        pairs.append((rows, [rng.choice(applied if rng.random() < 0.8 else ids)]))
        if len(rows) == 1:
            pairs.append((rows, ["-1"]))
    for (rows, target), (inc, ib, e) in sample_cover(rng, pairs, budget["iterate"]):
        print("iterate upper=%s lower=%s inclusive=%s implicit_base=%s select_for_downgrade=true "
              "assert_relative_length=%s -> %s" % (fmt(rows), fmt(target), b(inc), b(ib), b(e),
                                                   iterate(rmap, rows, target, (inc, ib, e), True)))

    # lineage: against every id, label and label@heads Alembic accepts; include_dependencies
    # matters only where something depends on something
    has_deps = any(s[3] for s in spec)
    for check in ids + labels + ["%s@heads" % lb for lb in labels]:
        for deps in ((False, True) if has_deps else (False,)):
            got = lineage(rmap, ids, check, deps)
            if check.endswith("@heads") and got.startswith("error "):
                continue
            print("lineage check=%s include_dependencies=%s -> %s" % (check, b(deps), got))

    for i in ids:
        print("normalized rev=%s -> %s" % (i, fmt(list(rmap.get_revision(i)._normalized_down_revisions))))

    # steps a real run can take, from the rows of applied sub-DAGs
    row_sets = [[]] + [[i] for i in ids] + multi_row_sets(spec, rng, 3) + [everything]
    unique = []
    for rows in row_sets:
        if rows not in unique:
            unique.append(rows)
    steps = []
    for rows in unique:
        applied = closure(by_id, rows)
        for i in ids:
            normalized = rmap.get_revision(i)._normalized_down_revisions
            if i not in applied and all(n in applied for n in normalized):
                steps.append((rows, i, "upgrade"))
        for i in rows:
            steps.append((rows, i, "downgrade"))

    def interesting(q):
        rows, i, _ = q
        rev = rmap.get_revision(i)
        return len(rows) > 1 or len(rev._normalized_down_revisions) != 1 or len(rev._all_nextrev) > 1

    first = [q for q in steps if interesting(q)]
    first = rng.sample(first, min(len(first), (budget["step"] + 1) // 2))
    rest = [q for q in steps if q not in first]
    chosen = first + rng.sample(rest, min(len(rest), budget["step"] - len(first)))
    for rows, i, direction in [q for q in steps if q in chosen]:
        print("step rows=%s revision=%s direction=%s -> %s"
              % (fmt(rows), i, direction, step(rmap, rows, i, direction == "upgrade")))


def emit(name, spec, rng, extra, api_rng, budget):
    spec = sorted(spec)
    print("graph %s" % name)
    for i, parents, labels, deps in spec:
        print("rev %s parents=%s labels=%s depends=%s" % (i, fmt(parents), fmt(labels), fmt(deps)))
    rmap = build(spec)
    print("heads %s" % fmt(list(rmap.heads)))
    print("bases %s" % fmt(list(rmap.bases)))
    asked, ranges = questions(spec, rng, extra)
    for kind, rows, target in asked:
        fn = upgrade if kind == "upgrade" else downgrade
        print("%s rows=%s target=%s -> %s" % (kind, fmt(rows), target, fn(rmap, rows, target)))
    for text in ranges:
        start, end = text.split(":")
        lower, upper = start or "base", end or "heads"
        print("history range=%s lower=%s upper=%s -> %s" % (text, lower, upper, history(rmap, lower, upper)))
    # A branch's base as the upper end, a step along a branch as the lower end: both ends of a range.
    # (A lower end "branch@-1" is left out: Alembic resolves it through the literal upper text
    # "heads", with results that depend on how many heads the branch has; Retort asks for one.)
    for label in sorted({lb for _, _, labels, _ in spec for lb in labels}):
        for text in (":%s@base" % label, "%s@+1:" % label):
            start, end = text.split(":")
            lower, upper = start or "base", end or "heads"
            print("history range=%s lower=%s upper=%s -> %s" % (text, lower, upper, history(rmap, lower, upper)))
    api_questions(spec, rmap, api_rng, budget)
    print("end")


def r(i, parents=(), labels=(), depends=()):
    return (i, tuple(parents), tuple(labels), tuple(depends))


HAND = {
    # lin1 -> lin2 -> lin3 -> lin4
    "linear": [r("lin1"), r("lin2", ["lin1"]), r("lin3", ["lin2"]), r("lin4", ["lin3"])],
    # root -> left, rght; merg merges left and rght; topp above merg. Id order is not topological.
    "diamond": [r("root"), r("left", ["root"]), r("rght", ["root"]), r("merg", ["left", "rght"]),
                r("topp", ["merg"])],
    # one base, an expand and a contract branch, labelled on their first revisions
    "expand_contract": [r("aaaa"), r("exp1", ["aaaa"], ["expand"]), r("exp2", ["exp1"]),
                        r("con1", ["aaaa"], ["contract"]), r("con2", ["con1"])],
    # the same, each contract revision depending on its expand revision (Alembic's cookbook)
    "expand_contract_deps": [r("aaaa"), r("exp1", ["aaaa"], ["expand"]), r("exp2", ["exp1"]),
                             r("con1", ["aaaa"], ["contract"], ["exp1"]), r("con2", ["con1"], [], ["exp2"])],
    # two bases; app2 depends on lib1, app3 on the label lib
    "deps_across": [r("app1", [], ["app"]), r("app2", ["app1"], [], ["lib1"]), r("app3", ["app2"], [], ["lib"]),
                    r("lib1", [], ["lib"]), r("lib2", ["lib1"])],
    # r000 branches three ways; mrg1 merges br_a and br_b; mrg2 merges mrg1 and br_c; mrg3 merges mrg2 and side
    "merge_of_merges": [r("r000"), r("br_a", ["r000"]), r("br_b", ["r000"]), r("br_c", ["r000"]),
                        r("mrg1", ["br_a", "br_b"]), r("mrg2", ["mrg1", "br_c"]), r("side", ["br_c"]),
                        r("mrg3", ["mrg2", "side"])],
    # three bases; x and y chains merged, z alone
    "three_bases": [r("x001"), r("x002", ["x001"]), r("y001"), r("y002", ["y001"]), r("xy01", ["x002", "y002"]),
                    r("z001"), r("z002", ["z001"])],
    # b000 -> b001 -> (b002 -> b003 -> b004) and (c002 -> c003); label on mid-branch b003
    "mid_label": [r("b000"), r("b001", ["b000"]), r("b002", ["b001"]), r("b003", ["b002"], ["feat"]),
                  r("b004", ["b003"]), r("c002", ["b001"]), r("c003", ["c002"])],
    # app2 repeats its parent's dependency on lib1 (normalised away); app3 depends on lib2
    "dep_normalization": [r("lib1"), r("lib2", ["lib1"]), r("app1", [], [], ["lib1"]),
                          r("app2", ["app1"], [], ["lib1"]), r("app3", ["app2"], [], ["lib2"])],
}

LABEL_NAMES = ["alpha", "beta", "gamma"]


def random_graph(rng):
    n = rng.randint(3, 12)
    ids = []
    while len(ids) < n:
        i = "".join(rng.choice("0123456789abcdef") for _ in range(4))
        if i not in ids:
            ids.append(i)
    parents, deps = {}, {}

    def ancestors(i):
        seen, todo = set(), [i]
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(parents[x])
                todo.extend(deps[x])
        return seen

    for k, i in enumerate(ids):
        earlier = ids[:k]
        childless = [e for e in earlier if not any(e in parents[x] for x in earlier)]
        roll = rng.random()
        if k == 0 or roll < 0.12:
            parents[i] = []
        elif roll < 0.32 and len(earlier) >= 2:
            a = rng.choice(childless or earlier)
            others = [e for e in earlier if e not in ancestors(a) and a not in ancestors(e)]
            parents[i] = [a, rng.choice(others)] if others else [a]
        else:
            parents[i] = [rng.choice(childless) if childless and rng.random() < 0.6 else rng.choice(earlier)]
        deps[i] = []
        if k >= 2 and rng.random() < 0.18:
            candidates = [e for e in earlier if e not in ancestors(i)]
            if candidates:
                deps[i] = [rng.choice(candidates)]
    labels = {i: [] for i in ids}
    for name in LABEL_NAMES[:rng.randint(0, 2)]:
        labels[rng.choice(ids)].append(name)
    return [r(i, parents[i], labels[i], deps[i]) for i in ids]


def main():
    print("# Generated by alembic_parity.py with Alembic %s; do not edit. Format: see the script's docstring."
          % alembic.__version__)
    print("seed %d" % SEED)
    warnings.simplefilter("ignore")  # Alembic warns on downgrade -1 from several rows
    for k, (name, spec) in enumerate(HAND.items()):
        emit(name, spec, random.Random(SEED + k), HAND_EXTRA, random.Random(SEED * 97 + k), API_HAND)
    shapes = random.Random(SEED)
    for k in range(RANDOM_GRAPHS):
        spec = random_graph(shapes)
        emit("g%02d" % (k + 1), spec, random.Random(SEED * 31 + k), RANDOM_EXTRA,
             random.Random(SEED * 97 + 100 + k), API_RANDOM)


if __name__ == "__main__":
    main()
