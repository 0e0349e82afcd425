/**
 * The operations a migration records: one sealed hierarchy of immutable records, each knowing
 * its reverse. Ops are data; each dialect in the runtime renders every op through
 * {@link dev.retort.op.OpVisitor}, so a new op does not compile until every dialect answers it.
 */
package dev.retort.op;
