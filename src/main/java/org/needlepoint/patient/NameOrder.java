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
     * keyset read). The first page is {@code first} entries; when a seek passes the page, the next read
     * starts at the target, each four times larger than the last up to {@link #MAX_PAGE}.
     */
    static final class Paged implements Source {
        static final int MAX_PAGE = 4096;
        private final Page page;
        private List<Entry> buffer = List.of();
        private int pos;
        private boolean atEnd;
        private int size;
        private int reads;

        Paged(Page page, int first) {
            this.page = page;
            this.size = Math.max(1, first);
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
            buffer = page.read(target, size);
            reads++;
            pos = 0;
            atEnd = buffer.size() < size;
            size = Math.min(size * 4, MAX_PAGE);
            return buffer.isEmpty() ? null : buffer.get(0);
        }

        /** Pages read so far. */
        int reads() {
            return reads;
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
    }

    /** A source matching nobody. */
    static final Source NONE = target -> null;

    /**
     * The first {@code limit} patients every source holds, in list order. Each round, every source in
     * turn skips to the furthest patient so far; a patient all of them reach is taken.
     */
    static List<Entry> intersect(List<Source> sources, int limit) throws SQLException {
        List<Entry> out = new ArrayList<>();
        if (sources.isEmpty() || limit <= 0) {
            return out;
        }
        int n = sources.size();
        Entry target = Entry.FIRST;
        while (out.size() < limit) {
            Entry x = sources.get(0).seek(target);
            if (x == null) {
                return out;
            }
            int agree = 1;
            for (int i = 1; agree < n; i = (i + 1) % n) {
                Entry y = sources.get(i).seek(x);
                if (y == null) {
                    return out;
                }
                if (y.equals(x)) {
                    agree++;
                } else {
                    x = y;
                    agree = 1;
                }
            }
            out.add(x);
            target = x.next();
        }
        return out;
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
