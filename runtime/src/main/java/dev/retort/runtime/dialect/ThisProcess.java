package dev.retort.runtime.dialect;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;

/** Who is running: for the history table's rows and for the holder a lock names. */
public final class ThisProcess {

    private ThisProcess() {
    }

    public static String host() {
        return Host.NAME;
    }

    /** Looked up once, on first use: every step's history row names it, and a name lookup can take a while. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            String host = System.getenv("HOSTNAME");
            if (host != null && !host.isBlank()) {
                return host;
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    public static String user() {
        return System.getProperty("user.name");
    }

    /** {@code process 4242 of alice on web-1, since 2026-11-30T06:00:00Z}. */
    public static String describe() {
        return "process " + ProcessHandle.current().pid() + " of " + user() + " on " + host() + ", since " + Instant.now();
    }
}
