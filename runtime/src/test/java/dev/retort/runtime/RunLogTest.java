package dev.retort.runtime;

import static dev.retort.schema.SqlType.BIGINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a run logs at INFO: one line for what it applied, and, when it fails, what it left committed. */
class RunLogTest {

    private static InlineIndex chain(boolean thirdFails) {
        Migration third = thirdFails ? op -> op.execute("INSERT INTO no_such_table VALUES (1)")
                : op -> op.createTable("c_t", t -> t.column("id", BIGINT));
        return new InlineIndex()
                .add("l1000001", null, op -> op.createTable("a_t", t -> t.column("id", BIGINT)))
                .add("l1000002", "l1000001", op -> op.createTable("b_t", t -> t.column("id", BIGINT)))
                .add("l1000003", "l1000002", third);
    }

    private static List<String> infoLines(Runnable run) {
        var lines = new ArrayList<String>();
        Logger logger = Logger.getLogger(Runner.class.getName());
        Level level = logger.getLevel();
        boolean parents = logger.getUseParentHandlers();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    Object[] parameters = record.getParameters();
                    lines.add(parameters == null ? record.getMessage()
                            : java.text.MessageFormat.format(record.getMessage(), parameters));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            run.run();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
            logger.setUseParentHandlers(parents);
        }
        return lines;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void oneLineForARunAndNoneForARunThatHadNothingToDo(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(false))).build();
            List<String> first = infoLines(() -> retort.upgrade("head"));
            assertEquals(1, first.size(), first.toString());
            assertEquals(true, first.get(0).startsWith("upgrade <base> -> l1000003: 3 revisions in "), first.get(0));
            assertEquals(List.of(), infoLines(() -> retort.upgrade("head")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedRunSaysWhatItLeftCommitted(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(true))).build();
            List<String> lines = infoLines(() -> assertThrows(RetortException.class, () -> retort.upgrade("head")));
            assertEquals(List.of("upgrade <base> -> l1000002: 2 revisions committed before the run failed"), lines);
            assertEquals(List.of("l1000002"), retort.current());
        }
    }
}
