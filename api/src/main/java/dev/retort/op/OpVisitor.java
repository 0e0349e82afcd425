package dev.retort.op;

/** Implemented by each dialect's renderer (and the schema replay); one method per op, so none is forgotten. */
public interface OpVisitor<R> {
    R createTable(CreateTable op);

    R dropTable(DropTable op);

    R renameTable(RenameTable op);

    R setTableComment(SetTableComment op);

    R addColumn(AddColumn op);

    R dropColumn(DropColumn op);

    R renameColumn(RenameColumn op);

    R alterColumn(AlterColumn op);

    R createIndex(CreateIndex op);

    R dropIndex(DropIndex op);

    R addConstraint(AddConstraint op);

    R dropConstraint(DropConstraint op);

    R createEnum(CreateEnum op);

    R dropEnum(DropEnum op);

    R addEnumValue(AddEnumValue op);

    R createSequence(CreateSequence op);

    R dropSequence(DropSequence op);

    R createView(CreateView op);

    R dropView(DropView op);

    R createSchema(CreateSchema op);

    R dropSchema(DropSchema op);

    R execute(Execute op);

    R bulkInsert(BulkInsert op);

    R runJdbc(RunJdbc op);

    R batchAlterTable(BatchAlterTable op);

    R onlyOn(OnlyOn op);
}
