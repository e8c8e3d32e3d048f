package org.needlepoint;

import org.needlepoint.cli.Cli;
import org.needlepoint.store.H2Settings;

/**
 * Entry point. No subcommand opens the GUI; a subcommand runs a headless admin task.
 * Kept free of JavaFX so {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {
    /** Held so the logging configuration is not garbage-collected. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private Main() {
    }

    public static void main(String[] args) {
        H2Settings.apply();
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        int code = new Cli(System.out, System.err).run(args);
        if (code >= 0) {
            System.exit(code);
        }
    }
}
