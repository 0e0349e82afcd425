/**
 * The revision graph: an immutable DAG of revisions with heads, bases, target resolution and
 * upgrade/downgrade plans, with Alembic's semantics. It is used by both the annotation
 * processor (at compile time) and the runtime, so the rules are written once.
 */
package dev.retort.graph;
