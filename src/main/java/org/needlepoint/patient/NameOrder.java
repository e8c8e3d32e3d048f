package org.needlepoint.patient;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Search results in the order the list shows them, name then registration ({@code name_key}, then id),
 * read a page at a time and no further than needed. Each part of a query ("bal", "ava", the digits of a
 * phone, a birth date) is a {@link Source}: its matching patients in that order, able to skip ahead to a
 * given position. {@link #intersect} walks the sources together (a leapfrog join): every source skips to
 * the furthest position any of them has reached, so a patient is taken only where all agree. The SQL
 * behind each source is in {@link PatientStore}; this class holds none.
 */
final class NameOrder {
    private NameOrder() {
    }

    /** A patient's place in the list: its name_key, then its id. */
    record Entry(String nameKey, long id) implements Comparable<Entry> {
        static final Entry FIRST = new Entry("", Long.MIN_VALUE);

        @Override
        public int compareTo(Entry o) {
            int c = nameKey.compareTo(o.nameKey);
            return c != 0 ? c : Long.compare(id, o.id);
        }

        /** The place just after this one. */
        Entry next() {
            return new Entry(nameKey, id + 1);
        }
    }

    /** The patients matching one part of a query, in list order. */
    interface Source {
        /**
         * The first patient at or after {@code target}, or null when none is left. Targets only move
         * forward: a source may forget what lies before the last target.
         */
        Entry seek(Entry target) throws SQLException;

        /** Reads so far that jumped past most of a page to a target further on (a page per patient, at worst). */
        default int jumps() {
            return 0;
        }
    }

    /** Keeps the candidates that match the whole query, in their order (one read for them all). */
    interface Verifier {
        List<Entry> matching(List<Entry> candidates) throws SQLException;
    }

    /** Reads a source's patients from {@code from} on, in list order, at most {@code n}. */
    interface Page {
        List<Entry> read(Entry from, int n) throws SQLException;
    }

    /** Patients already read and sorted (a chart number, the few keys of a long prefix). */
    static final class Listed implements Source {
        private final List<Entry> entries;
        private int pos;

        /** {@code entries} in any order, possibly with repeats. */
        Listed(List<Entry> entries) {
            List<Entry> sorted = new ArrayList<>(entries);
            Collections.sort(sorted);
            List<Entry> distinct = new ArrayList<>(sorted.size());
            for (Entry e : sorted) {
                if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(e)) {
                    distinct.add(e);
                }
            }
            this.entries = distinct;
        }

        int size() {
            return entries.size();
        }

        @Override
        public Entry seek(Entry target) {
            pos = lowerBound(entries, pos, target);
            return pos < entries.size() ? entries.get(pos) : null;
        }
    }

    /**
     * A source read from the database a page at a time (an index whose entries are in list order: a
     * keyset read). The first page is {@code first} entries. When a seek passes the page, the next read
     * starts at the target: four times larger than the last, up to {@link #MAX_PAGE}, when the walk went
     * through the page to its end (the other parts match densely here), else {@code first} again (the
     * walk jumped: "balbury ava" skips from one Balbury to the next through the Avas).
     */
    static final class Paged implements Source {
        static final int MAX_PAGE = 4096;
        private final Page page;
        private final int first;
        private List<Entry> buffer = List.of();
        private int pos;
        private boolean atEnd;
        private int size;
        private int reads;
        private int jumps;

        Paged(Page page, int first) {
            this.page = page;
            this.first = Math.max(1, first);
        }

        @Override
        public Entry seek(Entry target) throws SQLException {
            if (!buffer.isEmpty() && target.compareTo(buffer.get(buffer.size() - 1)) <= 0) {
                pos = lowerBound(buffer, pos, target);
                return buffer.get(pos);
            }
            if (atEnd) {
                pos = buffer.size();
                return null;
            }
            boolean walkedThrough = !buffer.isEmpty() && pos >= buffer.size() - 1;
            if (!buffer.isEmpty() && !walkedThrough) {
                jumps++;
            }
            size = walkedThrough ? Math.min(size * 4, MAX_PAGE) : first;
            buffer = page.read(target, size);
            reads++;
            pos = 0;
            atEnd = buffer.size() < size;
            return buffer.isEmpty() ? null : buffer.get(0);
        }

        /** Pages read so far. */
        int reads() {
            return reads;
        }

        @Override
        public int jumps() {
            return jumps;
        }
    }

    /** Patients in any of the sources (a phone's start, its end, or the chart number), each once. */
    static final class Union implements Source {
        private final List<Source> parts;

        Union(List<Source> parts) {
            this.parts = List.copyOf(parts);
        }

        @Override
        public Entry seek(Entry target) throws SQLException {
            Entry best = null;
            for (Source s : parts) {
                Entry e = s.seek(target);
                if (e != null && (best == null || e.compareTo(best) < 0)) {
                    best = e;
                }
            }
            return best;
        }

        @Override
        public int jumps() {
            return parts.stream().mapToInt(Source::jumps).sum();
        }
    }

    /** A source matching nobody. */
    static final Source NONE = target -> null;

    /** Jumping reads after which the walk checks a batch of one part's patients instead. */
    static final int JUMPS_BEFORE_CHECKING = 3;
    static final int FIRST_CHECK = 64;
    static final int MAX_CHECK = 1024;

    /** {@link #intersect(List, int, Verifier, int)} that only walks. */
    static List<Entry> intersect(List<Source> sources, int limit) throws SQLException {
        return intersect(sources, limit, null, JUMPS_BEFORE_CHECKING);
    }

    /**
     * The first {@code limit} patients every source holds, in list order. Each round, every source in
     * turn skips to the furthest patient so far; a patient all of them reach is taken. This walk is quick
     * where the parts' patients lie together in list order ("balbury ava": the Balburys named Ava), but
     * where one part's patients lie scattered among the other's (a Balbury as the second half of a
     * hyphenated name, an Ava as a middle name) each step is a read of its own. So after {@code checkAfter}
     * such reads (usually {@link #JUMPS_BEFORE_CHECKING}; 0: at once), the next patients of the part whose patient caused the last
     * one (64, then twice as many each time) are checked against the whole query by {@code verifier} in one
     * read, and the walk goes on after them: every match in that stretch is one of that part's patients.
     */
    static List<Entry> intersect(List<Source> sources, int limit, Verifier verifier, int checkAfter)
            throws SQLException {
        List<Entry> out = new ArrayList<>();
        if (sources.isEmpty() || limit <= 0) {
            return out;
        }
        int n = sources.size();
        int jumps = 0;
        int batch = FIRST_CHECK;
        Entry target = Entry.FIRST;
        rounds:
        while (out.size() < limit) {
            Entry x = sources.get(0).seek(target);
            if (x == null) {
                return out;
            }
            int leader = 0;
            int jumpLeader = 0;
            int agree = 1;
            for (int i = 1; agree < n; i = (i + 1) % n) {
                if (verifier != null && jumps >= checkAfter) {
                    // no match lies before x (some part has nobody there); check the next patients of the part
                    // whose patient made another part jump last
                    Entry after = check(sources.get(jumpLeader), x, batch, verifier, limit, out);
                    if (after == null) {
                        return out;
                    }
                    target = after;
                    jumps = 0;
                    batch = Math.min(batch * 2, MAX_CHECK);
                    continue rounds;
                }
                Source s = sources.get(i);
                int before = s.jumps();
                Entry y = s.seek(x);
                if (s.jumps() > before) {
                    jumps++;
                    jumpLeader = leader;
                }
                if (y == null) {
                    return out;
                }
                if (y.equals(x)) {
                    agree++;
                } else {
                    x = y;
                    leader = i;
                    agree = 1;
                }
            }
            out.add(x);
            target = x.next();
        }
        return out;
    }

    /**
     * Checks up to {@code size} patients of {@code part} from {@code from} on, adding the matches to
     * {@code out} (up to {@code limit}); returns where the walk goes on, or null when the part has no more.
     */
    private static Entry check(Source part, Entry from, int size, Verifier verifier, int limit, List<Entry> out)
            throws SQLException {
        List<Entry> batch = new ArrayList<>(size);
        Entry next = part.seek(from);
        while (next != null && batch.size() < size) {
            batch.add(next);
            next = part.seek(next.next());
        }
        for (Entry e : verifier.matching(batch)) {
            if (out.size() < limit) {
                out.add(e);
            }
        }
        return next;
    }

    /** The first index at or after {@code from} whose entry is not before {@code target}. */
    static int lowerBound(List<Entry> entries, int from, Entry target) {
        int lo = from;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).compareTo(target) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
