package org.needlepoint.cli;

import java.io.PrintStream;
import java.util.Map;
import org.needlepoint.app.Services;
import org.needlepoint.store.Integrity;

/**
 * {@code check}: counts per record type, then WARNING lines (on stdout: things to act on, such as a
 * lot whose stock needs counting, that leave the exit code at 0) and PROBLEM lines (on stderr:
 * damaged or inconsistent records); exit 1 when there is any problem.
 */
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
        for (String w : found.warnings()) {
            out.println("WARNING " + w);
        }
        for (String p : found.problems()) {
            err.println("PROBLEM " + p);
        }
        String warned = found.warnings().isEmpty() ? "" : ", " + found.warnings().size() + " warning(s)";
        out.println(found.ok() ? "check: OK" + warned + " (" + s.db().folder() + ")"
                : "check: " + found.problems().size() + " problem(s)" + warned);
        return found.ok() ? 0 : 1;
    }
}
