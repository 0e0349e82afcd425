package dev.retort.bench;

import dev.retort.runtime.Retort;

/**
 * For {@link StartBench}: an application's start through Retort's API, with the migrations and
 * their index on the class path. Arguments: the JDBC URL and {@code upgrade} or {@code status}.
 */
public final class RetortApiMain {

    private RetortApiMain() {
    }

    public static void main(String[] args) {
        Retort retort = Retort.configure().url(args[0]).build();
        if (args[1].equals("status")) {
            System.out.println(retort.status().pending().size() + " pending");
        } else {
            System.out.println("applied " + retort.upgrade("head").steps().size());
        }
    }
}
