package org.needlepoint.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.needlepoint.store.Sql;

/**
 * The search as it was before V9 (PatientStore.search at commit 77e72b0, copied unchanged but for
 * this header and the summaries at the end): each part listed all its matches and sorted them. The
 * equality tests hold the new search to its results, in its order, and {@code bench --search-before yes} times
 * it beside the new one on the same clinic. Bench only: not in the app's jar.
 */
public final class SearchBefore {
    private static final String SUMMARY = "p.id, p.chart_number, p.last_name, p.first_name, p.preferred_name,"
            + " p.birth_date, COALESCE(p.mobile_phone, p.other_phone) AS phone, p.email";
    private static final String KEY_CONDITION = "k.kind = ? AND k.search_key >= ? AND k.search_key < ?"
            + " AND k.search_key LIKE ? ESCAPE '\\'";
    private static final String KEY_RANGE = "SELECT k.patient_id, k.name_key FROM patient_search_key k WHERE " + KEY_CONDITION;
    static final int DENSE_DIGITS = 10_000;
    static final int MAX_BATCH = 800;

    private final int denseDigits;
    private final int maxBatch;

    public SearchBefore() {
        this(DENSE_DIGITS, MAX_BATCH);
    }

    SearchBefore(int denseDigits, int maxBatch) {
        this.denseDigits = denseDigits;
        this.maxBatch = maxBatch;
    }

    /**
     * Patients matching every part of the query, ordered by name ({@code name_key}, then id), at most
     * {@code limit}.
     *
     * <p>Each part is looked up on its own in an index that also yields each candidate's
     * {@code name_key}: the birth date in its index, every name word as a prefix range of the N keys
     * (longest word first), then the digits as prefix ranges of the P and R keys plus the chart
     * number. The parts are intersected here and only the first {@code limit} candidates by name are
     * read from the patient table. Digits that start (or end) too many phone numbers to list, such
     * as an area code typed so far, are instead checked on the candidates so far (or all patients)
     * a batch at a time in name order until {@code limit} match; see {@link #DENSE_DIGITS}.
     *
     * <p>The former single statement with an IN per part made H2 read the patient row of every
     * candidate before sorting (a one-letter name: ~10,000 rows), and its OR across phone keys and
     * chart number scanned every patient: {@code bench} at 100,000 patients measured p95 392 ms
     * then, 6-12 ms now (README, Performance).
     */
    public List<PatientSummary> search(Connection c, SearchQuery q, int limit) throws SQLException {
        if (q.isEmpty() || q.badDate() || limit <= 0) {
            return List.of();
        }
        Map<Long, String> found = null;
        if (q.birthDate() != null) {
            found = narrow(c, found, "SELECT id, name_key FROM patient WHERE birth_date = ?", List.of(q.birthDate()), 0);
        }
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(q.nameTokens()));
        tokens.sort(Comparator.comparingInt(String::length).reversed());
        for (String token : tokens) {
            if (found != null && found.isEmpty()) {
                return List.of();
            }
            found = narrow(c, found, KEY_RANGE, keyRange("N", token), 0);
        }
        List<Long> first;
        if (q.digits() == null) {
            first = found == null ? List.of() : firstByName(found, limit);
        } else if (found != null && found.isEmpty()) {
            first = List.of();
        } else {
            Map<Long, String> withDigits = withDigits(c, found, q.digits());
            first = withDigits != null ? firstByName(withDigits, limit)
                    : firstWithDigitsInNameOrder(c, found, q.digits(), limit);
        }
        if (first.isEmpty()) {
            return List.of();
        }
        return summaries(c, "SELECT " + SUMMARY + " FROM patient p WHERE p.id IN (" + placeholders(first.size())
                + ") ORDER BY p.name_key, p.id", new ArrayList<>(first));
    }

    /** Arguments for {@link #KEY_CONDITION}: keys of {@code kind} starting with {@code prefix}. */
    private static List<Object> keyRange(String kind, String prefix) {
        return new ArrayList<>(List.of(kind, prefix, prefix + Character.MAX_VALUE, Sql.likePrefix(prefix)));
    }

    /**
     * The candidates (all patients when {@code found} is null) with a phone starting or ending with
     * {@code digits}, or with that chart number; null when the phone keys are too many to list.
     */
    private Map<Long, String> withDigits(Connection c, Map<Long, String> found, String digits) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        for (List<Object> range : List.of(keyRange("P", digits), keyRange("R", reverse(digits)))) {
            range.add(denseDigits + 1);
            Map<Long, String> m = narrow(c, found, KEY_RANGE + " LIMIT ?", range, denseDigits);
            if (m == null) {
                return null;
            }
            out.putAll(m);
        }
        Long chart = chartNumber(digits);
        if (chart != null) {
            out.putAll(narrow(c, found, "SELECT id, name_key FROM patient WHERE chart_number = ?", List.of(chart), 0));
        }
        return out;
    }

    /**
     * For digits matching too many phones to list: walks the candidates (all patients when
     * {@code found} is null) in name order, in growing batches, keeping those with a phone starting
     * or ending with {@code digits} or with that chart number, until {@code limit} match.
     */
    private List<Long> firstWithDigitsInNameOrder(Connection c, Map<Long, String> found, String digits, int limit)
            throws SQLException {
        List<Long> ordered = null;
        Long chart = chartNumber(digits);
        List<Long> chartPatient = chart == null ? List.of()
                : ids(c, "SELECT id FROM patient WHERE chart_number = ?", List.of(chart));
        Set<Long> out = new LinkedHashSet<>();
        int size = Math.min(limit, maxBatch);
        for (int from = 0; out.size() < limit; from += size, size = Math.min(size * 2, maxBatch)) {
            List<Long> batch;
            if (found == null) {
                batch = ids(c, "SELECT id FROM patient ORDER BY name_key, id LIMIT ? OFFSET ?", List.of(size, from));
            } else {
                if (ordered == null || ordered.size() < Math.min(from + size, found.size())) {
                    // the first few hundred by name is often enough: no need to sort them all
                    int need = 4 * (from + size);
                    ordered = firstByName(found, need > found.size() / 2 ? found.size() : need);
                }
                batch = ordered.subList(Math.min(from, ordered.size()), Math.min(from + size, ordered.size()));
            }
            if (batch.isEmpty()) {
                break;
            }
            List<Object> args = new ArrayList<>();
            args.add(batch.toArray(new Long[0]));
            args.addAll(keyRange("P", digits));
            args.addAll(keyRange("R", reverse(digits)));
            Set<Long> matching = new HashSet<>(ids(c, "SELECT k.patient_id FROM TABLE(id BIGINT = ?) b"
                    + " JOIN patient_search_key k ON k.patient_id = b.id"
                    + " WHERE (" + KEY_CONDITION + ") OR (" + KEY_CONDITION + ")", args));
            matching.addAll(chartPatient);
            for (Long id : batch) {
                if (matching.contains(id) && out.size() < limit) {
                    out.add(id); // a set: a patient registered meanwhile can shift the next batch
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static Long chartNumber(String digits) {
        return digits.length() <= 12 ? Long.parseLong(digits) : null;
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    private static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    private static List<Long> ids(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    /**
     * Patient id to name_key for the rows of {@code sql} (id, name_key), kept only if already in
     * {@code found} (when it is not null); null when {@code cap} is positive and more rows came.
     */
    private static Map<Long, String> narrow(Connection c, Map<Long, String> found, String sql, List<Object> args,
                                            int cap) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    if (cap > 0 && ++rows > cap) {
                        return null;
                    }
                    long id = rs.getLong(1);
                    if (found == null || found.containsKey(id)) {
                        out.putIfAbsent(id, rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** The first {@code limit} ids by (name_key, id), without sorting every candidate. */
    private static List<Long> firstByName(Map<Long, String> candidates, int limit) {
        Comparator<Map.Entry<Long, String>> byName = Map.Entry.<Long, String>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey());
        if (candidates.size() <= limit) {
            List<Map.Entry<Long, String>> all = new ArrayList<>(candidates.entrySet());
            all.sort(byName);
            return all.stream().map(Map.Entry::getKey).toList();
        }
        PriorityQueue<Map.Entry<Long, String>> last = new PriorityQueue<>(byName.reversed());
        for (Map.Entry<Long, String> e : candidates.entrySet()) {
            if (last.size() < limit) {
                last.add(e);
            } else if (byName.compare(e, last.peek()) < 0) {
                last.poll();
                last.add(e);
            }
        }
        List<Map.Entry<Long, String>> first = new ArrayList<>(last);
        first.sort(byName);
        return first.stream().map(Map.Entry::getKey).toList();
    }

    private static List<PatientSummary> summaries(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<PatientSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PatientSummary(rs.getLong("id"), rs.getLong("chart_number"), rs.getString("last_name"),
                            rs.getString("first_name"), rs.getString("preferred_name"), Sql.getDate(rs, "birth_date"),
                            rs.getString("phone"), rs.getString("email")));
                }
            }
            return out;
        }
    }
}
