package org.needlepoint.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.needlepoint.app.Services;
import org.needlepoint.store.RecordCheck;

/** {@code check}: counts per record type and every problem found; exit 1 when anything is wrong. */
final class CheckCommand {
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Services s) {
        List<String> problems = new ArrayList<>();
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
                return null;
            });
        }
        for (String p : problems) {
            err.println("PROBLEM " + p);
        }
        out.println(problems.isEmpty() ? "check: OK (" + s.db().folder() + ")" : "check: " + problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
    }
}
