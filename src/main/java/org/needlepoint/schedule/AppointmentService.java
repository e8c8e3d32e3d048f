package org.needlepoint.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;

/**
 * The appointment book: booking, moving and resizing, the status of each appointment, the calls
 * confirming tomorrow's, the day's and week's book, a patient's appointments, the next free slot, and
 * the book's settings (rooms, the clinic's opening hours, each injector's working hours, the
 * late-cancellation window).
 *
 * <p><b>Double booking.</b> An injector, and a room, has at most one appointment at a time: a booking
 * (or a move) that overlaps another by even a minute is refused with {@link BookingConflictException},
 * which names the other appointment's time and the patient's chart number; back-to-back is fine, and
 * cancelled and no-show appointments do not block. The check and the save are one transaction that
 * first locks the injector's row and the room's ({@link AppointmentStore#lockInjector}), so two PCs booking the
 * same slot at the same moment cannot both win: the second waits for the first, then sees its booking.
 *
 * <p><b>Hours.</b> A booking outside the clinic's opening hours or the injector's working hours (an
 * injector works the clinic's hours on the weekdays they have no hours of their own for) raises
 * {@link OutsideHoursException}, a question for the person; with {@code outsideHoursConfirmed} it is booked.
 *
 * <p><b>Statuses</b> ({@link #nextStatuses}): booked → confirmed → arrived → in treatment → completed (a
 * booked patient who turns up unconfirmed may arrive at once); no-show from booked or confirmed once the
 * appointment's time has come; cancelled, with a reason, from booked, confirmed or arrived. A cancellation
 * within {@link ScheduleSettings#lateCancelHours()} of the start is a late one, counted on the patient's
 * record with their no-shows. Every change is optimistic-locked by the appointment's version, logged in
 * its status log and audited.
 *
 * <p><b>Who may do what.</b> Every staff account (ADMIN, FRONT_DESK, INJECTOR) reads the book, books,
 * moves and changes statuses; only ADMIN changes rooms, hours and the late-cancellation window. Reading
 * a patient's appointments is audited like opening their record.
 */
public final class AppointmentService {
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    /** The default length of each kind of appointment, in minutes (a clinic's habit; the booking may say otherwise). */
    private static final Map<AppointmentKind, Integer> DEFAULT_MINUTES = new EnumMap<>(Map.of(
            AppointmentKind.CONSULTATION, 30, AppointmentKind.TREATMENT, 30, AppointmentKind.REVIEW, 15,
            AppointmentKind.TOUCH_UP, 15));
    private static final Map<AppointmentStatus, Set<AppointmentStatus>> NEXT = new EnumMap<>(AppointmentStatus.class);

    static {
        NEXT.put(AppointmentStatus.BOOKED, EnumSet.of(AppointmentStatus.CONFIRMED, AppointmentStatus.ARRIVED,
                AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED));
        NEXT.put(AppointmentStatus.CONFIRMED, EnumSet.of(AppointmentStatus.ARRIVED, AppointmentStatus.NO_SHOW,
                AppointmentStatus.CANCELLED));
        NEXT.put(AppointmentStatus.ARRIVED, EnumSet.of(AppointmentStatus.IN_TREATMENT, AppointmentStatus.CANCELLED));
        NEXT.put(AppointmentStatus.IN_TREATMENT, EnumSet.of(AppointmentStatus.COMPLETED));
        NEXT.put(AppointmentStatus.COMPLETED, EnumSet.noneOf(AppointmentStatus.class));
        NEXT.put(AppointmentStatus.NO_SHOW, EnumSet.noneOf(AppointmentStatus.class));
        NEXT.put(AppointmentStatus.CANCELLED, EnumSet.noneOf(AppointmentStatus.class));
    }

    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = (int) AppointmentStore.MAX_LENGTH.toMinutes();
    /** Free slots start on multiples of this many minutes. */
    public static final int SLOT_STEP_MINUTES = 5;
    /** How far ahead {@link #nextFreeSlot} looks. */
    public static final int SLOT_SEARCH_DAYS = 90;
    public static final int MAX_REASON = 500;
    public static final int MAX_ROOM_NAME = 60;
    /** Who the {@code appointments} subcommand's export is audited as: it runs with the data folder's access, not a sign-in. */
    public static final String COMMAND_LINE = "appointments (command line)";

    /** Why an appointment whose visit is not signed cannot be completed or checked out. */
    public static final String UNSIGNED = "The injector must sign the chart before the patient is checked out: the"
            + " visit is still a draft.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Database db;
    private final AppointmentStore store;
    private final ClinicStore clinic;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public AppointmentService(Database db, AppointmentStore store, ClinicStore clinic, Audit audit, Session session,
                              Clock clock) {
        this.db = db;
        this.store = store;
        this.clinic = clinic;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** The default length of a kind of appointment, in minutes: consultation 30, treatment 30, review 15, touch-up 15. */
    public static int defaultMinutes(AppointmentKind kind) {
        return DEFAULT_MINUTES.get(kind);
    }

    /** The statuses an appointment in {@code from} may move to (empty once it is over). */
    public static Set<AppointmentStatus> nextStatuses(AppointmentStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The clinic's time zone (the clock's). */
    public ZoneId zone() {
        return clock.getZone();
    }

    private Instant instant(LocalDateTime t) {
        return t.atZone(zone()).toInstant();
    }

    // ------------------------------------------------------------------------------------- people and rooms

    /** The bookable injectors (active INJECTOR accounts), by name. Any staff. */
    public List<Injector> injectors() {
        session.require("see the appointment book", ANY_STAFF);
        return db.read(store::injectors);
    }

    /** Every room, active or not, by name. Any staff. */
    public List<Room> rooms() {
        session.require("see the appointment book", ANY_STAFF);
        return db.read(store::rooms);
    }

    /** The rooms that can be booked, by name. Any staff. */
    public List<Room> activeRooms() {
        return rooms().stream().filter(Room::active).toList();
    }

    /**
     * Adds a room ({@code room.id()} 0) or renames it, or takes it out of use (or back) at its version.
     * The name is required, at most {@link #MAX_ROOM_NAME} characters and unique ignoring case. ADMIN only.
     */
    public Room saveRoom(Room room) {
        User u = session.require("change the clinic's rooms", Role.ADMIN);
        String name = Text.clean(room.name());
        if (name == null) {
            throw new ValidationException("roomName", "Give the room a name.");
        }
        if (name.length() > MAX_ROOM_NAME) {
            throw new ValidationException("roomName", "Keep the room's name to " + MAX_ROOM_NAME + " characters.");
        }
        return db.tx(c -> {
            if (store.roomNamed(c, name, room.id()).isPresent()) {
                throw new ValidationException("roomName", "There is already a room called " + name + ".");
            }
            long id;
            if (room.id() == 0) {
                id = store.insertRoom(c, name, room.active(), clock.instant(), u.id());
                audit.log(c, Audit.CREATE, "room", id, null, "added the room " + name + (room.active() ? "" : " (not in use)"));
            } else {
                Room before = store.room(c, room.id()).orElseThrow(() -> new ValidationException("roomName",
                        "This room no longer exists."));
                store.updateRoom(c, new Room(room.id(), name, room.active(), room.version()), clock.instant(), u.id(), zone());
                id = room.id();
                audit.log(c, Audit.UPDATE, "room", id, null, "room " + before.name()
                        + (before.name().equals(name) ? "" : " renamed " + name)
                        + (before.active() == room.active() ? "" : room.active() ? ", back in use" : ", taken out of use"));
            }
            return store.room(c, id).orElseThrow();
        });
    }

    // ------------------------------------------------------------------------------------- settings

    /** The clinic's opening hours and the late-cancellation window. Any staff. */
    public ScheduleSettings settings() {
        session.require("see the appointment book", ANY_STAFF);
        return db.read(this::settings);
    }

    private ScheduleSettings settings(Connection c) throws SQLException {
        int late = clinic.setting(c, ScheduleSettings.LATE_CANCEL_HOURS).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                return n >= 0 && n <= ScheduleSettings.MAX_LATE_CANCEL_HOURS ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(ScheduleSettings.DEFAULT_LATE_CANCEL_HOURS);
        return new ScheduleSettings(store.openingHours(c), late);
    }

    /** Sets the clinic's opening hours: one entry per weekday to change (a closed one: no times). ADMIN only. */
    public ScheduleSettings saveOpeningHours(List<DayHours> days) {
        User u = session.require("change the clinic's opening hours", Role.ADMIN);
        checkDays(days, "openingHours");
        return db.tx(c -> {
            List<DayHours> before = store.openingHours(c);
            List<String> changed = new ArrayList<>();
            for (DayHours h : days) {
                if (!h.equals(before.get(h.day().getValue() - 1))) {
                    store.putOpeningHours(c, h, clock.instant(), u.id());
                    changed.add(describe(h, "closed"));
                }
            }
            if (!changed.isEmpty()) {
                audit.log(c, Audit.UPDATE, "opening_hours", null, null, "opening hours: " + String.join("; ", changed));
            }
            return settings(c);
        });
    }

    /** An injector's own working hours (weekdays not listed follow the clinic's opening hours). Any staff. */
    public InjectorWeek injectorWeek(long injectorId) {
        session.require("see the appointment book", ANY_STAFF);
        return db.read(c -> {
            Injector i = store.injector(c, injectorId).orElseThrow(() -> new ValidationException("injector",
                    "Choose an injector: this account is not an active injector."));
            return new InjectorWeek(i.id(), i.name(), store.injectorHours(c, injectorId));
        });
    }

    /**
     * Replaces an injector's own working hours with {@code ownDays} (a closed entry is a day off; the
     * weekdays not listed follow the clinic's opening hours). ADMIN only.
     */
    public InjectorWeek saveInjectorHours(long injectorId, List<DayHours> ownDays) {
        User u = session.require("change the injectors' working hours", Role.ADMIN);
        checkDays(ownDays, "injectorHours");
        return db.tx(c -> {
            Injector i = store.injector(c, injectorId).orElseThrow(() -> new ValidationException("injector",
                    "Choose an injector: this account is not an active injector."));
            List<DayHours> sorted = ownDays.stream().sorted((a, b) -> a.day().compareTo(b.day())).toList();
            store.replaceInjectorHours(c, injectorId, sorted, clock.instant(), u.id());
            audit.log(c, Audit.UPDATE, "injector_hours", injectorId, null, "working hours of " + i.name() + ": "
                    + (sorted.isEmpty() ? "the clinic's opening hours every day"
                    : sorted.stream().map(h -> describe(h, "day off")).reduce((a, b) -> a + "; " + b).orElse("")
                    + (sorted.size() < 7 ? "; other days the clinic's hours" : "")));
            return new InjectorWeek(i.id(), i.name(), store.injectorHours(c, injectorId));
        });
    }

    /** Sets how many hours before its start a cancellation counts as late (0 to 336). ADMIN only. */
    public ScheduleSettings saveLateCancelHours(int hours) {
        User u = session.require("change the late-cancellation window", Role.ADMIN);
        if (hours < 0 || hours > ScheduleSettings.MAX_LATE_CANCEL_HOURS) {
            throw new ValidationException("lateCancelHours", "Give a number of hours from 0 to "
                    + ScheduleSettings.MAX_LATE_CANCEL_HOURS + ".");
        }
        return db.tx(c -> {
            int before = settings(c).lateCancelHours();
            clinic.putSetting(c, ScheduleSettings.LATE_CANCEL_HOURS, Integer.toString(hours), clock.instant(), u.id());
            audit.log(c, Audit.UPDATE, "setting", null, null, "late-cancellation window " + before + " h -> " + hours + " h");
            return settings(c);
        });
    }

    private static void checkDays(List<DayHours> days, String field) {
        if (days == null) {
            throw new ValidationException(field, "Give the hours.");
        }
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        for (DayHours h : days) {
            String name = h.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (!seen.add(h.day())) {
                throw new ValidationException(field, name + " is given twice.");
            }
            if ((h.start() == null) != (h.end() == null)) {
                throw new ValidationException(field, "Give both times for " + name + ", or neither when closed.");
            }
            if (h.start() != null && !h.start().isBefore(h.end())) {
                throw new ValidationException(field, "On " + name + " the hours must end after they start.");
            }
        }
    }

    private static String describe(DayHours h, String closed) {
        return h.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + (h.isClosed() ? closed : HM.format(h.start()) + "-" + HM.format(h.end()));
    }

    // ------------------------------------------------------------------------------------- booking

    /**
     * Books an appointment. Refused with a field's message when the input is incomplete, with
     * {@link BookingConflictException} when the injector or the room is taken, and asked about with
     * {@link OutsideHoursException} when it is outside the hours unless {@code outsideHoursConfirmed}.
     * Any staff.
     */
    public Appointment book(AppointmentDraft d, boolean outsideHoursConfirmed) {
        return book(d, outsideHoursConfirmed, null);
    }

    /**
     * As {@link #book(AppointmentDraft, boolean)}, with {@code alsoInTransaction} run in the booking's
     * transaction once the appointment is saved (closing the follow-up task it was booked from, say):
     * when it throws, nothing is booked.
     */
    public Appointment book(AppointmentDraft d, boolean outsideHoursConfirmed, Booked alsoInTransaction) {
        User u = session.require("book appointments", ANY_STAFF);
        if (d.kind() == null) {
            throw new ValidationException("kind", "Choose what the appointment is for.");
        }
        int minutes = d.minutes() == null ? defaultMinutes(d.kind()) : d.minutes();
        checkTimes(d.start(), minutes);
        String reason = Text.clean(d.reason());
        if (reason != null && reason.length() > MAX_REASON) {
            throw new ValidationException("reason", "Keep the reason to " + MAX_REASON + " characters.");
        }
        LocalDateTime end = d.start().plusMinutes(minutes);
        return db.tx(c -> {
            long chart = store.chartNumber(c, d.patientId()).orElseThrow(() -> new ValidationException("patient",
                    "Choose the patient: this one no longer exists."));
            // the injector's row and the room's held from here to the commit: see the class comment
            Injector injector = lockInjector(c, d.injectorId());
            Room room = d.roomId() == null ? null : lockRoom(c, d.roomId(), true);
            if (new HashSet<>(d.productIds()).size() != d.productIds().size()
                    || store.productsFound(c, d.productIds()) != d.productIds().size()) {
                throw new ValidationException("products", "Choose the planned products again: one of them no longer exists.");
            }
            if (d.followUpTaskId() != null) {
                long taskPatient = store.taskPatient(c, d.followUpTaskId()).orElseThrow(() -> new ValidationException(
                        "followUpTask", "The follow-up task no longer exists."));
                if (taskPatient != d.patientId()) {
                    throw new ValidationException("followUpTask", "The follow-up task is another patient's.");
                }
            }
            checkFree(c, injector, room, d.start(), end, 0);
            // asked once: refused unless confirmed, and the audit says when a confirmed one was outside the hours
            Optional<String> outside = hoursProblem(c, injector, d.start(), end);
            if (!outsideHoursConfirmed) {
                outside.ifPresent(m -> {
                    throw new OutsideHoursException(m);
                });
            }
            long id = store.insert(c, new AppointmentStore.NewAppointment(d.patientId(), injector.id(), d.roomId(),
                    instant(d.start()), instant(end), d.kind(), reason, d.productIds(), d.followUpTaskId()),
                    clock.instant(), u.id());
            audit.log(c, Audit.CREATE, "appointment", id, d.patientId(), "booked chart " + chart + ": " + d.kind().label()
                    + " " + when(d.start(), end) + " with " + injector.name() + (room == null ? "" : " in " + room.name())
                    + (outside.isPresent() ? " (outside hours, confirmed)" : "")
                    + (d.followUpTaskId() == null ? "" : " for follow-up task " + d.followUpTaskId()));
            Appointment booked = store.find(c, id, zone()).orElseThrow();
            if (alsoInTransaction != null) {
                alsoInTransaction.booked(c, booked, u);
            }
            return booked;
        });
    }

    /**
     * Moves or resizes an appointment: its new start, length, injector and room (null: none). The same
     * checks as a booking; refused once the appointment is completed, cancelled or a no-show. Any staff;
     * the appointment must be at {@code version}.
     */
    public Appointment move(long appointmentId, int version, LocalDateTime start, int minutes, long injectorId, Long roomId,
                            boolean outsideHoursConfirmed) {
        User u = session.require("move appointments", ANY_STAFF);
        checkTimes(start, minutes);
        LocalDateTime end = start.plusMinutes(minutes);
        return db.tx(c -> {
            Appointment a = load(c, appointmentId);
            if (!a.status().blocksTime() || a.status() == AppointmentStatus.COMPLETED) {
                throw new ValidationException("start", "A " + a.status().label().toLowerCase(Locale.ROOT)
                        + " appointment cannot be moved.");
            }
            Injector injector = lockInjector(c, injectorId);
            Room room = roomId == null ? null : lockRoom(c, roomId, !roomId.equals(a.roomId()));
            checkFree(c, injector, room, start, end, appointmentId);
            if (!outsideHoursConfirmed) {
                hoursProblem(c, injector, start, end).ifPresent(m -> {
                    throw new OutsideHoursException(m);
                });
            }
            store.updateTimes(c, appointmentId, version, instant(start), instant(end), injector.id(), roomId, clock.instant(),
                    u.id(), zone());
            audit.log(c, Audit.UPDATE, "appointment", appointmentId, a.patientId(), "moved the " + a.kind().label()
                    + " of chart " + a.chartNumber() + " from " + when(a.start(), a.end()) + " with " + a.injectorName()
                    + (a.roomName() == null ? "" : " in " + a.roomName()) + " to " + when(start, end) + " with " + injector.name()
                    + (room == null ? "" : " in " + room.name()));
            return store.find(c, appointmentId, zone()).orElseThrow();
        });
    }

    private void checkTimes(LocalDateTime start, int minutes) {
        if (start == null) {
            throw new ValidationException("start", "Choose the day and time.");
        }
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new ValidationException("minutes", "An appointment lasts from " + MIN_MINUTES + " minutes to "
                    + MAX_MINUTES / 60 + " hours.");
        }
        if (start.toLocalDate().isBefore(today())) {
            throw new ValidationException("start", "Choose today or a later day: " + DAY.format(start) + " is past.");
        }
    }

    private Injector requireInjector(Connection c, long injectorId) throws SQLException {
        return store.injector(c, injectorId).orElseThrow(() -> new ValidationException("injector",
                "Choose an injector: this account is not an active injector."));
    }

    /** The injector, its row held to the commit ({@link AppointmentStore#lockInjector}). */
    private Injector lockInjector(Connection c, long injectorId) throws SQLException {
        return store.lockInjector(c, injectorId).orElseThrow(() -> new ValidationException("injector",
                "Choose an injector: this account is not an active injector."));
    }

    /** The room, its row held to the commit, after the injector's ({@link AppointmentStore#lockRoom}). */
    private Room lockRoom(Connection c, long roomId, boolean mustBeActive) throws SQLException {
        Room room = store.lockRoom(c, roomId).orElseThrow(() -> new ValidationException("room", "This room no longer exists."));
        if (mustBeActive && !room.active()) {
            throw new ValidationException("room", room.name() + " is not in use: choose another room.");
        }
        return room;
    }

    private void checkFree(Connection c, Injector injector, Room room, LocalDateTime start, LocalDateTime end, long exceptId)
            throws SQLException {
        Instant s = instant(start);
        Instant e = instant(end);
        Optional<AppointmentStore.Conflict> busy = store.injectorConflict(c, injector.id(), s, e, exceptId);
        if (busy.isPresent()) {
            AppointmentStore.Conflict k = busy.get();
            throw new BookingConflictException(injector.name() + " already has an appointment " + when(k.start(), k.end())
                    + " (chart " + k.chartNumber() + "). Choose another time or injector.", k.id());
        }
        if (room != null) {
            Optional<AppointmentStore.Conflict> taken = store.roomConflict(c, room.id(), s, e, exceptId);
            if (taken.isPresent()) {
                AppointmentStore.Conflict k = taken.get();
                throw new BookingConflictException(room.name() + " is taken " + when(k.start(), k.end()) + " (chart "
                        + k.chartNumber() + "). Choose another time or room.", k.id());
            }
        }
    }

    /** Why [start, end) with the injector is outside the hours, as a question; empty when it is within them. */
    private Optional<String> hoursProblem(Connection c, Injector injector, LocalDateTime start, LocalDateTime end)
            throws SQLException {
        String when = when(start, end);
        DayOfWeek day = start.getDayOfWeek();
        String dayName = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        DayHours open = store.openingHours(c).get(day.getValue() - 1);
        boolean sameDay = end.toLocalDate().equals(start.toLocalDate());
        if (!sameDay || !open.covers(start.toLocalTime(), end.toLocalTime())) {
            return Optional.of(when + " is outside the clinic's opening hours (" + (open.isClosed() ? "closed on "
                    + dayName + "s" : HM.format(open.start()) + "-" + HM.format(open.end()) + " on " + dayName + "s")
                    + "). Book it anyway?");
        }
        DayHours own = store.injectorHours(c, injector.id()).stream().filter(h -> h.day() == day).findFirst().orElse(open);
        if (!own.covers(start.toLocalTime(), end.toLocalTime())) {
            return Optional.of(when + " is outside " + injector.name() + "'s working hours (" + (own.isClosed()
                    ? "not working on " + dayName + "s" : HM.format(own.start()) + "-" + HM.format(own.end()) + " on "
                    + dayName + "s") + "). Book it anyway?");
        }
        return Optional.empty();
    }

    private String when(Instant start, Instant end) {
        return when(LocalDateTime.ofInstant(start, zone()), LocalDateTime.ofInstant(end, zone()));
    }

    private static String when(LocalDateTime start, LocalDateTime end) {
        return DAY.format(start) + " " + HM.format(start) + "-" + HM.format(end);
    }

    // ------------------------------------------------------------------------------------- statuses

    /**
     * Moves an appointment to {@code to}, if that is one of {@link #nextStatuses} of its status;
     * {@code note} is required (the reason) for a cancellation and optional otherwise. A no-show only
     * once its time has come; arrived only on its day. Any staff; at {@code version}.
     */
    public Appointment changeStatus(long appointmentId, int version, AppointmentStatus to, String note) {
        User u = session.require("change appointments", ANY_STAFF);
        if (to == null) {
            throw new ValidationException("status", "Choose the new status.");
        }
        String text = Text.clean(note);
        if (to == AppointmentStatus.CANCELLED && text == null) {
            throw new ValidationException("cancelReason", "Say why the appointment is cancelled.");
        }
        if (text != null && text.length() > MAX_REASON) {
            throw new ValidationException(to == AppointmentStatus.CANCELLED ? "cancelReason" : "note",
                    "Keep it to " + MAX_REASON + " characters.");
        }
        return db.tx(c -> {
            Appointment a = load(c, appointmentId);
            setStatus(c, a, version, to, text, u);
            return store.find(c, appointmentId, zone()).orElseThrow();
        });
    }

    /** Cancels an appointment with a reason (required). Any staff; at {@code version}. */
    public Appointment cancel(long appointmentId, int version, String reason) {
        return changeStatus(appointmentId, version, AppointmentStatus.CANCELLED, reason);
    }

    /** The patient is here: booked or confirmed → arrived. Any staff; at {@code version}. */
    public Appointment markArrived(long appointmentId, int version) {
        return changeStatus(appointmentId, version, AppointmentStatus.ARRIVED, null);
    }

    /**
     * Checks a patient in for today's appointment (booked, confirmed or arrived; once more is fine while it is
     * arrived), in one transaction: {@code work} runs first (the check-in service saves the patient's details and
     * prepares the visit draft, returning its id), then the appointment is marked arrived if it was not yet, and
     * records the visit, the time and who checked the patient in. Refused with the reason at the field "status" for
     * another day's appointment and one in treatment, over, cancelled or a no-show. {@code seen} is the appointment
     * as the desk saw it: changed since only in what the check-in does not rest on (its status, confirmed or
     * arrived on another PC, a note, the time within today), it goes ahead; another injector, patient or planned
     * products (what the screening answered for) is a conflict naming who changed it. Any staff; audited.
     */
    public Appointment checkIn(Appointment seen, CheckingIn work) {
        User u = session.require("check patients in", ANY_STAFF);
        return db.tx(c -> {
            Appointment a = load(c, seen.id());
            checkInProblem(a).ifPresent(m -> {
                throw new ValidationException("status", m);
            });
            if (a.version() != seen.version() && !sameForCheckIn(a, seen)) {
                throw org.needlepoint.store.Versions.stale(c, "appointment", a.id(), "The appointment's injector or planned"
                        + " treatment", zone());
            }
            long visitId = work.checkIn(c, a, u);
            int v = a.version();
            if (a.status() != AppointmentStatus.ARRIVED) {
                setStatus(c, a, v, AppointmentStatus.ARRIVED, "Checked in", u);
                v++;
            }
            store.checkIn(c, a.id(), v, visitId, clock.instant(), u.id(), zone());
            audit.log(c, Audit.UPDATE, "appointment", a.id(), a.patientId(), "checked in chart " + a.chartNumber()
                    + " for the " + a.kind().label().toLowerCase(Locale.ROOT) + " " + when(a.start(), a.end()) + " with "
                    + a.injectorName() + (a.checkedInAt() == null ? "" : " (again)") + ": visit " + visitId);
            return store.find(c, a.id(), zone()).orElseThrow();
        });
    }

    /** Whether a check-in answered for {@code seen} still fits {@code now}: the same patient, injector and planned products. */
    private static boolean sameForCheckIn(Appointment now, Appointment seen) {
        return now.patientId() == seen.patientId() && now.injectorId() == seen.injectorId()
                && new java.util.HashSet<>(now.productIds()).equals(new java.util.HashSet<>(seen.productIds()));
    }

    /** Why the appointment cannot be checked in now, or empty when it can. */
    public Optional<String> checkInProblem(Appointment a) {
        if (!a.start().toLocalDate().equals(today())) {
            return Optional.of("This appointment is on " + DAY.format(a.start()) + ", not today: only today's patients"
                    + " are checked in.");
        }
        return switch (a.status()) {
            case BOOKED, CONFIRMED, ARRIVED -> Optional.empty();
            case IN_TREATMENT -> Optional.of("The patient is already in treatment: the check-in is over.");
            case COMPLETED -> Optional.of("This appointment is completed.");
            case NO_SHOW -> Optional.of("This appointment was marked a no-show: book a new one to see the patient.");
            case CANCELLED -> Optional.of("This appointment was cancelled: book a new one to see the patient.");
        };
    }

    /**
     * The visits of the patient that other appointments' check-ins prepared: a check-in of {@code appointmentId}
     * must not take one of them over. Inside the check-in's transaction.
     */
    public Set<Long> visitsOfOtherAppointments(Connection c, long patientId, long appointmentId) throws SQLException {
        return store.linkedVisits(c, patientId, appointmentId);
    }

    private void setStatus(Connection c, Appointment a, int version, AppointmentStatus to, String note, User u)
            throws SQLException {
        if (a.status() == to) {
            throw new ValidationException("status", "The appointment is already " + to.label().toLowerCase(Locale.ROOT) + ".");
        }
        if (!NEXT.get(a.status()).contains(to)) {
            throw new ValidationException("status", "A " + a.status().label().toLowerCase(Locale.ROOT)
                    + " appointment cannot be marked " + to.label().toLowerCase(Locale.ROOT) + allowed(a.status()));
        }
        LocalDateTime now = now();
        if (to == AppointmentStatus.NO_SHOW && now.isBefore(a.start())) {
            throw new ValidationException("status", "Not yet a no-show: the appointment starts at " + HM.format(a.start())
                    + " on " + DAY.format(a.start()) + ".");
        }
        if (to == AppointmentStatus.ARRIVED && !a.start().toLocalDate().equals(now.toLocalDate())) {
            throw new ValidationException("status", "This appointment is on " + DAY.format(a.start())
                    + ", not today: move it first.");
        }
        if (to == AppointmentStatus.COMPLETED && a.visitId() != null
                && !store.visitSigned(c, a.visitId()).orElse(false)) {
            throw new ValidationException("status", UNSIGNED);
        }
        boolean late = false;
        if (to == AppointmentStatus.CANCELLED) {
            int hours = settings(c).lateCancelHours();
            late = Duration.between(clock.instant(), instant(a.start())).compareTo(Duration.ofHours(hours)) < 0;
        }
        store.updateStatus(c, a.id(), version, a.status(), to, note, late, clock.instant(), u.id(), zone());
        audit.log(c, Audit.UPDATE, "appointment", a.id(), a.patientId(), a.kind().label() + " of chart " + a.chartNumber()
                + " " + when(a.start(), a.end()) + ": " + a.status().label() + " -> " + to.label()
                + (late ? " (late cancellation)" : "") + (note == null ? "" : " \u2013 " + note));
    }

    /**
     * Checkout: the patient is back at the desk after a treatment whose chart the injector signed. The
     * appointment (arrived or in treatment, at {@code version}) becomes completed in one transaction: an
     * arrived one passes through in treatment first, each change in its status log and audited. Refused at
     * the field "status" when the appointment has no visit (the patient was not checked in) or its visit is
     * not signed ({@link #UNSIGNED}): nothing is saved. Any staff.
     */
    public Appointment checkOut(long appointmentId, int version) {
        User u = session.require("check patients out", ANY_STAFF);
        return db.tx(c -> {
            Appointment a = load(c, appointmentId);
            if (a.status() != AppointmentStatus.ARRIVED && a.status() != AppointmentStatus.IN_TREATMENT) {
                throw new ValidationException("status", "Only a patient who has arrived can be checked out: this"
                        + " appointment is " + a.status().label().toLowerCase(Locale.ROOT) + ".");
            }
            if (a.visitId() == null) {
                throw new ValidationException("status", "This appointment has no visit: the patient was not checked in,"
                        + " so there is no signed treatment to check out.");
            }
            if (!store.visitSigned(c, a.visitId()).orElse(false)) {
                throw new ValidationException("status", UNSIGNED);
            }
            if (a.version() != version) {
                throw new org.needlepoint.store.StaleRecordException("The appointment was changed by someone else after"
                        + " you opened it. Nothing was saved: reload to see the change, then check the patient out again.");
            }
            int at = version;
            if (a.status() == AppointmentStatus.ARRIVED) {
                setStatus(c, a, at, AppointmentStatus.IN_TREATMENT, "Treatment charted and signed", u);
                a = load(c, appointmentId);
                at = a.version();
            }
            setStatus(c, a, at, AppointmentStatus.COMPLETED, "Checked out at the desk", u);
            return store.find(c, appointmentId, zone()).orElseThrow();
        });
    }

    private static String allowed(AppointmentStatus from) {
        Set<AppointmentStatus> next = NEXT.get(from);
        if (next.isEmpty()) {
            return ": it is over.";
        }
        return "; it can be marked " + String.join(" or ", next.stream().map(s -> s.label().toLowerCase(Locale.ROOT)).toList()) + ".";
    }

    private Appointment load(Connection c, long id) throws SQLException {
        return store.find(c, id, zone()).orElseThrow(() -> new ValidationException("appointment",
                "This appointment no longer exists."));
    }

    // ------------------------------------------------------------------------------------- reading

    /** One appointment. Any staff. */
    public Appointment appointment(long appointmentId) {
        session.require("see the appointment book", ANY_STAFF);
        return db.read(c -> load(c, appointmentId));
    }

    /** An appointment's statuses, oldest first (the first is its booking). Any staff. */
    public List<StatusChange> statusLog(long appointmentId) {
        session.require("see the appointment book", ANY_STAFF);
        return db.read(c -> store.statusLog(c, appointmentId));
    }

    /** The confirmation calls made for an appointment, oldest first. Any staff. */
    public List<ConfirmationCall> calls(long appointmentId) {
        session.require("see the appointment book", ANY_STAFF);
        return db.read(c -> store.calls(c, appointmentId));
    }

    /** The appointments (every status) starting on {@code date}, by time then injector. Any staff. */
    public List<Appointment> day(LocalDate date) {
        session.require("see the appointment book", ANY_STAFF);
        requireDate(date);
        return db.read(c -> between(c, date, date.plusDays(1)));
    }

    /** The appointments (every status) of the week (Monday to Sunday) holding {@code date}, by time then injector. Any staff. */
    public List<Appointment> week(LocalDate date) {
        session.require("see the appointment book", ANY_STAFF);
        requireDate(date);
        LocalDate monday = weekStart(date);
        return db.read(c -> between(c, monday, monday.plusDays(7)));
    }

    /** The Monday of the week holding {@code date}. */
    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private List<Appointment> between(Connection c, LocalDate from, LocalDate to) throws SQLException {
        return store.between(c, from.atStartOfDay(zone()).toInstant(), to.atStartOfDay(zone()).toInstant(), zone());
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new ValidationException("date", "Choose the day.");
        }
    }

    /**
     * The day's book for the {@code appointments} admin subcommand, which runs with the data folder's
     * access instead of a sign-in (as {@code check} and {@code due} do): audited as an EXPORT by
     * {@link #COMMAND_LINE}.
     */
    public List<Appointment> exportDay(LocalDate date) {
        requireDate(date);
        return db.tx(c -> {
            List<Appointment> list = between(c, date, date.plusDays(1));
            audit.logAs(c, null, COMMAND_LINE, Audit.EXPORT, "appointment", null, "exported the appointment book of "
                    + date + " as CSV: " + list.size() + " appointment(s)");
            return list;
        });
    }

    /**
     * A patient's upcoming appointments (still to come and still on), soonest first, and the others,
     * latest first, with the no-show and late-cancellation counts. Any staff; audited as a read of the
     * patient's record.
     */
    public PatientAppointments patientAppointments(long patientId) {
        session.require("see patients' appointments", ANY_STAFF);
        return db.tx(c -> {
            long chart = store.chartNumber(c, patientId).orElseThrow(() -> new ValidationException("patient",
                    "This patient no longer exists."));
            LocalDateTime now = now();
            List<Appointment> upcoming = new ArrayList<>();
            List<Appointment> past = new ArrayList<>();
            for (Appointment a : store.forPatient(c, patientId, zone())) {
                boolean on = a.status().blocksTime() && a.status() != AppointmentStatus.COMPLETED;
                if (on && a.end().isAfter(now)) {
                    upcoming.add(0, a);
                } else {
                    past.add(a);
                }
            }
            int[] n = store.patientCounts(c, patientId);
            audit.log(c, Audit.VIEW, "appointment", null, patientId, "opened the appointments of chart " + chart);
            return new PatientAppointments(upcoming, past, n[0], n[1]);
        });
    }

    // ------------------------------------------------------------------------------------- confirmation calls

    /** Tomorrow's confirmation call list ({@link #confirmationList}). Any staff. */
    public List<ConfirmationRow> tomorrowsConfirmations() {
        return confirmationList(today().plusDays(1));
    }

    /**
     * The call list to confirm {@code date}'s appointments: the booked and confirmed ones and any already
     * called about, by time, each with the latest call's outcome. Any staff.
     */
    public List<ConfirmationRow> confirmationList(LocalDate date) {
        session.require("see the appointment book", ANY_STAFF);
        requireDate(date);
        return db.read(c -> store.confirmationList(c, date.atStartOfDay(zone()).toInstant(),
                date.plusDays(1).atStartOfDay(zone()).toInstant(), zone()));
    }

    /**
     * Records a confirmation call: CONFIRMED confirms a booked appointment, CANCELLED cancels it (the
     * note is the reason; "Cancelled on the confirmation call" without one), LEFT_MESSAGE only logs the
     * call. Any staff; the appointment must be booked or confirmed and at {@code version}.
     */
    public Appointment recordCall(long appointmentId, int version, ConfirmationOutcome outcome, String note) {
        User u = session.require("log confirmation calls", ANY_STAFF);
        if (outcome == null) {
            throw new ValidationException("outcome", "Choose how the call went.");
        }
        String text = Text.clean(note);
        if (text != null && text.length() > MAX_REASON) {
            throw new ValidationException("note", "Keep the note to " + MAX_REASON + " characters.");
        }
        return db.tx(c -> {
            Appointment a = load(c, appointmentId);
            if (a.status() != AppointmentStatus.BOOKED && a.status() != AppointmentStatus.CONFIRMED) {
                throw new ValidationException("outcome", "This appointment is " + a.status().label().toLowerCase(Locale.ROOT)
                        + ": there is nothing to confirm.");
            }
            if (a.version() != version) {
                throw new org.needlepoint.store.StaleRecordException("The appointment was changed by someone else after"
                        + " you opened it. Your call was not saved: reload to see the change, then log it again.");
            }
            store.insertCall(c, appointmentId, outcome, text, clock.instant(), u.id());
            audit.log(c, Audit.UPDATE, "appointment", appointmentId, a.patientId(), "confirmation call for chart "
                    + a.chartNumber() + " " + when(a.start(), a.end()) + ": " + outcome.label()
                    + (text == null ? "" : " \u2013 " + text));
            if (outcome == ConfirmationOutcome.CONFIRMED && a.status() == AppointmentStatus.BOOKED) {
                setStatus(c, a, version, AppointmentStatus.CONFIRMED, text, u);
            } else if (outcome == ConfirmationOutcome.CANCELLED) {
                setStatus(c, a, version, AppointmentStatus.CANCELLED, text == null ? "Cancelled on the confirmation call" : text, u);
            }
            return store.find(c, appointmentId, zone()).orElseThrow();
        });
    }

    // ------------------------------------------------------------------------------------- free slots

    /**
     * The first free slot at or after {@code from} (rounded up to {@link #SLOT_STEP_MINUTES}) of
     * {@code minutes} (null: the kind's default) with the injector (null: any bookable injector; the
     * earliest wins, then the first by name), within the clinic's opening hours and the injector's
     * working hours, clear of their appointments; empty when none in {@link #SLOT_SEARCH_DAYS} days. Any staff.
     */
    public Optional<FreeSlot> nextFreeSlot(AppointmentKind kind, Integer minutes, Long injectorId, LocalDateTime from) {
        session.require("see the appointment book", ANY_STAFF);
        if (kind == null) {
            throw new ValidationException("kind", "Choose what the appointment is for.");
        }
        int length = minutes == null ? defaultMinutes(kind) : minutes;
        if (length < MIN_MINUTES || length > MAX_MINUTES) {
            throw new ValidationException("minutes", "An appointment lasts from " + MIN_MINUTES + " minutes to "
                    + MAX_MINUTES / 60 + " hours.");
        }
        if (from == null) {
            throw new ValidationException("start", "Choose the day and time to look from.");
        }
        LocalDateTime start = roundUp(from);
        return db.read(c -> {
            List<Injector> who = injectorId == null ? store.injectors(c) : List.of(requireInjector(c, injectorId));
            List<DayHours> opening = store.openingHours(c);
            Map<Long, Map<DayOfWeek, DayHours>> own = store.allInjectorHours(c);
            for (int i = 0; i < SLOT_SEARCH_DAYS; i++) {
                LocalDate day = start.toLocalDate().plusDays(i);
                DayHours open = opening.get(day.getDayOfWeek().getValue() - 1);
                if (open.isClosed()) {
                    continue;
                }
                Map<Long, List<AppointmentStore.Busy>> busy = new HashMap<>();
                for (AppointmentStore.Busy b : store.busy(c, injectorId, instant(day.atTime(open.start())),
                        instant(day.atTime(open.end())))) {
                    busy.computeIfAbsent(b.injectorId(), k -> new ArrayList<>()).add(b);
                }
                FreeSlot best = null;
                for (Injector inj : who) {
                    DayHours hours = own.getOrDefault(inj.id(), Map.of()).getOrDefault(day.getDayOfWeek(), open);
                    if (hours.isClosed()) {
                        continue;
                    }
                    LocalTime opens = max(open.start(), hours.start());
                    LocalTime closes = open.end().isBefore(hours.end()) ? open.end() : hours.end();
                    LocalDateTime cursor = day.atTime(opens);
                    if (i == 0 && start.isAfter(cursor)) {
                        cursor = start;
                    }
                    LocalDateTime found = null;
                    for (AppointmentStore.Busy b : busy.getOrDefault(inj.id(), List.of())) {
                        LocalDateTime bs = LocalDateTime.ofInstant(b.start(), zone());
                        LocalDateTime be = LocalDateTime.ofInstant(b.end(), zone());
                        if (!cursor.plusMinutes(length).isAfter(bs)) {
                            found = cursor;
                            break;
                        }
                        if (be.isAfter(cursor)) {
                            cursor = roundUp(be);
                        }
                    }
                    if (found == null && !cursor.plusMinutes(length).isAfter(day.atTime(closes))
                            && !cursor.toLocalDate().isAfter(day)) {
                        found = cursor;
                    }
                    if (found != null && !found.plusMinutes(length).isAfter(day.atTime(closes))
                            && (best == null || found.isBefore(best.start()))) {
                        best = new FreeSlot(found, found.plusMinutes(length), inj.id(), inj.name());
                    }
                }
                if (best != null) {
                    return Optional.of(best);
                }
            }
            return Optional.empty();
        });
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime roundUp(LocalDateTime t) {
        LocalDateTime m = t.truncatedTo(ChronoUnit.MINUTES);
        if (m.isBefore(t)) {
            m = m.plusMinutes(1);
        }
        int over = m.getMinute() % SLOT_STEP_MINUTES;
        return over == 0 ? m : m.plusMinutes(SLOT_STEP_MINUTES - over);
    }
}
