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

    /** Runs every check on {@code db}. */
    public static Integrity of(Database db, List<RecordCheck> checks) {
        List<String> problems = new ArrayList<>();
        String migrations = db.validateMigrations();
        if (migrations != null) {
            problems.add(migrations);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (RecordCheck check : checks) {
            db.read(c -> {
                counts.putAll(check.counts(c));
                problems.addAll(check.problems(c));
                warnings.addAll(check.warnings(c));
                return null;
            });
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
