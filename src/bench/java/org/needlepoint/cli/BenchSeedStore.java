package org.needlepoint.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bench only: makes seeding a million patients by batched SQL ({@link org.needlepoint.patient.PatientStore#insertAll})
 * take minutes rather than an hour. H2 inserting rows in an order unrelated to an index's order (the search keys and
 * prefixes by key, the patients by name) rewrites most of that index's pages at every store: measured at 300,000
 * patients, 2.1 GB written and growing faster with each batch. So before seeding, the indexes of the patient tables
 * that do not start with the patient's id are dropped (their definitions kept) and checks of the foreign keys are
 * switched off (every row refers to a patient written in the same batch); afterwards each index is built again in
 * one pass from the rows, the checks come back on, and the indexes are compared with the ones dropped, so the clinic
 * measured has exactly the app's schema.
 */
final class BenchSeedStore {
    static final List<String> TABLES = List.of("PATIENT", "PATIENT_SEARCH_KEY", "PATIENT_SEARCH_PREFIX");
    private static final List<String> ID_COLUMNS = List.of("ID", "PATIENT_ID", "CHART_NUMBER");

    /** An index of one of {@link #TABLES}: its type is H2's (PRIMARY KEY, UNIQUE INDEX, INDEX). */
    record Index(String table, String name, String type, List<String> columns) {
        boolean primaryKey() {
            return type.equals("PRIMARY KEY");
        }

        String create() {
            return primaryKey() ? "ALTER TABLE " + table + " ADD PRIMARY KEY (" + String.join(", ", columns) + ")"
                    : "CREATE INDEX " + name + " ON " + table + " (" + String.join(", ", columns) + ")";
        }

        String drop() {
            return primaryKey() ? "ALTER TABLE " + table + " DROP PRIMARY KEY" : "DROP INDEX " + name;
        }

        /** The same index whatever H2 named a primary key. */
        String definition() {
            return table + (primaryKey() ? " PRIMARY KEY" : " " + type + " " + name) + " " + columns;
        }
    }

    /** The indexes of the patient tables, primary keys and plain ones, in a stable order. */
    static List<Index> indexes(Connection c) throws SQLException {
        Map<String, Index> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, k.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS k"
                + " ON k.TABLE_SCHEMA = i.TABLE_SCHEMA AND k.TABLE_NAME = i.TABLE_NAME AND k.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.TABLE_NAME IN ('PATIENT', 'PATIENT_SEARCH_KEY', 'PATIENT_SEARCH_PREFIX')"
                + " ORDER BY i.TABLE_NAME, i.INDEX_NAME, k.ORDINAL_POSITION");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                Index ix = byName.get(name);
                if (ix == null) {
                    ix = new Index(rs.getString(1), name, rs.getString(3), new ArrayList<>());
                    byName.put(name, ix);
                }
                ix.columns().add(rs.getString(4));
            }
        }
        return byName.values().stream().map(i -> new Index(i.table(), i.name(), i.type(), List.copyOf(i.columns())))
                .sorted(java.util.Comparator.comparing(Index::definition)).toList();
    }

    /**
     * Drops the indexes that do not start with a patient's id or chart number and switches the foreign-key checks
     * off; returns the indexes dropped, for {@link #rebuild}.
     */
    static List<Index> dropForLoading(Connection c) throws SQLException {
        List<Index> dropped = indexes(c).stream().filter(i -> !ID_COLUMNS.contains(i.columns().get(0))).toList();
        for (Index i : dropped) {
            if (!i.primaryKey() && !i.type().equals("INDEX")) {
                throw new Bench.BenchException("bench does not know how to rebuild " + i.definition());
            }
        }
        try (Statement st = c.createStatement()) {
            for (Index i : dropped) {
                st.execute(i.drop());
            }
            st.execute("SET REFERENTIAL_INTEGRITY FALSE");
        }
        return dropped;
    }

    /** Builds the dropped indexes again, switches the checks back on, and fails unless the indexes are as before. */
    static void rebuild(Connection c, List<Index> dropped, List<Index> before) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Index i : dropped) {
                st.execute(i.create());
            }
            st.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        List<String> now = indexes(c).stream().map(Index::definition).toList();
        List<String> was = before.stream().map(Index::definition).toList();
        if (!now.equals(was)) {
            throw new Bench.BenchException("the patient tables' indexes after seeding differ from the app's: " + now + " vs " + was);
        }
    }
}
