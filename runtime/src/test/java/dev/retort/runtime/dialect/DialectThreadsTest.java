package dev.retort.runtime.dialect;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.retort.dsl.Ops;
import dev.retort.op.Op;
import dev.retort.schema.NamingConvention;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One dialect rendering for two naming conventions on two threads at once, as autogenerate's
 * round trip builds its two models: each thread gets its own convention's names, every time. The
 * renderer a dialect keeps for the last context was once two fields, and a thread could pair one
 * context's renderer with the other's.
 */
class DialectThreadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoContextsOnTwoThreadsEachGetTheirOwnNames(String name) throws Exception {
        Dialect dialect = Dialects.named(name);
        var ops = new Ops();
        ops.createTable("t", t -> t.column("id", BIGINT, c -> c.primaryKey()).column("e", TEXT, c -> c.unique()));
        Op op = ops.recorded().get(0);
        var named = new RenderContext(NamingConvention.alembic(), true);
        var unnamed = new RenderContext(NamingConvention.database(), true);
        List<Action> expectNamed = Dialects.named(name).render(op, named);
        List<Action> expectUnnamed = Dialects.named(name).render(op, unnamed);
        assertNotEquals(expectNamed, expectUnnamed, "the conventions name the constraints differently");

        var pool = Executors.newFixedThreadPool(2);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (RenderContext context : List.of(named, unnamed)) {
                List<Action> expected = context == named ? expectNamed : expectUnnamed;
                tasks.add(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        wrong += dialect.render(op, context).equals(expected) ? 0 : 1;
                    }
                    return wrong;
                });
            }
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                assertEquals(0, result.get(), "renders with the other thread's convention");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
