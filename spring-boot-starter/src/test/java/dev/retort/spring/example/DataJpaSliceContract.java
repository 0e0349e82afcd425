package dev.retort.spring.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.runtime.Retort;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a {@code @DataJpaTest} of the example sees: the migrations ran before the slice's JPA. Each
 * Spring Boot line's subclasses add the slice annotation, whose package moved in 4.0.
 */
public abstract class DataJpaSliceContract {

    @Autowired
    TaskRepository tasks;

    @Autowired
    Retort retort;

    @Test
    void migrationsRanBeforeTheSlice() {
        tasks.save(new Task("in a slice"));
        assertEquals(1, tasks.count());
        assertEquals(List.of("t2_add_task_notes"), retort.current());
    }
}
