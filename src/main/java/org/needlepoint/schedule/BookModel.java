package org.needlepoint.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The appointment book's state and rules, without a window: which day or week it shows, its columns (a
 * column per injector or per room for a day; seven days for a week, of one injector or of all), which
 * appointments go in each (cancelled ones are left off the grid: their time is free), the time axis
 * (the clinic's opening hours of the days shown, widened to any appointment outside them), the hours
 * outside a column's working hours, and which service call a drag makes.
 */
public final class BookModel {
    public enum Mode { DAY, WEEK }

    public enum Grouping { INJECTOR, ROOM }

    /**
     * One column of the book: the day it shows and whose it is; an injector's ({@code injectorId}), a
     * room's ({@code byRoom}, {@code roomId} null for appointments in no room: always the last room column) or every injector's
     * (a week of all injectors).
     */
    public record Column(String key, String title, LocalDate date, Long injectorId, Long roomId, boolean byRoom) {
    }

    /** A span of the axis, for shading the hours a column does not work. */
    public record Span(LocalTime from, LocalTime to) {
    }

    /** What {@link AppointmentService#move} is called with after a drag. */
    public record MoveCall(long appointmentId, int version, LocalDateTime start, int minutes, long injectorId, Long roomId) {
    }

    /** What the book read for one day or week. */
    public record Snapshot(LocalDate date, Mode mode, List<Appointment> appointments, List<Injector> injectors,
                           List<Room> rooms, ScheduleSettings settings, Map<Long, InjectorWeek> hours) {
        /** Reads what the book shows for {@code date} in {@code mode} (in the background). */
        public static Snapshot load(AppointmentService s, LocalDate date, Mode mode) {
            List<Injector> injectors = s.injectors();
            Map<Long, InjectorWeek> hours = new LinkedHashMap<>();
            for (Injector i : injectors) {
                hours.put(i.id(), s.injectorWeek(i.id()));
            }
            List<Appointment> list = mode == Mode.DAY ? s.day(date) : s.week(date);
            return new Snapshot(date, mode, list, injectors, s.activeRooms(), s.settings(), hours);
        }
    }

    private static final DateTimeFormatter DAY_TITLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final LocalTime DEFAULT_OPEN = LocalTime.of(9, 0);
    private static final LocalTime DEFAULT_CLOSE = LocalTime.of(18, 0);

    private Snapshot data;
    private Grouping grouping = Grouping.INJECTOR;
    private Long weekInjector;
    /** What {@link #visible} and {@link #in} found for the data, grouping and injector shown (read many times a redraw). */
    private List<Appointment> visible;
    private final Map<Column, List<Appointment>> inColumn = new HashMap<>();

    public void show(Snapshot snapshot) {
        this.data = Objects.requireNonNull(snapshot);
        forget();
    }

    private void forget() {
        visible = null;
        inColumn.clear();
    }

    public Snapshot data() {
        return data;
    }

    public Grouping grouping() {
        return grouping;
    }

    public void grouping(Grouping g) {
        grouping = Objects.requireNonNull(g);
        forget();
    }

    /** The injector whose week is shown; null: every injector's, in compact blocks. */
    public Long weekInjector() {
        return weekInjector;
    }

    public void weekInjector(Long injectorId) {
        weekInjector = injectorId;
        forget();
    }

    public boolean compact() {
        return data.mode() == Mode.WEEK && weekInjector == null;
    }

    /** The day or week to show after a step of {@code direction} (-1 back, +1 on) in the current mode. */
    public static LocalDate step(LocalDate date, Mode mode, int direction) {
        return mode == Mode.DAY ? date.plusDays(direction) : date.plusWeeks(direction);
    }

    public String title() {
        if (data.mode() == Mode.DAY) {
            return DAY_TITLE.format(data.date());
        }
        LocalDate monday = AppointmentService.weekStart(data.date());
        return "Week of " + SHORT.format(monday) + " \u2013 " + SHORT.format(monday.plusDays(6)) + " " + monday.plusDays(6).getYear();
    }

    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        if (data.mode() == Mode.WEEK) {
            LocalDate monday = AppointmentService.weekStart(data.date());
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusDays(d);
                // keyed by weekday, not date: the column's fx:id stays from week to week (and its node's styles with it)
                out.add(new Column("day-" + day.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT),
                        SHORT.format(day), day, weekInjector, null, false));
            }
            return out;
        }
        LocalDate day = data.date();
        if (grouping == Grouping.INJECTOR) {
            Map<Long, String> names = new LinkedHashMap<>();
            data.injectors().forEach(i -> names.put(i.id(), i.name()));
            visible().forEach(a -> names.putIfAbsent(a.injectorId(), a.injectorName()));
            names.forEach((id, name) -> out.add(new Column("injector-" + id, name, day, id, null, false)));
        } else {
            Map<Long, String> names = new LinkedHashMap<>();
            data.rooms().forEach(r -> names.put(r.id(), r.name()));
            visible().stream().filter(a -> a.roomId() != null).forEach(a -> names.putIfAbsent(a.roomId(), a.roomName()));
            names.forEach((id, name) -> out.add(new Column("room-" + id, name, day, null, id, true)));
            out.add(new Column("room-none", "No room", day, null, null, true));
        }
        return out;
    }

    /** The appointments on the grid: every status but cancelled. */
    public List<Appointment> visible() {
        if (visible == null) {
            visible = data.appointments().stream().filter(a -> a.status() != AppointmentStatus.CANCELLED).toList();
        }
        return visible;
    }

    /** The appointments of a column, by time. */
    public List<Appointment> in(Column c) {
        return inColumn.computeIfAbsent(c, k -> visible().stream().filter(a -> a.start().toLocalDate().equals(k.date()))
                .filter(a -> k.byRoom() ? Objects.equals(a.roomId(), k.roomId())
                        : k.injectorId() == null || a.injectorId() == k.injectorId())
                .sorted(Comparator.comparing(Appointment::start).thenComparingLong(Appointment::id)).toList());
    }

    private DayHours clinicHours(DayOfWeek day) {
        return data.settings().openingHours().stream().filter(h -> h.day() == day).findFirst().orElse(DayHours.closed(day));
    }

    /**
     * How a column's appointments share its width: side by side where they overlap; in the week of every
     * injector, a fixed lane per injector (in the order of {@link Snapshot#injectors}) so each can be followed
     * down the week.
     */
    public Map<Long, BookLayout.Lane> lanes(Column c) {
        List<Appointment> list = in(c);
        if (!compact()) {
            return BookLayout.lanes(list);
        }
        List<Long> order = new ArrayList<>(data.injectors().stream().map(Injector::id).toList());
        list.stream().map(Appointment::injectorId).filter(id -> !order.contains(id)).distinct().forEach(order::add);
        Map<Long, BookLayout.Lane> out = new LinkedHashMap<>();
        for (Appointment a : list) {
            out.put(a.id(), new BookLayout.Lane(order.indexOf(a.injectorId()), order.size()));
        }
        return out;
    }

    /** The hours the column works on its day: the injector's own, or the clinic's opening hours. */
    public DayHours hours(Column c) {
        DayOfWeek day = c.date().getDayOfWeek();
        if (c.injectorId() != null) {
            InjectorWeek w = data.hours().get(c.injectorId());
            if (w != null) {
                for (DayHours h : w.ownDays()) {
                    if (h.day() == day) {
                        return h;
                    }
                }
            }
        }
        return clinicHours(day);
    }

    /**
     * The time axis at {@code pxPerMinute}: from the earliest opening to the latest closing of the days
     * shown (09:00-18:00 when all are closed), widened to every appointment shown, on whole hours.
     */
    public BookLayout layout(double pxPerMinute) {
        LocalTime from = null;
        LocalTime to = null;
        for (Column c : columns()) {
            DayHours h = clinicHours(c.date().getDayOfWeek());
            if (!h.isClosed()) {
                from = from == null || h.start().isBefore(from) ? h.start() : from;
                to = to == null || h.end().isAfter(to) ? h.end() : to;
            }
        }
        if (from == null) {
            from = DEFAULT_OPEN;
            to = DEFAULT_CLOSE;
        }
        for (Appointment a : visible()) {
            if (a.start().toLocalTime().isBefore(from)) {
                from = a.start().toLocalTime();
            }
            LocalTime end = a.end().toLocalDate().isAfter(a.start().toLocalDate()) ? LocalTime.MAX : a.end().toLocalTime();
            if (end.isAfter(to)) {
                to = end;
            }
        }
        from = from.withMinute(0).withSecond(0).withNano(0);
        if (to.getMinute() != 0 || to.getSecond() != 0 || to.getNano() != 0) {
            to = to.getHour() == 23 ? LocalTime.of(23, 59) : LocalTime.of(to.getHour() + 1, 0);
        }
        return new BookLayout(from, to, pxPerMinute);
    }

    /** Where the book opens on a day other than today: the earliest start of work of the columns shown. */
    public LocalTime layoutOfDay() {
        return columns().stream().map(this::hours).filter(h -> !h.isClosed()).map(DayHours::start).min(LocalTime::compareTo)
                .orElse(DEFAULT_OPEN);
    }

    /** The spans of the axis outside the column's working hours (all of it on a day off). */
    public List<Span> closed(Column c, BookLayout l) {
        DayHours h = hours(c);
        if (h.isClosed()) {
            return List.of(new Span(l.from(), l.to()));
        }
        List<Span> out = new ArrayList<>();
        if (h.start().isAfter(l.from())) {
            out.add(new Span(l.from(), h.start()));
        }
        if (h.end().isBefore(l.to())) {
            out.add(new Span(h.end(), l.to()));
        }
        return out;
    }

    /**
     * The call a drag of {@code a} makes: to {@code start} on the target column's day with {@code minutes},
     * with the target's injector (a room column keeps the injector) and the target's room (an injector or
     * day column keeps the room). Null when nothing changes.
     */
    public MoveCall move(Appointment a, Column target, LocalTime start, int minutes) {
        long injector = !target.byRoom() && target.injectorId() != null ? target.injectorId() : a.injectorId();
        Long room = target.byRoom() ? target.roomId() : a.roomId();
        LocalDateTime at = target.date().atTime(start);
        if (at.equals(a.start()) && minutes == a.minutes() && injector == a.injectorId() && Objects.equals(room, a.roomId())) {
            return null;
        }
        return new MoveCall(a.id(), a.version(), at, minutes, injector, room);
    }

    /** The appointment after (+1) or before (-1) {@code current} in reading order (columns, then time); the first when none is selected. */
    public Appointment neighbour(Appointment current, int direction, boolean acrossColumns) {
        List<Column> cols = columns();
        if (current == null) {
            return cols.stream().flatMap(c -> in(c).stream()).findFirst().orElse(null);
        }
        int ci = columnOf(current, cols);
        if (ci < 0) {
            return null;
        }
        if (!acrossColumns) {
            List<Appointment> list = in(cols.get(ci));
            int i = indexOf(list, current.id());
            int j = i + direction;
            return j >= 0 && j < list.size() ? list.get(j) : current;
        }
        for (int k = ci + direction; k >= 0 && k < cols.size(); k += direction) {
            List<Appointment> list = in(cols.get(k));
            if (!list.isEmpty()) {
                return list.stream().min(Comparator.comparingLong(x -> Math.abs(java.time.Duration.between(
                        x.start().toLocalTime(), current.start().toLocalTime()).toMinutes()))).orElseThrow();
            }
        }
        return current;
    }

    /** The index of the column that shows {@code a}, or -1. */
    public int columnOf(Appointment a, List<Column> cols) {
        for (int i = 0; i < cols.size(); i++) {
            if (indexOf(in(cols.get(i)), a.id()) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<Appointment> list, long id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** The appointment with {@code id} as now shown, if it still is. */
    public Appointment find(long id) {
        return visible().stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }
}
