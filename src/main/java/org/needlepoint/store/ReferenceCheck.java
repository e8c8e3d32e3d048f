package org.needlepoint.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store's part of {@code check}: every foreign key the schema declares holds (a visit whose
 * patient is gone, a point without its visit or lot, a task without its patient ...), read from the
 * schema itself so a table added later is covered too; and the commit counter is there with its
 * guard. H2 enforces the keys on every write, so a row that breaks one comes from a damaged file or
 * from writes made with the checks switched off.
 */
public final class ReferenceCheck implements RecordCheck {
    private static final String KEYS = "SELECT rc.CONSTRAINT_NAME, fk.TABLE_NAME, fk.COLUMN_NAME, pk.TABLE_NAME, pk.COLUMN_NAME"
            + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
            + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE fk ON fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
            + " AND fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
            + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE pk ON pk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
            + " AND pk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME AND pk.ORDINAL_POSITION = fk.POSITION_IN_UNIQUE_CONSTRAINT"
            + " WHERE rc.CONSTRAINT_SCHEMA = 'PUBLIC'"
            + " ORDER BY fk.TABLE_NAME, rc.CONSTRAINT_NAME, fk.ORDINAL_POSITION";

    /** One declared key: {@code child(columns)} references {@code parent(parentColumns)}. */
    record Key(String name, String child, List<String> columns, String parent, List<String> parentColumns) {
        /** Rows whose key columns are all set and name no parent row (MATCH SIMPLE, as H2 enforces it). */
        String orphanSql() {
            return "SELECT COUNT(*) FROM " + orphans();
        }

        /** The first few values those rows name, for the message. */
        String exampleSql() {
            return "SELECT DISTINCT c." + q(columns.get(0)) + " FROM " + orphans() + " ORDER BY 1 LIMIT 4";
        }

        private String orphans() {
            StringBuilder sql = new StringBuilder(q(child)).append(" c WHERE ");
            for (String col : columns) {
                sql.append("c.").append(q(col)).append(" IS NOT NULL AND ");
            }
            sql.append("NOT EXISTS (SELECT 1 FROM ").append(q(parent)).append(" p WHERE ");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : " AND ").append("p.").append(q(parentColumns.get(i))).append(" = c.").append(q(columns.get(i)));
            }
            return sql.append(')').toString();
        }
    }

    @Override
    public Map<String, Long> counts(Connection c) {
        return Map.of();
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        for (Key k : keys(c)) {
            long orphans = Sql.count(c, k.orphanSql());
            if (orphans > 0) {
                List<String> named = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(k.exampleSql())) {
                    while (rs.next()) {
                        named.add(rs.getString(1));
                    }
                }
                p.add("records: " + orphans + " " + lower(k.child()) + " row" + (orphans == 1 ? "" : "s") + " name"
                        + (orphans == 1 ? "s" : "") + " a " + noun(k.parent()) + " that does not exist ("
                        + lower(k.child()) + "." + String.join(", ", k.columns().stream().map(ReferenceCheck::lower).toList())
                        + " " + String.join(", ", named.subList(0, Math.min(3, named.size()))) + (named.size() > 3 ? ", ..." : "")
                        + ")");
            }
        }
        if (Sql.count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = 'COMMIT_SEAL'") == 1) {
            if (Sql.count(c, "SELECT COUNT(*) FROM commit_seal WHERE id = 1") != 1) {
                p.add("seal: the commit counter is missing from the database");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME = 'COMMIT_SEAL_FORWARD'") == 0) {
                p.add("seal: the guard that keeps the commit counter moving forward is missing");
            }
        }
        return p;
    }

    /** Every foreign key the schema declares. */
    static List<Key> keys(Connection c) throws SQLException {
        Map<String, Key> keys = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(KEYS)) {
            while (rs.next()) {
                String name = rs.getString(1);
                Key k = keys.get(name);
                if (k == null) {
                    k = new Key(name, rs.getString(2), new ArrayList<>(), rs.getString(4), new ArrayList<>());
                    keys.put(name, k);
                }
                k.columns().add(rs.getString(3));
                k.parentColumns().add(rs.getString(5));
            }
        }
        return List.copyOf(keys.values());
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The table as a thing: "patient", "visit", "user" (app_user). */
    private static String noun(String table) {
        String t = lower(table);
        return t.equals("app_user") ? "user" : t;
    }

    private static String lower(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }
}
