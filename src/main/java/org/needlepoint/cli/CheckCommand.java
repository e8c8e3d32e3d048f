package org.needlepoint.cli;

import java.io.PrintStream;
import java.util.Map;
import org.needlepoint.app.Services;
import org.needlepoint.store.Integrity;

/** {@code check}: counts per record type and every problem found; exit 1 when anything is wrong. */
final class CheckCommand {
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Services s) {
        Integrity found = Integrity.of(s.db(), s.checks());
        for (Map.Entry<String, Long> e : found.counts().entrySet()) {
            out.println(e.getKey() + ": " + e.getValue());
        }
        for (String p : found.problems()) {
            err.println("PROBLEM " + p);
        }
        out.println(found.ok() ? "check: OK (" + s.db().folder() + ")" : "check: " + found.problems().size() + " problem(s)");
        return found.ok() ? 0 : 1;
    }
}
