package org.needlepoint.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
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
import java.util.Set;
import org.needlepoint.common.Text;
import org.needlepoint.patient.NameOrder.Entry;
import org.needlepoint.patient.NameOrder.Listed;
import org.needlepoint.patient.NameOrder.Paged;
import org.needlepoint.patient.NameOrder.Source;
import org.needlepoint.store.Cancellation;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** All SQL for patients and their search keys. */
public final class PatientStore implements RecordCheck {
    private static final String FIELDS = "first_name, middle_name, last_name, preferred_name, birth_date, sex,"
            + " mobile_phone, other_phone, email, address_line, city, region, postal_code,"
            + " emergency_name, emergency_phone, emergency_relation, allergies, medications, conditions, pregnancy,"
            + " photo_consent, marketing_consent, alerts, notes, name_key, rewards_programme, rewards_member";
    private static final int FIELD_COUNT = 27;
    private static final String SUMMARY = "p.id, p.chart_number, p.last_name, p.first_name, p.preferred_name,"
            + " p.birth_date, COALESCE(p.mobile_phone, p.other_phone) AS phone, p.email";
    /** Name words have prefix rows (V9) for their first 1 to this many letters. */
    static final int NAME_PREFIX = 4;
    /** Phones have prefix rows for their first 1 to this many digits. */
    static final int PHONE_START = 6;
    /** Phones have prefix rows for their last 1 to this many digits (the start of the reversed R key). */
    static final int PHONE_END = 2;
    /**
     * Search keys a patient has, generously (a name word per name part and its joined form, two phones
     * each forwards and reversed): the rows per patient a batch check asks for in one answer.
     */
    private static final int KEYS_PER_PATIENT = 16;
    /** A page of a keyset read: the next entries of one part, from a given place in the list. */
    private static final String PREFIX_PAGE = "SELECT name_key, patient_id FROM patient_search_prefix"
            + " WHERE kind = ? AND prefix = ? AND name_key >= ? AND (name_key > ? OR patient_id >= ?)"
            + " ORDER BY kind, prefix, name_key, patient_id LIMIT ?";
    private static final String KEY_PAGE = "SELECT name_key, patient_id FROM patient_search_key"
            + " WHERE kind = ? AND search_key = ? AND name_key >= ? AND (name_key > ? OR patient_id >= ?)%s"
            + " ORDER BY kind, search_key, name_key, patient_id LIMIT ?";
    /** One more name word the patient must have (V10: " word word"): added to a query for each. */
    private static final String HAS_WORD = " AND words LIKE ? ESCAPE '\\'";
    private static final String BIRTH_PAGE = "SELECT name_key, id FROM patient"
            + " WHERE birth_date = ? AND name_key >= ? AND (name_key > ? OR id >= ?)"
            + " ORDER BY birth_date, name_key, id LIMIT ?";
    /**
     * Whole keys of one kind in a prefix's range, from a key on. The explicit bounds (prefix, prefix +
     * U+FFFF; keys are letters and digits only) are always an index range, which H2 does not guarantee
     * for a LIKE with a parameter; the LIKE keeps the match exact. H2 reads an index in its order only
     * when ORDER BY names its leading columns too, hence "ORDER BY kind, ..." throughout.
     */
    private static final String KEY_RANGE = "SELECT search_key, name_key, patient_id FROM patient_search_key"
            + " WHERE kind = ? AND search_key >= ? AND search_key < ? AND search_key LIKE ? ESCAPE '\\'%s"
            + " ORDER BY kind, search_key, name_key, patient_id LIMIT ?";

    private final int nameLetters;
    private final int phoneStart;
    private final int phoneEnd;
    private final int firstPage;
    private final int checkAfter;

    public PatientStore() {
        this(NAME_PREFIX, PHONE_START, PHONE_END, 0, NameOrder.JUMPS_BEFORE_CHECKING);
    }

    /**
     * Tests take the other paths on a small clinic: prefix rows used only up to the given lengths (0:
     * never, always the whole keys; the rows are written in full regardless), pages of {@code firstPage}
     * entries (0: as many as the list shows, plus one), and the patients of a query of several parts checked
     * in batches after {@code checkAfter} jumping reads (0: from the start; see {@link NameOrder#intersect}).
     */
    PatientStore(int nameLetters, int phoneStart, int phoneEnd, int firstPage, int checkAfter) {
        this.nameLetters = Math.min(nameLetters, NAME_PREFIX);
        this.phoneStart = Math.min(phoneStart, PHONE_START);
        this.phoneEnd = Math.min(phoneEnd, PHONE_END);
        this.firstPage = firstPage;
        this.checkAfter = checkAfter;
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
        for (String table : new String[] {"patient_search_key", "patient_search_prefix"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE patient_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
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
        ps.setString(i++, d.rewardsProgramme());
        ps.setString(i++, d.rewardsMember());
        return i;
    }

    static String nameKey(String last, String first) {
        return Text.fold(last) + " " + Text.fold(first);
    }

    /**
     * Registers many patients at once (bench's seeding, which skips the audit as WorklistBenchmark does):
     * the same rows as {@link #insert} for each, written in JDBC batches. Returns their chart numbers, in
     * order.
     */
    public List<Long> insertAll(Connection c, List<PatientDetails> all, Instant now, Long by) throws SQLException {
        List<Long> charts = new ArrayList<>(all.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXT VALUE FOR chart_number_seq FROM SYSTEM_RANGE(1, ?)")) {
            ps.setInt(1, all.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    charts.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (" + FIELDS
                + ", chart_number, created_at, created_by, updated_at, updated_by) VALUES ("
                + "?, ".repeat(FIELD_COUNT) + "?, ?, ?, ?, ?)")) {
            for (int k = 0; k < all.size(); k++) {
                int i = bind(ps, all.get(k));
                ps.setLong(i++, charts.get(k));
                Sql.setInstant(ps, i++, now);
                Sql.setLong(ps, i++, by);
                Sql.setInstant(ps, i++, now);
                Sql.setLong(ps, i, by);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<Long, Long> idByChart = new HashMap<>();
        // a range, not "= ANY(?)": H2 checks each row against the whole array, 20,000 numbers a row
        try (PreparedStatement ps = c.prepareStatement("SELECT chart_number, id FROM patient"
                + " WHERE chart_number BETWEEN ? AND ?")) {
            ps.setLong(1, charts.stream().mapToLong(Long::longValue).min().orElse(0));
            ps.setLong(2, charts.stream().mapToLong(Long::longValue).max().orElse(-1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idByChart.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        List<KeyRow> keys = new ArrayList<>();
        List<KeyRow> prefixes = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            keyRows(idByChart.get(charts.get(k)), all.get(k), keys, prefixes);
        }
        insertRows(c, INSERT_KEY, keys);
        insertRows(c, INSERT_PREFIX, prefixes);
        return charts;
    }

    private static void insertRows(Connection c, String sql, List<KeyRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (KeyRow r : rows) {
                add(ps, r, sql.equals(INSERT_KEY));
            }
            ps.executeBatch();
        }
    }

    private static final String INSERT_KEY = "INSERT INTO patient_search_key (kind, search_key, patient_id, name_key,"
            + " words) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_PREFIX = "INSERT INTO patient_search_prefix (kind, prefix, patient_id, name_key)"
            + " VALUES (?, ?, ?, ?)";

    private static void writeKeys(Connection c, long id, PatientDetails d) throws SQLException {
        List<KeyRow> keys = new ArrayList<>();
        List<KeyRow> prefixes = new ArrayList<>();
        keyRows(id, d, keys, prefixes);
        insertRows(c, INSERT_KEY, keys);
        insertRows(c, INSERT_PREFIX, prefixes);
    }

    /**
     * A row of patient_search_key (key: the search key; words: the patient's name words on an N key, else
     * null) or of patient_search_prefix (key: the prefix; no words).
     */
    private record KeyRow(String kind, String key, long id, String nameKey, String words) {
    }

    /** The name words an N key carries (V10): each after a space, sorted, so a word is found by "% word". */
    static String words(Set<String> names) {
        StringBuilder b = new StringBuilder();
        names.stream().sorted().forEach(n -> b.append(' ').append(n));
        return b.toString();
    }

    /**
     * A patient's search keys and prefix rows: every name word (N), every phone's digits (P) and those
     * reversed (R); prefixes of each up to {@link #NAME_PREFIX}, {@link #PHONE_START} and
     * {@link #PHONE_END} long, each once per patient. V9 derives the same prefix rows from the keys of
     * older records.
     */
    private static void keyRows(long id, PatientDetails d, List<KeyRow> keys, List<KeyRow> prefixRows) {
        Set<String> names = SearchQuery.nameWords(d.firstName(), d.middleName(), d.lastName(), d.preferredName());
        Set<String> phones = SearchQuery.phoneDigits(d.mobilePhone(), d.otherPhone());
        String nameKey = nameKey(d.lastName(), d.firstName());
        String words = words(names);
        Set<String> rows = new LinkedHashSet<>();
        for (String n : names) {
            keys.add(new KeyRow("N", n, id, nameKey, words));
            prefixes("N", n, NAME_PREFIX, rows);
        }
        for (String p : phones) {
            String reversed = reverse(p);
            keys.add(new KeyRow("P", p, id, nameKey, null));
            keys.add(new KeyRow("R", reversed, id, nameKey, null));
            prefixes("P", p, PHONE_START, rows);
            prefixes("R", reversed, PHONE_END, rows);
        }
        for (String row : rows) {
            prefixRows.add(new KeyRow(row.substring(0, 1), row.substring(1), id, nameKey, null));
        }
    }

    /** Adds kind + each prefix of {@code key} up to {@code longest} characters to {@code rows}. */
    private static void prefixes(String kind, String key, int longest, Set<String> rows) {
        for (int n = 1; n <= Math.min(longest, key.length()); n++) {
            rows.add(kind + key.substring(0, n));
        }
    }

    private static void add(PreparedStatement ps, KeyRow r, boolean withWords) throws SQLException {
        ps.setString(1, r.kind());
        ps.setString(2, r.key());
        ps.setLong(3, r.id());
        ps.setString(4, r.nameKey());
        if (withWords) {
            ps.setString(5, r.words());
        }
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

    /** {@link #search(Connection, SearchQuery, int, Cancellation)} that nobody cancels: the patients alone. */
    public List<PatientSummary> search(Connection c, SearchQuery q, int limit) throws SQLException {
        return search(c, q, limit, new Cancellation()).rows();
    }

    /**
     * The first {@code limit} patients matching every part of the query, in the order the list shows
     * them: by name ({@code name_key}, then id); {@link SearchPage#more()} tells whether more match.
     *
     * <p>Each part is read in that order from an index whose entries are already in it, so a broad
     * part reads about as many entries as are shown, not every match (a keyset read): a name word or
     * the digits of a phone up to {@link #NAME_PREFIX} letters, {@link #PHONE_START} digits from a
     * phone's start or {@link #PHONE_END} from its end from the prefix rows of V9; a longer one from the
     * whole keys it starts, a key at a time ({@link #keyRange}); a birth date from its index; a chart
     * number by itself. {@link NameOrder#intersect} then walks the parts together, each skipping ahead
     * to where the others are, and only the patients shown are read from the patient table.
     *
     * <p>Before V9 each part listed all its matches and sorted them: a one-letter name or an area code
     * read thousands of keys to show 100 ({@code bench}, README "Performance").
     */
    public SearchPage search(Connection c, SearchQuery q, int limit, Cancellation cancel) throws SQLException {
        if (q.isEmpty() || q.badDate() || limit <= 0) {
            return new SearchPage(List.of(), false);
        }
        Reads r = new Reads(c, cancel);
        List<Source> parts = sources(r, q, limit + 1);
        List<Entry> first = NameOrder.intersect(parts, limit + 1, candidates -> r.matching(q, candidates), checkAfter);
        boolean more = first.size() > limit;
        if (more) {
            first = first.subList(0, limit);
        }
        if (first.isEmpty()) {
            return new SearchPage(List.of(), false);
        }
        Long[] ids = first.stream().map(Entry::id).toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY + " FROM patient p WHERE p.id = ANY(?)"
                + " ORDER BY p.name_key, p.id")) {
            ps.setObject(1, ids);
            ps.setFetchSize(ids.length);
            return new SearchPage(summaries(cancel.executeQuery(ps)), more);
        }
    }

    /**
     * {@link #search} run by the clinic server, for a joined PC: one call ({@link ServerSearch}) instead of a
     * round trip for each of the search's statements (2 for a name, 3-6 for a phone's digits).
     */
    public SearchPage searchOnServer(Connection c, String text, int limit, Cancellation cancel) throws SQLException {
        SearchQuery q = SearchQuery.parse(text);
        if (q.isEmpty() || q.badDate() || limit <= 0) {
            return new SearchPage(List.of(), false);
        }
        try (PreparedStatement ps = c.prepareStatement("CALL " + ServerSearch.SEARCH + "(?, ?)")) {
            ps.setString(1, text);
            ps.setInt(2, limit);
            ps.setFetchSize(limit);
            try (ResultSet rs = cancel.executeQuery(ps)) {
                List<PatientSummary> rows = new ArrayList<>();
                boolean more = false;
                while (rs.next()) {
                    rows.add(summary(rs));
                    more = rs.getBoolean("more");
                }
                return new SearchPage(rows, more);
            }
        }
    }

    /** On the clinic server, as its owner: the function joined PCs search with ({@link ServerSearch}). */
    public static void defineServerFunctions(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ALIAS IF NOT EXISTS " + ServerSearch.SEARCH + " FOR '" + ServerSearch.class.getName()
                    + ".search'");
        }
    }

    /**
     * How many patients match the query, counted up to {@code cap}: the count when it is at most {@code cap},
     * else {@code cap + 1} ("more than cap"). The same walk as {@link #search}, in pages of thousands and
     * without reading the patients, stopping at {@code cap + 1}: an exact count of a broad query would read
     * every match (measured at 100,000 patients: 50-550 ms for one prefix in SQL, 0.4-0.6 s for a phone's
     * digits, which match its start, its end or a chart number).
     */
    public long count(Connection c, SearchQuery q, int cap, Cancellation cancel) throws SQLException {
        if (q.isEmpty() || q.badDate() || cap < 0) {
            return 0;
        }
        int page = Math.min(cap + 1, NameOrder.Paged.MAX_PAGE);
        Reads r = new Reads(c, cancel);
        return NameOrder.intersect(sources(r, q, page), cap + 1, candidates -> r.matching(q, candidates), checkAfter)
                .size();
    }

    /** The query's distinct name words, longest first (the narrowest, usually). */
    private static List<String> tokens(SearchQuery q) {
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(q.nameTokens()));
        tokens.sort(Comparator.comparingInt(String::length).reversed());
        return tokens;
    }

    /** One source per part of the query, the narrowest kinds first; {@code page} entries are read first. */
    private List<Source> sources(Reads r, SearchQuery q, int page) throws SQLException {
        List<Source> parts = new ArrayList<>();
        if (q.birthDate() != null) {
            LocalDate born = q.birthDate();
            parts.add(new Paged((from, n) -> r.entries(BIRTH_PAGE, born, from.nameKey(), from.nameKey(), from.id(), n),
                    firstPage(page)));
        }
        List<String> tokens = tokens(q);
        if (tokens.size() > 1 && tokens.get(0).length() > nameLetters) {
            // the longest word reads whole keys, whose entries carry the patient's name words: the other words
            // are checked on them as they are read, and this one part stands for all the words
            parts.add(keyRange(r, "N", tokens.get(0), page, tokens.subList(1, tokens.size())));
        } else {
            for (String token : tokens) {
                parts.add(keys(r, "N", token, nameLetters, page));
            }
        }
        if (q.digits() != null) {
            String d = q.digits();
            List<Source> any = new ArrayList<>();
            any.add(keys(r, "P", d, phoneStart, page));
            any.add(keys(r, "R", reverse(d), phoneEnd, page));
            Long chart = chartNumber(d);
            if (chart != null) {
                any.add(new Listed(r.entries("SELECT name_key, id FROM patient WHERE chart_number = ?", chart)));
            }
            parts.add(new NameOrder.Union(any));
        }
        return parts;
    }

    /**
     * The patients with a {@code kind} key starting with {@code prefix}: a keyset read of its prefix rows
     * when it is short enough to have them, else {@link #keyRange}.
     */
    private Source keys(Reads r, String kind, String prefix, int prefixRows, int page) throws SQLException {
        if (prefix.length() <= prefixRows) {
            return new Paged((from, n) -> r.entries(PREFIX_PAGE, kind, prefix, from.nameKey(), from.nameKey(), from.id(),
                    n), firstPage(page));
        }
        return keyRange(r, kind, prefix, page, List.of());
    }

    /**
     * The patients with a {@code kind} key starting with {@code prefix}, from the whole keys: each key's
     * patients are in list order in the (kind, search_key, name_key, patient_id) index, not the range's.
     * The range is read in pages; a key that fills a page by itself (a common name such as "clara",
     * typed in full) becomes a keyset read of its own and is skipped, and the rest (keys with fewer
     * patients) are kept and sorted here. A long prefix starts few keys, so both stay small.
     */
    private Source keyRange(Reads r, String kind, String prefix, int page, List<String> otherWords)
            throws SQLException {
        String hi = prefix + Character.MAX_VALUE;
        String like = Sql.likePrefix(prefix);
        String range = String.format(KEY_RANGE, HAS_WORD.repeat(otherWords.size()));
        String keyPage = String.format(KEY_PAGE, HAS_WORD.repeat(otherWords.size()));
        List<Object> words = otherWords.stream().map(w -> (Object) ("% " + Sql.likePrefix(w))).toList();
        List<Entry> few = new ArrayList<>();
        List<Source> parts = new ArrayList<>();
        String from = prefix;
        for (int size = firstPage(page); ; size = Math.min(size * 4, NameOrder.Paged.MAX_PAGE)) {
            List<KeyEntry> rows = r.keyEntries(range, args(List.of(kind, from, hi, like), words, size));
            if (rows.size() < size) {
                rows.forEach(k -> few.add(k.entry()));
                break;
            }
            String last = rows.get(rows.size() - 1).key();
            if (rows.get(0).key().equals(last)) {
                parts.add(new Paged((f, n) -> r.entries(keyPage,
                        args(List.of(kind, last, f.nameKey(), f.nameKey(), f.id()), words, n)), firstPage(page)));
                // the next key: ">= last + U+0000" starts the index range after it ("> last" would make H2 walk
                // through all of its entries, as for an inclusive bound; keys hold letters and digits only)
                from = last + '\u0000';
            } else {
                rows.stream().filter(k -> !k.key().equals(last)).forEach(k -> few.add(k.entry()));
                from = last;
            }
        }
        if (!few.isEmpty()) {
            parts.add(0, new Listed(few));
        }
        return parts.isEmpty() ? NameOrder.NONE : parts.size() == 1 ? parts.get(0) : new NameOrder.Union(parts);
    }

    /** {@code head}, then {@code words}, then {@code limit}: the arguments of a query with word conditions. */
    private static Object[] args(List<Object> head, List<Object> words, int limit) {
        List<Object> all = new ArrayList<>(head);
        all.addAll(words);
        all.add(limit);
        return all.toArray();
    }

    private int firstPage(int page) {
        return firstPage > 0 ? firstPage : page;
    }

    /** A key of a range with its patient's place in the list. */
    private record KeyEntry(String key, Entry entry) {
    }

    /** The reads of one search, each stoppable through its {@link Cancellation}. */
    private record Reads(Connection c, Cancellation cancel) {
        /** Rows of (name_key, id); the last argument is the LIMIT. */
        List<Entry> entries(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindAll(ps, List.of(args));
                wholePage(ps, args);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = cancel.executeQuery(ps)) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getString(1), rs.getLong(2)));
                    }
                }
                return out;
            }
        }

        /**
         * The candidates whose patient the query matches ({@link SearchQuery#matches} on the patient's name and
         * phone keys, the very keys the indexes hold, and on the birth date and chart number), in their order.
         */
        List<Entry> matching(SearchQuery q, List<Entry> candidates) throws SQLException {
            Long[] ids = candidates.stream().map(Entry::id).toArray(Long[]::new);
            Map<Long, Set<String>> words = new HashMap<>();
            Map<Long, Set<String>> phones = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.patient_id, k.kind, k.search_key"
                    + " FROM TABLE(id BIGINT = ?) t JOIN patient_search_key k ON k.patient_id = t.id")) {
                ps.setObject(1, ids);
                ps.setFetchSize(ids.length * KEYS_PER_PATIENT);
                try (ResultSet rs = cancel.executeQuery(ps)) {
                    while (rs.next()) {
                        String kind = rs.getString(2);
                        if (!kind.equals("R")) {
                            (kind.equals("N") ? words : phones).computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                                    .add(rs.getString(3));
                        }
                    }
                }
            }
            Map<Long, LocalDate> born = new HashMap<>();
            Map<Long, Long> chart = new HashMap<>();
            if (q.birthDate() != null || q.digits() != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.birth_date, p.chart_number"
                        + " FROM TABLE(id BIGINT = ?) t JOIN patient p ON p.id = t.id")) {
                    ps.setObject(1, ids);
                    ps.setFetchSize(ids.length);
                    try (ResultSet rs = cancel.executeQuery(ps)) {
                        while (rs.next()) {
                            born.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                            chart.put(rs.getLong(1), rs.getLong(3));
                        }
                    }
                }
            }
            return candidates.stream().filter(e -> q.matches(words.getOrDefault(e.id(), Set.of()),
                    phones.getOrDefault(e.id(), Set.of()), born.get(e.id()), chart.getOrDefault(e.id(), -1L))).toList();
        }

        /** Rows of (search_key, name_key, patient_id); the last argument is the LIMIT. */
        List<KeyEntry> keyEntries(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindAll(ps, List.of(args));
                wholePage(ps, args);
                List<KeyEntry> out = new ArrayList<>();
                try (ResultSet rs = cancel.executeQuery(ps)) {
                    while (rs.next()) {
                        out.add(new KeyEntry(rs.getString(1), new Entry(rs.getString(2), rs.getLong(3))));
                    }
                }
                return out;
            }
        }
    }

    /**
     * A page of up to LIMIT (the last argument) rows comes in one answer from the clinic server, whose
     * driver would otherwise fetch 100 rows at a time, a round trip each (embedded, it changes nothing).
     */
    private static void wholePage(PreparedStatement ps, Object[] args) throws SQLException {
        if (args.length > 0 && args[args.length - 1] instanceof Integer limit && limit > 0) {
            ps.setFetchSize(limit);
        }
    }

    private static void bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static Long chartNumber(String digits) {
        return digits.length() <= 12 ? Long.parseLong(digits) : null;
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
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
            bindAll(ps, args);
            return summaries(ps.executeQuery());
        }
    }

    /** The rows of {@code rs} (closed here) as summaries. */
    private static List<PatientSummary> summaries(ResultSet result) throws SQLException {
        try (ResultSet rs = result) {
            List<PatientSummary> out = new ArrayList<>();
            while (rs.next()) {
                out.add(summary(rs));
            }
            return out;
        }
    }

    private static PatientSummary summary(ResultSet rs) throws SQLException {
        return new PatientSummary(rs.getLong("id"), rs.getLong("chart_number"), rs.getString("last_name"),
                rs.getString("first_name"), rs.getString("preferred_name"), Sql.getDate(rs, "birth_date"),
                rs.getString("phone"), rs.getString("email"));
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
                rs.getString("notes"), rs.getString("rewards_programme"), rs.getString("rewards_member"));
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
        long unprefixed = Sql.count(c, "SELECT COUNT(*) FROM patient p WHERE NOT EXISTS"
                + " (SELECT 1 FROM patient_search_prefix x WHERE x.patient_id = p.id AND x.kind = 'N')");
        if (unprefixed > 0) {
            p.add("patients: " + unprefixed + " without search prefixes");
        }
        long stalePrefixes = Sql.count(c, "SELECT COUNT(*) FROM patient_search_prefix x JOIN patient p ON p.id = x.patient_id"
                + " WHERE x.name_key <> p.name_key");
        if (stalePrefixes > 0) {
            p.add("patients: " + stalePrefixes + " search prefixes out of date with the patient's name");
        }
        long staleWords = Sql.count(c, "SELECT COUNT(*) FROM patient_search_key k JOIN (SELECT patient_id,"
                + " ' ' || LISTAGG(search_key, ' ') WITHIN GROUP (ORDER BY search_key) AS w FROM patient_search_key"
                + " WHERE kind = 'N' GROUP BY patient_id) g ON g.patient_id = k.patient_id"
                + " WHERE k.kind = 'N' AND (k.words IS NULL OR k.words <> g.w)");
        if (staleWords > 0) {
            p.add("patients: " + staleWords + " name keys whose words are not the patient's name words");
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
