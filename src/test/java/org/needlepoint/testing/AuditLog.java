package org.needlepoint.testing;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.security.AuditFilter;
import org.needlepoint.security.AuditStore;
import org.needlepoint.store.Database;

/** Reads the audit log straight from the store, without signing anyone in (which would itself be audited). */
public final class AuditLog {
    private AuditLog() {
    }

    /** Every row, oldest first. */
    public static List<AuditEntry> entries(Database db) {
        List<AuditEntry> rows = new ArrayList<>(db.read(c -> new AuditStore().find(c,
                new AuditFilter(null, null, null, null, 10_000), ZoneOffset.UTC)));
        Collections.reverse(rows);
        return rows;
    }

    /** Rows with the given action, oldest first. */
    public static List<AuditEntry> withAction(Database db, String action) {
        return entries(db).stream().filter(e -> action.equals(e.action())).toList();
    }

    /** The newest row. */
    public static AuditEntry last(Database db) {
        List<AuditEntry> all = entries(db);
        if (all.isEmpty()) {
            throw new AssertionError("the audit log is empty");
        }
        return all.get(all.size() - 1);
    }
}
