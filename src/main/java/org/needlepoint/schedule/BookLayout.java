package org.needlepoint.schedule;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The appointment book's geometry, without a window: the time axis from {@code from} to {@code to} at
 * {@code pxPerMinute}, which time a y maps to (snapped to {@link #SNAP} minutes), how a drag by dy moves a
 * start or stretches a length, and how overlapping appointments in one column share its width (lanes).
 */
public final class BookLayout {
    /** Every time on the book is a multiple of this many minutes (the service's slot step). */
    public static final int SNAP = AppointmentService.SLOT_STEP_MINUTES;

    /** An appointment's place across its column: lane {@code index} of {@code count} side by side. */
    public record Lane(int index, int count) {
    }

    private final LocalTime from;
    private final LocalTime to;
    private final double pxPerMinute;

    public BookLayout(LocalTime from, LocalTime to, double pxPerMinute) {
        if (!from.isBefore(to) || pxPerMinute <= 0) {
            throw new IllegalArgumentException("an empty time axis");
        }
        this.from = from;
        this.to = to;
        this.pxPerMinute = pxPerMinute;
    }

    public LocalTime from() {
        return from;
    }

    public LocalTime to() {
        return to;
    }

    public double pxPerMinute() {
        return pxPerMinute;
    }

    /** Minutes the axis spans. */
    public int minutes() {
        return minuteOf(to);
    }

    public double height() {
        return minutes() * pxPerMinute;
    }

    private int minuteOf(LocalTime t) {
        return (t.toSecondOfDay() - from.toSecondOfDay()) / 60;
    }

    /** The y of a time (may lie outside the axis for a time outside it). */
    public double y(LocalTime t) {
        return minuteOf(t) * pxPerMinute;
    }

    /** The height of an appointment of {@code minutes}. */
    public double height(int minutes) {
        return minutes * pxPerMinute;
    }

    /** The slot a y falls in: its start, snapped down to {@link #SNAP} minutes and kept on the axis. */
    public LocalTime slotAt(double y) {
        int m = (int) Math.floor(y / pxPerMinute);
        m = Math.floorDiv(m, SNAP) * SNAP;
        m = Math.max(0, Math.min(m, minutes() - SNAP));
        return from.plusMinutes(m);
    }

    /** Minutes to the nearest multiple of {@link #SNAP}. */
    public static int snap(double minutes) {
        return (int) Math.round(minutes / SNAP) * SNAP;
    }

    /** Where a start lands when its block is dragged by {@code dy}: snapped, and the whole appointment kept on the axis. */
    public LocalTime moved(LocalTime start, int minutes, double dy) {
        int m = minuteOf(start) + snap(dy / pxPerMinute);
        m = Math.max(0, Math.min(m, minutes() - Math.min(minutes, minutes())));
        return from.plusMinutes(m);
    }

    /** The length when the bottom edge is dragged by {@code dy}: snapped, at least {@link #SNAP}, ending on the axis. */
    public int resized(LocalTime start, int minutes, double dy) {
        int m = snap(minutes + dy / pxPerMinute);
        m = Math.min(m, minutes() - minuteOf(start));
        return Math.max(SNAP, m);
    }

    /**
     * Lanes for the appointments of one column: each overlapping group shares the width, every
     * appointment in the lane of the first free one (back-to-back ones do not overlap).
     */
    public static Map<Long, Lane> lanes(List<Appointment> column) {
        List<Appointment> sorted = new ArrayList<>(column);
        sorted.sort(Comparator.comparing(Appointment::start).thenComparing(Appointment::end).thenComparingLong(Appointment::id));
        Map<Long, Lane> out = new HashMap<>();
        List<Appointment> group = new ArrayList<>();
        Map<Long, Integer> index = new HashMap<>();
        List<java.time.LocalDateTime> laneEnds = new ArrayList<>();
        java.time.LocalDateTime groupEnd = null;
        for (Appointment a : sorted) {
            if (groupEnd != null && !a.start().isBefore(groupEnd)) {
                close(group, index, laneEnds.size(), out);
                group.clear();
                laneEnds.clear();
                groupEnd = null;
            }
            int lane = -1;
            for (int i = 0; i < laneEnds.size(); i++) {
                if (!a.start().isBefore(laneEnds.get(i))) {
                    lane = i;
                    break;
                }
            }
            if (lane < 0) {
                laneEnds.add(a.end());
                lane = laneEnds.size() - 1;
            } else {
                laneEnds.set(lane, a.end());
            }
            index.put(a.id(), lane);
            group.add(a);
            groupEnd = groupEnd == null || a.end().isAfter(groupEnd) ? a.end() : groupEnd;
        }
        close(group, index, laneEnds.size(), out);
        return out;
    }

    private static void close(List<Appointment> group, Map<Long, Integer> index, int count, Map<Long, Lane> out) {
        for (Appointment a : group) {
            out.put(a.id(), new Lane(index.get(a.id()), count));
        }
    }
}
