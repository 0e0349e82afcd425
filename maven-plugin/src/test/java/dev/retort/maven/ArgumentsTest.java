package dev.retort.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void optionsWithoutValueAreLeftOut() {
        var line = new Arguments().option("--url", null).option("--user", "app").add("upgrade", "head")
                .flag("--strict", false).flag("--verbose", true);
        assertEquals(List.of("--user", "app", "upgrade", "head", "--verbose"), line.args());
    }

    @Test
    void repeatableOptionsRepeat() {
        var line = new Arguments().options("--depends-on", List.of("a1", "b2"));
        assertEquals(List.of("--depends-on", "a1", "--depends-on", "b2"), line.args());
    }

    @Test
    void theShownLineHidesPasswordsInUrls() {
        var line = new Arguments()
                .option("--url", "postgresql://app:p@ss/w?rd@db.example:5432/prod")
                .option("--classpath", "target/classes")
                .add("upgrade");
        assertEquals("retort --url postgresql://app:****@db.example:5432/prod --classpath target/classes upgrade",
                line.shown());
    }

    @Test
    void theShownLineHidesPasswordParametersOfJdbcUrls() {
        var line = new Arguments().option("--url",
                "jdbc:postgresql://db/prod?user=app&password=secret&sslpassword=other&ssl=true");
        assertEquals("retort --url jdbc:postgresql://db/prod?user=app&password=****&sslpassword=****&ssl=true",
                line.shown());
    }

    @Test
    void emptyAndSpacedWordsAreQuoted() {
        assertEquals("retort revision --message 'add users'",
                new Arguments().add("revision").option("--message", "add users").shown());
    }
}
