package org.needlepoint.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} finds: each store's record counts and every problem, plus the migrations
 * checked against the ones shipped. Restore runs the same on a backup before it replaces anything.
 */
public record Integrity(Map<String, Long> counts, List<String> problems, List<String> warnings) {
    public Integrity {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Runs every check on {@code db}: the records against their seal, the migrations, then each
     * store's counts and checks. A check that cannot run (damaged records) is a problem, not a crash.
     */
    public static Integrity of(Database db, List<RecordCheck> checks) {
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(db.sealProblems());
        } catch (StoreException e) {
            problems.add("seal: the records cannot be compared with their seal: " + e.getMessage());
        }
        String migrations = db.validateMigrations();
        if (migrations != null) {
            problems.add(migrations);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (RecordCheck check : checks) {
            try {
                db.read(c -> {
                    Map<String, Long> n = check.counts(c);
                    List<String> p = check.problems(c);
                    List<String> w = check.warnings(c);
                    counts.putAll(n);
                    problems.addAll(p);
                    warnings.addAll(w);
                    return null;
                });
            } catch (StoreException e) {
                problems.add(check.getClass().getSimpleName() + " could not check its records: " + e.getMessage());
            }
        }
        return new Integrity(counts, problems, warnings);
    }

    /** Only the counts, on a connection the caller holds (a backup's snapshot). */
    public static Map<String, Long> counts(Connection c, List<RecordCheck> checks) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RecordCheck check : checks) {
            counts.putAll(check.counts(c));
        }
        return counts;
    }
}
