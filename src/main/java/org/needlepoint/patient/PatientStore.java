package org.needlepoint.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.needlepoint.common.Text;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** All SQL for patients and their search keys. */
public final class PatientStore implements RecordCheck {
    private static final String FIELDS = "first_name, middle_name, last_name, preferred_name, birth_date, sex,"
            + " mobile_phone, other_phone, email, address_line, city, region, postal_code,"
            + " emergency_name, emergency_phone, emergency_relation, allergies, medications, conditions, pregnancy,"
            + " photo_consent, marketing_consent, alerts, notes, name_key";
    private static final int FIELD_COUNT = 25;
    private static final String SUMMARY = "p.id, p.chart_number, p.last_name, p.first_name, p.preferred_name,"
            + " p.birth_date, COALESCE(p.mobile_phone, p.other_phone) AS phone, p.email";
    /**
     * Search keys of one kind starting with a prefix, with their patient's name_key: a range scan of
     * the (kind, search_key, name_key, patient_id) index. The explicit bounds (prefix, prefix +
     * U+FFFF; keys are letters and digits only) are always an index range, which H2 does not
     * guarantee for a LIKE with a parameter; the LIKE keeps the match exact.
     */
    private static final String KEY_CONDITION = "k.kind = ? AND k.search_key >= ? AND k.search_key < ?"
            + " AND k.search_key LIKE ? ESCAPE '\\'";
    private static final String KEY_RANGE = "SELECT k.patient_id, k.name_key FROM patient_search_key k WHERE " + KEY_CONDITION;
    /**
     * Phone keys matching the typed digits beyond which the digits are checked per candidate, in
     * name order, instead of listed: past this, walking about {@code limit / density} candidates
     * costs less than listing the keys (at 100,000 patients the two meet near 10,000).
     */
    static final int DENSE_DIGITS = 10_000;
    /** At most this many candidates are checked per statement when walking them in name order. */
    static final int MAX_BATCH = 800;

    private final int denseDigits;
    private final int maxBatch;

    public PatientStore() {
        this(DENSE_DIGITS, MAX_BATCH);
    }

    /** Tests lower both to take every path on a small clinic. */
    PatientStore(int denseDigits, int maxBatch) {
        this.denseDigits = denseDigits;
        this.maxBatch = maxBatch;
    }

    public Patient insert(Connection c, PatientDetails d, Instant now, Long by) throws SQLException {
        long chart = Sql.count(c, "SELECT NEXT VALUE FOR chart_number_seq");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (" + FIELDS
                + ", chart_number, created_at, created_by, updated_at, updated_by) VALUES ("
                + "?, ".repeat(FIELD_COUNT) + "?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            int i = bind(ps, d);
            ps.setLong(i++, chart);
            Sql.setInstant(ps, i++, now);
            Sql.setLong(ps, i++, by);
            Sql.setInstant(ps, i++, now);
            Sql.setLong(ps, i, by);
            ps.executeUpdate();
            long id = Sql.generatedKey(ps);
            writeKeys(c, id, d);
            return find(c, id).orElseThrow();
        }
    }

    /** Saves {@code d} over the record if nobody saved it since {@code version}; else a clear refusal. */
    public Patient update(Connection c, long id, int version, PatientDetails d, Instant now, Long by, ZoneId zone)
            throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String f : FIELDS.split(",\\s*")) {
            set.append(f).append(" = ?, ");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE patient SET " + set
                + "version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            int i = bind(ps, d);
            Sql.setInstant(ps, i++, now);
            Sql.setLong(ps, i++, by);
            ps.setLong(i++, id);
            ps.setInt(i, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "patient", id, "This patient's record", zone);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM patient_search_key WHERE patient_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        writeKeys(c, id, d);
        return find(c, id).orElseThrow();
    }

    private static int bind(PreparedStatement ps, PatientDetails d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.firstName());
        ps.setString(i++, d.middleName());
        ps.setString(i++, d.lastName());
        ps.setString(i++, d.preferredName());
        Sql.setDate(ps, i++, d.birthDate());
        ps.setString(i++, d.sex().name());
        ps.setString(i++, d.mobilePhone());
        ps.setString(i++, d.otherPhone());
        ps.setString(i++, d.email());
        ps.setString(i++, d.addressLine());
        ps.setString(i++, d.city());
        ps.setString(i++, d.region());
        ps.setString(i++, d.postalCode());
        ps.setString(i++, d.emergencyName());
        ps.setString(i++, d.emergencyPhone());
        ps.setString(i++, d.emergencyRelation());
        ps.setString(i++, d.allergies());
        ps.setString(i++, d.medications());
        ps.setString(i++, d.conditions());
        ps.setString(i++, d.pregnancy().name());
        ps.setBoolean(i++, d.photoConsent());
        ps.setBoolean(i++, d.marketingConsent());
        ps.setString(i++, d.alerts());
        ps.setString(i++, d.notes());
        ps.setString(i++, nameKey(d.lastName(), d.firstName()));
        return i;
    }

    static String nameKey(String last, String first) {
        return Text.fold(last) + " " + Text.fold(first);
    }

    private static void writeKeys(Connection c, long id, PatientDetails d) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (String part : new String[] {d.firstName(), d.middleName(), d.lastName(), d.preferredName()}) {
            names.addAll(SearchQuery.nameTokens(part));
        }
        Set<String> phones = new LinkedHashSet<>();
        for (String ph : new String[] {d.mobilePhone(), d.otherPhone()}) {
            String digits = Text.phoneDigits(ph);
            if (!digits.isEmpty()) {
                phones.add(digits);
            }
        }
        String nameKey = nameKey(d.lastName(), d.firstName());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO patient_search_key (kind, search_key, patient_id, name_key) VALUES (?, ?, ?, ?)")) {
            for (String n : names) {
                add(ps, "N", n.length() > 100 ? n.substring(0, 100) : n, id, nameKey);
            }
            for (String p : phones) {
                add(ps, "P", p, id, nameKey);
                add(ps, "R", new StringBuilder(p).reverse().toString(), id, nameKey);
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, String kind, String key, long id, String nameKey) throws SQLException {
        ps.setString(1, kind);
        ps.setString(2, key);
        ps.setLong(3, id);
        ps.setString(4, nameKey);
        ps.addBatch();
    }

    public Optional<Patient> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM patient WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
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

    /**
     * Possible duplicates: same name and birth date, or a shared phone number. The candidates are a
     * UNION of index lookups (an OR across them would make H2 scan every patient).
     */
    public List<PatientSummary> possibleDuplicates(Connection c, PatientDetails d, Long exceptId) throws SQLException {
        StringBuilder ids = new StringBuilder("SELECT id FROM patient WHERE name_key = ? AND birth_date = ?");
        List<Object> args = new ArrayList<>(List.of(nameKey(d.lastName(), d.firstName()), d.birthDate()));
        for (String ph : new String[] {d.mobilePhone(), d.otherPhone()}) {
            String digits = Text.phoneDigits(ph);
            if (digits.length() >= 7) {
                ids.append(" UNION SELECT patient_id FROM patient_search_key WHERE kind = 'P' AND search_key = ?");
                args.add(digits);
            }
        }
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY + " FROM patient p WHERE p.id IN (" + ids + ")");
        if (exceptId != null) {
            sql.append(" AND p.id <> ?");
            args.add(exceptId);
        }
        return summaries(c, sql + " ORDER BY p.chart_number LIMIT 10", args);
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

    private static Patient map(ResultSet rs) throws SQLException {
        PatientDetails d = new PatientDetails(rs.getString("first_name"), rs.getString("middle_name"),
                rs.getString("last_name"), rs.getString("preferred_name"), Sql.getDate(rs, "birth_date"),
                Sex.valueOf(rs.getString("sex")), rs.getString("mobile_phone"), rs.getString("other_phone"),
                rs.getString("email"), rs.getString("address_line"), rs.getString("city"), rs.getString("region"),
                rs.getString("postal_code"), rs.getString("emergency_name"), rs.getString("emergency_phone"),
                rs.getString("emergency_relation"), rs.getString("allergies"), rs.getString("medications"),
                rs.getString("conditions"), Pregnancy.valueOf(rs.getString("pregnancy")),
                rs.getBoolean("photo_consent"), rs.getBoolean("marketing_consent"), rs.getString("alerts"),
                rs.getString("notes"));
        return new Patient(rs.getLong("id"), rs.getLong("chart_number"), d, rs.getInt("version"),
                Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"));
    }

    public long count(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM patient");
    }

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("patients", count(c));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        long unindexed = Sql.count(c, "SELECT COUNT(*) FROM patient p WHERE NOT EXISTS"
                + " (SELECT 1 FROM patient_search_key k WHERE k.patient_id = p.id AND k.kind = 'N')");
        if (unindexed > 0) {
            p.add("patients: " + unindexed + " without search keys");
        }
        long staleKeys = Sql.count(c, "SELECT COUNT(*) FROM patient_search_key k JOIN patient p ON p.id = k.patient_id"
                + " WHERE k.name_key <> p.name_key");
        if (staleKeys > 0) {
            p.add("patients: " + staleKeys + " search keys out of date with the patient's name");
        }
        long dupCharts = Sql.count(c, "SELECT COUNT(*) FROM (SELECT chart_number FROM patient GROUP BY chart_number HAVING COUNT(*) > 1)");
        if (dupCharts > 0) {
            p.add("patients: " + dupCharts + " chart numbers used twice");
        }
        long unknownStaff = Sql.count(c, "SELECT COUNT(*) FROM patient p WHERE (p.created_by IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM app_user u WHERE u.id = p.created_by)) OR (p.updated_by IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM app_user u WHERE u.id = p.updated_by))");
        if (unknownStaff > 0) {
            p.add("patients: " + unknownStaff + " record(s) saved by a user who does not exist");
        }
        return p;
    }
}
