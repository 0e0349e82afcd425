package it.db;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

@Revision(id = "badc0de00001", message = "broken statement")
public final class Broken implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.execute("CREATE TABLE broken (", "DROP TABLE broken");
    }
}
