package org.needlepoint.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javafx.application.Platform;
import org.needlepoint.Main;

/**
 * {@code bench}'s memory probe, run in a child JVM: starts the real app through {@link Main} on a
 * data folder, then works it as a person would ({@link AppDriver}) — signs in on the sign-in form
 * (username from the argument, password from the first line of standard input), types a last-name
 * prefix into the patient search one letter at a time, and waits for the results table to fill. It
 * then prints {@code BENCH_SEARCHED rows=<n>} and waits for standard input to close before exiting;
 * {@code bench} reads the process's resident memory in between. Nothing in the app knows about this class.
 */
public final class BenchGui {
    static final String MARKER = "BENCH_SEARCHED";
    private static final long TIMEOUT_MS = 120_000;

    private BenchGui() {
    }

    /** Arguments: data folder, username, search text. */
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = in.readLine();
        Thread app = AppDriver.startApp(args[0]);
        int rows = AppDriver.signInAndSearch(args[1], password, args[2]);
        Thread.sleep(500);
        AppDriver.fx(() -> null);
        System.out.println(MARKER + " rows=" + rows);
        System.out.flush();
        while (in.read() >= 0) {
            // wait for bench to close our standard input
        }
        Platform.exit();
        app.join(TIMEOUT_MS);
    }
}
