package dev.retort.op;

/** Implemented by each dialect's renderer; one method per op, so none is forgotten. */
public interface OpVisitor<R> {
    R createTable(CreateTable op);

    R dropTable(DropTable op);

    R addColumn(AddColumn op);

    R dropColumn(DropColumn op);

    R renameColumn(RenameColumn op);

    R renameTable(RenameTable op);

    R createIndex(CreateIndex op);

    R dropIndex(DropIndex op);

    R execute(Execute op);
}
