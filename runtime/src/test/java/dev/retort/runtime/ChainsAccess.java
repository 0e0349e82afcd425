package dev.retort.runtime;

/** Lets tests in other packages compile the fixture chains. */
public final class ChainsAccess {

    private ChainsAccess() {
    }

    public static String[] branchy() {
        return Chains.branchy();
    }
}
