package org.needlepoint.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.needlepoint.app.Services;
import org.needlepoint.store.RecordCheck;

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
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String migrations = s.db().validateMigrations();
        if (migrations != null) {
            problems.add(migrations);
        }
        for (RecordCheck check : s.checks()) {
            s.db().read(c -> {
                for (Map.Entry<String, Long> e : check.counts(c).entrySet()) {
                    out.println(e.getKey() + ": " + e.getValue());
                }
                problems.addAll(check.problems(c));
                warnings.addAll(check.warnings(c));
                return null;
            });
        }
        for (String w : warnings) {
            out.println("WARNING " + w);
        }
        for (String p : problems) {
            err.println("PROBLEM " + p);
        }
        String warned = warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)";
        out.println(problems.isEmpty() ? "check: OK" + warned + " (" + s.db().folder() + ")"
                : "check: " + problems.size() + " problem(s)" + warned);
        return problems.isEmpty() ? 0 : 1;
    }
}
