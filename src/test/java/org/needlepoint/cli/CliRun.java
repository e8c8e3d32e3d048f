package org.needlepoint.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.MutableClock;

/** What a command returned and printed, run in this JVM with its output and errors captured. */
record CliRun(int code, String out, String err) {
    /** A command writing to the two streams it is given; returns its exit code. */
    interface Command {
        int run(PrintStream out, PrintStream err);
    }

    static CliRun capture(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.run(o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code needlepoint ARGS}, on the test clock's morning. */
    static CliRun run(String... args) {
        return capture((o, e) -> new Cli(o, e, MutableClock.morning(), new PasswordHasher(1_000)).run(args));
    }
}
