package dev.retort.spring;

import static dev.retort.spring.TestApps.analysis;
import static dev.retort.spring.TestApps.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.spring.example.Task;
import dev.retort.spring.example.TaskRepository;
import dev.retort.spring.example.TodoApplication;
import dev.retort.spring.fixtures.JdbcOnlyApp;
import dev.retort.spring.fixtures.RecordingListener;
import dev.retort.spring.fixtures.StrategyConfig;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Real applications on real databases: each test starts the example application (or one without
 * JPA, where JPA is not the point) on a database of its own, on SQLite and PostgreSQL.
 */
class RetortAutoConfigurationTest {

    static final String FIRST = "t1_create_tasks";
    static final String HEAD = "t2_add_task_notes";
    static final String HISTORY = "SELECT revision || ' ' || direction FROM retort_history ORDER BY id";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migratesBeforeJpaValidatesThenNothingOnTheNextStart(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            var listener = new RecordingListener();
            // ddl-auto=validate (application.properties): Hibernate checks the schema the migrations made.
            try (var context = app(db, TodoApplication.class).listeners(listener).run()) {
                TaskRepository tasks = context.getBean(TaskRepository.class);
                Task saved = tasks.save(new Task("write the starter"));
                assertEquals("write the starter", tasks.findById(saved.getId()).orElseThrow().getTitle());

                RetortEndpoint.RetortDescriptor endpoint = context.getBean(RetortEndpoint.class).retort();
                assertEquals(List.of(HEAD), endpoint.current());
                assertEquals(List.of(), endpoint.pending());
                assertEquals(List.of(HEAD, FIRST), endpoint.revisions().stream().map(RetortEndpoint.RevisionDescriptor::id)
                        .toList());
                assertEquals(List.of(FIRST, HEAD), endpoint.history().stream().map(h -> h.revision()).toList());
            }
            assertEquals(List.of(HEAD), db.versionRows());
            assertEquals(List.of("StepStarting " + FIRST, "StepFinished " + FIRST, "StepStarting " + HEAD,
                    "StepFinished " + HEAD), listener.events.stream().map(RetortAutoConfigurationTest::describe).toList());
            List<String> history = db.strings(HISTORY);
            assertEquals(List.of(FIRST + " upgrade", HEAD + " upgrade"), history);

            var second = new RecordingListener();
            try (var context = app(db, JdbcOnlyApp.class).listeners(second).run()) {
                assertEquals(List.of(HEAD), context.getBean(Retort.class).current());
            }
            assertEquals(history, db.strings(HISTORY));
            assertEquals(List.of(), second.events);
        }
    }

    private static String describe(RetortEvent event) {
        if (event instanceof RetortEvent.StepStarting starting) {
            return "StepStarting " + starting.revision();
        }
        if (event instanceof RetortEvent.StepFinished finished) {
            return "StepFinished " + finished.step().revision();
        }
        return "Warning " + ((RetortEvent.Warning) event).message();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failingMigrationStopsTheStartWithRetortsOneLine(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            var failure = assertThrows(RuntimeException.class, () -> app(db, JdbcOnlyApp.class)
                    .properties("spring.retort.indexes=dev.retort.spring.fixtures.FailingIndex").run());
            FailureAnalysis analysis = analysis(failure);
            assertTrue(analysis.getDescription().startsWith("Retort: ") && analysis.getDescription().contains("f2"),
                    analysis.getDescription());
            assertFalse(analysis.getDescription().contains("\n"), analysis.getDescription());
            assertTrue(analysis.getAction().startsWith("Fix the migration"), analysis.getAction());
            // The step before the failing one committed; the failing one left nothing.
            assertEquals(List.of("f1"), db.versionRows());
            assertFalse(db.tableExists("tasks"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failOnPendingRefusesToStartNamingThePendingRevisions(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            var failure = assertThrows(RuntimeException.class, () -> app(db, JdbcOnlyApp.class)
                    .properties("spring.retort.fail-on-pending=true").run());
            assertEquals("Retort: the database has 2 pending revisions (" + FIRST + ", " + HEAD + ") and"
                    + " spring.retort.fail-on-pending is set: upgrade it (retort upgrade heads) before starting the"
                    + " application", analysis(failure).getDescription());
            assertFalse(db.tableExists("tasks"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void strategyBeanReplacesTheRun(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            StrategyConfig.CALLS.set(0);
            try (var context = app(db, JdbcOnlyApp.class, StrategyConfig.class).run()) {
                assertEquals(List.of(FIRST), context.getBean(Retort.class).current());
            }
            assertEquals(1, StrategyConfig.CALLS.get());
            assertEquals(List.of(FIRST), db.versionRows());
        }
    }

    @Test
    void badSettingsStopTheStartNamingTheProperty() throws Exception {
        try (var db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir)) {
            var naming = assertThrows(RuntimeException.class, () -> app(db, JdbcOnlyApp.class)
                    .properties("spring.retort.naming-convention=foo").run());
            assertTrue(analysis(naming).getDescription().startsWith("Retort: spring.retort.naming-convention: no naming"
                    + " convention is called 'foo'; use alembic"), analysis(naming).getDescription());
            var mode = assertThrows(RuntimeException.class, () -> app(db, JdbcOnlyApp.class)
                    .properties("spring.retort.transaction-mode=sometimes").run());
            assertEquals("Retort: spring.retort.transaction-mode: 'sometimes' is not one of per-migration, all",
                    analysis(mode).getDescription());
            var onlineSafe = assertThrows(RuntimeException.class, () -> app(db, JdbcOnlyApp.class)
                    .properties("spring.retort.online-safe=0").run());
            assertEquals("Retort: spring.retort.online-safe: the lock_timeout must be at least 1 ms, not 0ms; leave it unset"
                    + " for the plain rendering", analysis(onlineSafe).getDescription());
            var tooShort = assertThrows(RuntimeException.class, () -> app(db, JdbcOnlyApp.class)
                    .properties("spring.retort.online-safe=500us").run());
            assertEquals("Retort: spring.retort.online-safe: the lock_timeout must be at least 1 ms, not 0ms; leave it unset"
                    + " for the plain rendering", analysis(tooShort).getDescription());
            assertEquals(List.of(), db.strings("SELECT name FROM sqlite_master WHERE name LIKE 'retort%'"));
        }
    }

    /** spring.retort.online-safe renders the start's PostgreSQL DDL under its lock_timeout. */
    @Test
    void onlineSafeReachesTheRendering() throws Exception {
        try (var db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, dir)) {
            try (var context = app(db, JdbcOnlyApp.class).properties("spring.retort.online-safe=3").run()) {
                assertEquals(List.of(HEAD), context.getBean(Retort.class).current());
                String script = context.getBean(Retort.class).upgradeSql(List.of(), "head", "postgresql");
                assertTrue(script.contains("SET lock_timeout = '3000ms';"), script);
            }
        }
    }

    /**
     * Devtools runs the application in a restart class loader, a child of the one the starter was
     * loaded by: migrations must be found through the application's loader. Here an index is
     * registered only where that loader sees it, and the thread's context loader cannot.
     */
    @Test
    void findsMigrationsThroughTheApplicationsClassLoader() throws Exception {
        URL restart = getClass().getResource("/restart/");
        try (var db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
                var loader = new URLClassLoader(new URL[] {restart}, getClass().getClassLoader())) {
            try (var context = app(db, JdbcOnlyApp.class).resourceLoader(new DefaultResourceLoader(loader)).run()) {
                assertTrue(db.tableExists("restart_only"));
                assertTrue(db.tableExists("tasks"));
            }
        }
    }

    @Test
    void registersTheFailureAnalyzerAndTheInitializerDetector() {
        ClassLoader loader = getClass().getClassLoader();
        assertTrue(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, loader)
                .contains(RetortFailureAnalyzer.class.getName()));
        assertTrue(SpringFactoriesLoader.loadFactoryNames(
                org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector.class, loader)
                .contains(RetortDatabaseInitializerDetector.class.getName()));
    }
}
