package org.needlepoint.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** SQL for the appointment book: rooms, opening and working hours, appointments, their status log and confirmation calls. */
public final class AppointmentStore implements RecordCheck {
    /** The longest appointment (V13's check): the conflict check reads only the appointments starting this long before a slot. */
    static final Duration MAX_LENGTH = Duration.ofHours(12);

    private static final String SELECT = "SELECT a.id, a.patient_id, p.chart_number, p.first_name, p.last_name,"
            + " p.preferred_name, a.injector_id, u.full_name, u.title, a.room_id, r.name AS room_name, a.starts_at,"
            + " a.ends_at, a.kind, a.reason, a.status, a.cancel_reason, a.cancelled_at, a.late_cancel,"
            + " a.followup_task_id, a.visit_id, a.checked_in_at, a.version FROM appointment a JOIN patient p ON p.id = a.patient_id"
            + " JOIN app_user u ON u.id = a.injector_id LEFT JOIN room r ON r.id = a.room_id";
    /** The book's days and weeks: the patients' names from their index alone ({@code patient_book_names}, V20). */
    static final String BETWEEN = SELECT + " WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, u.full_name, a.id";
    private static final String BLOCKING = "a.status NOT IN ('CANCELLED', 'NO_SHOW')";

    /** A booking to insert, its times as instants. */
    record NewAppointment(long patientId, long injectorId, Long roomId, Instant start, Instant end, AppointmentKind kind,
                          String reason, List<Long> productIds, Long followUpTaskId) {
    }

    /** The appointment in the way of a booking. */
    record Conflict(long id, Instant start, Instant end, long chartNumber) {
    }

    /** A stretch of an injector's time taken by an appointment. */
    record Busy(long injectorId, Instant start, Instant end) {
    }

    // ------------------------------------------------------------------------------------ rooms

    public List<Room> rooms(Connection c) throws SQLException {
        List<Room> rooms = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, name, active, version FROM room ORDER BY name_key")) {
            while (rs.next()) {
                rooms.add(new Room(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)));
            }
        }
        return rooms;
    }

    Optional<Room> room(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, active, version FROM room WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Room(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)))
                        : Optional.empty();
            }
        }
    }

    /** The room whose name is {@code name} ignoring case, other than {@code exceptId}. */
    Optional<Long> roomNamed(Connection c, String name, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM room WHERE name_key = ? AND id <> ?")) {
            ps.setString(1, nameKey(name));
            ps.setLong(2, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    long insertRoom(Connection c, String name, boolean active, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO room (name, name_key, active, created_at, updated_at,"
                + " updated_by) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, nameKey(name));
            ps.setBoolean(3, active);
            Sql.setInstant(ps, 4, now);
            Sql.setInstant(ps, 5, now);
            ps.setLong(6, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    void updateRoom(Connection c, Room room, Instant now, long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE room SET name = ?, name_key = ?, active = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, room.name());
            ps.setString(2, nameKey(room.name()));
            ps.setBoolean(3, room.active());
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            ps.setLong(6, room.id());
            ps.setInt(7, room.version());
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "room", room.id(), "The room " + room.name(), zone);
            }
        }
    }

    private static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------ hours

    /** The clinic's opening hours, Monday first (a weekday missing from the table is closed). */
    public List<DayHours> openingHours(Connection c) throws SQLException {
        Map<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT weekday, opens, closes FROM opening_hours")) {
            while (rs.next()) {
                DayOfWeek d = DayOfWeek.of(rs.getInt(1));
                days.put(d, new DayHours(d, time(rs, 2), time(rs, 3)));
            }
        }
        List<DayHours> week = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            week.add(days.getOrDefault(d, DayHours.closed(d)));
        }
        return week;
    }

    void putOpeningHours(Connection c, DayHours h, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO opening_hours t USING (VALUES (CAST(? AS INT))) s(d)"
                + " ON t.weekday = s.d WHEN MATCHED THEN UPDATE SET opens = ?, closes = ?, version = t.version + 1,"
                + " updated_at = ?, updated_by = ? WHEN NOT MATCHED THEN INSERT (weekday, opens, closes, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, h.day().getValue());
            setTime(ps, 2, h.start());
            setTime(ps, 3, h.end());
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            ps.setInt(6, h.day().getValue());
            setTime(ps, 7, h.start());
            setTime(ps, 8, h.end());
            Sql.setInstant(ps, 9, now);
            ps.setLong(10, by);
            ps.executeUpdate();
        }
    }

    /** The weekdays an injector has hours of their own for, Monday first. */
    public List<DayHours> injectorHours(Connection c, long injectorId) throws SQLException {
        List<DayHours> days = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT weekday, starts, ends FROM injector_hours WHERE user_id = ?"
                + " ORDER BY weekday")) {
            ps.setLong(1, injectorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new DayHours(DayOfWeek.of(rs.getInt(1)), time(rs, 2), time(rs, 3)));
                }
            }
        }
        return days;
    }

    /** Every injector's own hours: injector id to weekday to hours. */
    Map<Long, Map<DayOfWeek, DayHours>> allInjectorHours(Connection c) throws SQLException {
        Map<Long, Map<DayOfWeek, DayHours>> all = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT user_id, weekday, starts, ends FROM injector_hours")) {
            while (rs.next()) {
                DayOfWeek d = DayOfWeek.of(rs.getInt(2));
                all.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(DayOfWeek.class)).put(d, new DayHours(d, time(rs, 3), time(rs, 4)));
            }
        }
        return all;
    }

    /** Replaces an injector's own hours with {@code days} (the weekdays not listed follow the clinic). */
    void replaceInjectorHours(Connection c, long injectorId, List<DayHours> days, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM injector_hours WHERE user_id = ?")) {
            ps.setLong(1, injectorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO injector_hours (user_id, weekday, starts, ends,"
                + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (DayHours h : days) {
                ps.setLong(1, injectorId);
                ps.setInt(2, h.day().getValue());
                setTime(ps, 3, h.start());
                setTime(ps, 4, h.end());
                Sql.setInstant(ps, 5, now);
                ps.setLong(6, by);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static LocalTime time(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, LocalTime.class);
    }

    private static void setTime(PreparedStatement ps, int i, LocalTime t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIME);
        } else {
            ps.setObject(i, t);
        }
    }

    // ------------------------------------------------------------------------------------ people

    /** The active INJECTOR accounts, by name. */
    public List<Injector> injectors(Connection c) throws SQLException {
        List<Injector> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, title, full_name FROM app_user"
                + " WHERE role = 'INJECTOR' AND active ORDER BY full_name, id")) {
            while (rs.next()) {
                list.add(new Injector(rs.getLong(1), staff(rs.getString(2), rs.getString(3))));
            }
        }
        return list;
    }

    /** The user if it is an active INJECTOR account. */
    Optional<Injector> injector(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title, full_name FROM app_user WHERE id = ?"
                + " AND role = 'INJECTOR' AND active")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Injector(rs.getLong(1), staff(rs.getString(2), rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /** The patient's chart number, when the patient exists. */
    Optional<Long> chartNumber(Connection c, long patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT chart_number FROM patient WHERE id = ?")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The patient a follow-up task is for, when the task exists. */
    Optional<Long> taskPatient(Connection c, long taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT patient_id FROM followup_task WHERE id = ?")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Whether the visit is signed (empty when there is no such visit). */
    Optional<Boolean> visitSigned(Connection c, long visitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM visit WHERE id = ?")) {
            ps.setLong(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of("SIGNED".equals(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** How many of {@code productIds} exist. */
    int productsFound(Connection c, List<Long> productIds) throws SQLException {
        if (productIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM product WHERE id = ANY(?)")) {
            ps.setObject(1, productIds.toArray(new Long[0]));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ------------------------------------------------------------------------------------ booking

    /**
     * The user if it is an active INJECTOR account, its row held until the transaction ends: a booking on
     * another connection for the same injector waits here, so its conflict check sees this one's. The
     * injector first, then the room ({@link #lockRoom}), in every transaction: no deadlock. One statement for
     * the check and the lock (a round trip less for a joined PC).
     */
    Optional<Injector> lockInjector(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title, full_name FROM app_user WHERE id = ?"
                + " AND role = 'INJECTOR' AND active FOR UPDATE")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Injector(rs.getLong(1), staff(rs.getString(2), rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /** The room, its row held until the transaction ends (after the injector's: {@link #lockInjector}). */
    Optional<Room> lockRoom(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, active, version FROM room WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Room(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)))
                        : Optional.empty();
            }
        }
    }

    /** The first appointment of the injector that blocks time and overlaps [start, end), other than {@code exceptId}. */
    Optional<Conflict> injectorConflict(Connection c, long injectorId, Instant start, Instant end, long exceptId) throws SQLException {
        return conflict(c, "a.injector_id", injectorId, start, end, exceptId);
    }

    /** The first appointment in the room that blocks time and overlaps [start, end), other than {@code exceptId}. */
    Optional<Conflict> roomConflict(Connection c, long roomId, Instant start, Instant end, long exceptId) throws SQLException {
        return conflict(c, "a.room_id", roomId, start, end, exceptId);
    }

    private Optional<Conflict> conflict(Connection c, String column, long id, Instant start, Instant end, long exceptId)
            throws SQLException {
        // an overlapping appointment starts before the end and, lasting at most MAX_LENGTH, after start - MAX_LENGTH
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.starts_at, a.ends_at, p.chart_number FROM appointment a"
                + " JOIN patient p ON p.id = a.patient_id WHERE " + column + " = ? AND a.starts_at < ? AND a.starts_at > ?"
                + " AND a.ends_at > ? AND " + BLOCKING + " AND a.id <> ? ORDER BY a.starts_at LIMIT 1")) {
            ps.setLong(1, id);
            Sql.setInstant(ps, 2, end);
            Sql.setInstant(ps, 3, start.minus(MAX_LENGTH));
            Sql.setInstant(ps, 4, start);
            ps.setLong(5, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Conflict(rs.getLong(1), Sql.getInstant(rs, "starts_at"),
                        Sql.getInstant(rs, "ends_at"), rs.getLong(4))) : Optional.empty();
            }
        }
    }

    long insert(Connection c, NewAppointment a, Instant now, long by) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment (patient_id, injector_id, room_id, starts_at,"
                + " ends_at, kind, reason, followup_task_id, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, a.patientId());
            ps.setLong(2, a.injectorId());
            Sql.setLong(ps, 3, a.roomId());
            Sql.setInstant(ps, 4, a.start());
            Sql.setInstant(ps, 5, a.end());
            ps.setString(6, a.kind().name());
            ps.setString(7, a.reason());
            Sql.setLong(ps, 8, a.followUpTaskId());
            Sql.setInstant(ps, 9, now);
            ps.setLong(10, by);
            Sql.setInstant(ps, 11, now);
            ps.setLong(12, by);
            ps.executeUpdate();
            id = Sql.generatedKey(ps);
        }
        if (!a.productIds().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment_product (appointment_id, product_id) VALUES (?, ?)")) {
                for (long p : a.productIds()) {
                    ps.setLong(1, id);
                    ps.setLong(2, p);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        logStatus(c, id, null, AppointmentStatus.BOOKED, null, now, by);
        return id;
    }

    /** Moves or resizes an appointment at {@code version}. */
    void updateTimes(Connection c, long id, int version, Instant start, Instant end, long injectorId, Long roomId, Instant now,
                     long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET starts_at = ?, ends_at = ?, injector_id = ?,"
                + " room_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            Sql.setInstant(ps, 1, start);
            Sql.setInstant(ps, 2, end);
            ps.setLong(3, injectorId);
            Sql.setLong(ps, 4, roomId);
            Sql.setInstant(ps, 5, now);
            ps.setLong(6, by);
            ps.setLong(7, id);
            ps.setInt(8, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "appointment", id, "The appointment", zone);
            }
        }
    }

    /** Sets the status at {@code version} (the cancellation columns with it) and logs the change. */
    void updateStatus(Connection c, long id, int version, AppointmentStatus from, AppointmentStatus to, String note,
                      boolean lateCancel, Instant now, long by, ZoneId zone) throws SQLException {
        boolean cancel = to == AppointmentStatus.CANCELLED;
        try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET status = ?, cancel_reason = ?, cancelled_at = ?,"
                + " late_cancel = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, cancel ? note : null);
            Sql.setInstant(ps, 3, cancel ? now : null);
            ps.setBoolean(4, cancel && lateCancel);
            Sql.setInstant(ps, 5, now);
            ps.setLong(6, by);
            ps.setLong(7, id);
            ps.setInt(8, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "appointment", id, "The appointment", zone);
            }
        }
        logStatus(c, id, from, to, note, now, by);
    }

    /**
     * Records a check-in: the visit it prepared and when and by whom, if nobody changed the appointment since
     * {@code version}; else a refusal naming who did.
     */
    void checkIn(Connection c, long id, int version, long visitId, Instant at, long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET visit_id = ?, checked_in_at = ?,"
                + " checked_in_by = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            ps.setLong(1, visitId);
            Sql.setInstant(ps, 2, at);
            ps.setLong(3, by);
            Sql.setInstant(ps, 4, at);
            ps.setLong(5, by);
            ps.setLong(6, id);
            ps.setInt(7, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "appointment", id, "The appointment", zone);
            }
        }
    }

    /** The visits of the patient that the check-ins of appointments other than {@code exceptAppointmentId} prepared. */
    Set<Long> linkedVisits(Connection c, long patientId, long exceptAppointmentId) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT visit_id FROM appointment WHERE patient_id = ?"
                + " AND id <> ? AND visit_id IS NOT NULL")) {
            ps.setLong(1, patientId);
            ps.setLong(2, exceptAppointmentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void logStatus(Connection c, long id, AppointmentStatus from, AppointmentStatus to, String note, Instant at,
                                  long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment_status_log (appointment_id, from_status,"
                + " to_status, note, by_user, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, from == null ? null : from.name());
            ps.setString(3, to.name());
            ps.setString(4, note);
            ps.setLong(5, by);
            Sql.setInstant(ps, 6, at);
            ps.executeUpdate();
        }
    }

    void insertCall(Connection c, long appointmentId, ConfirmationOutcome outcome, String note, Instant at, long by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment_call (appointment_id, outcome, note, by_user, at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, appointmentId);
            ps.setString(2, outcome.name());
            ps.setString(3, note);
            ps.setLong(4, by);
            Sql.setInstant(ps, 5, at);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------ reading

    public Optional<Appointment> find(Connection c, long id, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.id = ?")) {
            ps.setLong(1, id);
            List<Appointment> list = read(c, ps, zone);
            return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
        }
    }

    /** The appointments (every status) starting in [from, to), by start, then injector's name. */
    public List<Appointment> between(Connection c, Instant from, Instant to, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BETWEEN)) {
            Sql.setInstant(ps, 1, from);
            Sql.setInstant(ps, 2, to);
            return read(c, ps, zone);
        }
    }

    /** The patient's appointments, latest first. */
    List<Appointment> forPatient(Connection c, long patientId, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.patient_id = ? ORDER BY a.starts_at DESC, a.id DESC")) {
            ps.setLong(1, patientId);
            return read(c, ps, zone);
        }
    }

    /** The time taken (by appointments that block it) of one injector, or all when null, overlapping [from, to). */
    List<Busy> busy(Connection c, Long injectorId, Instant from, Instant to) throws SQLException {
        List<Busy> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.injector_id, a.starts_at, a.ends_at FROM appointment a"
                + " WHERE a.starts_at < ? AND a.starts_at > ? AND a.ends_at > ? AND " + BLOCKING
                + (injectorId == null ? "" : " AND a.injector_id = ?") + " ORDER BY a.starts_at")) {
            Sql.setInstant(ps, 1, to);
            Sql.setInstant(ps, 2, from.minus(MAX_LENGTH));
            Sql.setInstant(ps, 3, from);
            if (injectorId != null) {
                ps.setLong(4, injectorId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Busy(rs.getLong(1), Sql.getInstant(rs, "starts_at"), Sql.getInstant(rs, "ends_at")));
                }
            }
        }
        return list;
    }

    /** The appointments of [from, to) to confirm by phone: booked or confirmed ones, and any already called about. */
    List<ConfirmationRow> confirmationList(Connection c, Instant from, Instant to, ZoneId zone) throws SQLException {
        List<Appointment> list;
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.starts_at >= ? AND a.starts_at < ?"
                + " AND (a.status IN ('BOOKED', 'CONFIRMED') OR EXISTS (SELECT 1 FROM appointment_call k WHERE k.appointment_id = a.id))"
                + " ORDER BY a.starts_at, u.full_name, a.id")) {
            Sql.setInstant(ps, 1, from);
            Sql.setInstant(ps, 2, to);
            list = read(c, ps, zone);
        }
        if (list.isEmpty()) {
            return List.of();
        }
        Long[] ids = list.stream().map(Appointment::id).toArray(Long[]::new);
        Map<Long, String[]> phones = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, p.mobile_phone, p.other_phone FROM appointment a"
                + " JOIN patient p ON p.id = a.patient_id WHERE a.id = ANY(?)")) {
            ps.setObject(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    phones.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        Map<Long, ConfirmationCall> last = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.appointment_id, k.outcome, k.note, k.at, u.title, u.full_name"
                + " FROM appointment_call k JOIN app_user u ON u.id = k.by_user WHERE k.appointment_id = ANY(?) ORDER BY k.at, k.id")) {
            ps.setObject(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    last.put(id, new ConfirmationCall(id, ConfirmationOutcome.valueOf(rs.getString(2)), rs.getString(3),
                            staff(rs.getString(5), rs.getString(6)), Sql.getInstant(rs, "at")));
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        List<ConfirmationRow> rows = new ArrayList<>();
        for (Appointment a : list) {
            String[] ph = phones.getOrDefault(a.id(), new String[2]);
            ConfirmationCall k = last.get(a.id());
            rows.add(new ConfirmationRow(a, ph[0], ph[1], k == null ? null : k.outcome(), k == null ? null : k.note(),
                    k == null ? null : k.at(), counts.getOrDefault(a.id(), 0)));
        }
        return rows;
    }

    List<StatusChange> statusLog(Connection c, long appointmentId) throws SQLException {
        List<StatusChange> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.from_status, l.to_status, l.note, u.title, u.full_name, l.at"
                + " FROM appointment_status_log l LEFT JOIN app_user u ON u.id = l.by_user WHERE l.appointment_id = ?"
                + " ORDER BY l.at, l.id")) {
            ps.setLong(1, appointmentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(1);
                    list.add(new StatusChange(from == null ? null : AppointmentStatus.valueOf(from),
                            AppointmentStatus.valueOf(rs.getString(2)), rs.getString(3), staff(rs.getString(4), rs.getString(5)),
                            Sql.getInstant(rs, "at")));
                }
            }
        }
        return list;
    }

    List<ConfirmationCall> calls(Connection c, long appointmentId) throws SQLException {
        List<ConfirmationCall> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.outcome, k.note, u.title, u.full_name, k.at FROM appointment_call k"
                + " JOIN app_user u ON u.id = k.by_user WHERE k.appointment_id = ? ORDER BY k.at, k.id")) {
            ps.setLong(1, appointmentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new ConfirmationCall(appointmentId, ConfirmationOutcome.valueOf(rs.getString(1)), rs.getString(2),
                            staff(rs.getString(3), rs.getString(4)), Sql.getInstant(rs, "at")));
                }
            }
        }
        return list;
    }

    /** Rows of {@link #SELECT}, with their planned products. */
    private static List<Appointment> read(Connection c, PreparedStatement ps, ZoneId zone) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long room = Sql.getLong(rs, "room_id");
                Object[] r = {rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("chart_number"),
                    rs.getString("last_name") + ", " + rs.getString("first_name") + preferred(rs),
                    rs.getLong("injector_id"), staff(rs.getString("title"), rs.getString("full_name")), room,
                    rs.getString("room_name"), local(Sql.getInstant(rs, "starts_at"), zone), local(Sql.getInstant(rs, "ends_at"), zone),
                    AppointmentKind.valueOf(rs.getString("kind")), rs.getString("reason"),
                    AppointmentStatus.valueOf(rs.getString("status")), rs.getString("cancel_reason"),
                    Sql.getInstant(rs, "cancelled_at"), rs.getBoolean("late_cancel"), Sql.getLong(rs, "followup_task_id"),
                    Sql.getLong(rs, "visit_id"), Sql.getInstant(rs, "checked_in_at"), rs.getInt("version")};
                rows.add(r);
                ids.add((Long) r[0]);
            }
        }
        Map<Long, List<Long>> products = new HashMap<>();
        if (!ids.isEmpty()) {
            try (PreparedStatement pp = c.prepareStatement("SELECT appointment_id, product_id FROM appointment_product"
                    + " WHERE appointment_id = ANY(?) ORDER BY appointment_id, product_id")) {
                pp.setObject(1, ids.toArray(new Long[0]));
                try (ResultSet rs = pp.executeQuery()) {
                    while (rs.next()) {
                        products.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
        }
        List<Appointment> list = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            list.add(new Appointment((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (Long) r[4], (String) r[5],
                    (Long) r[6], (String) r[7], (LocalDateTime) r[8], (LocalDateTime) r[9], (AppointmentKind) r[10],
                    (String) r[11], products.getOrDefault((Long) r[0], List.of()), (AppointmentStatus) r[12], (String) r[13],
                    (Instant) r[14], (Boolean) r[15], (Long) r[16], (Long) r[17], (Instant) r[18], (Integer) r[19]));
        }
        return list;
    }

    private static String preferred(ResultSet rs) throws SQLException {
        String first = rs.getString("first_name");
        String pref = rs.getString("preferred_name");
        return pref != null && !pref.equals(first) ? " (" + pref + ")" : "";
    }

    private static LocalDateTime local(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone);
    }

    /** "NP Ivy Injector", as {@link org.needlepoint.security.User#displayName} prints staff. */
    private static String staff(String title, String fullName) {
        if (fullName == null) {
            return null;
        }
        return (title == null || title.isBlank() ? "" : title + " ") + fullName;
    }

    /** The patient's no-shows and late cancellations. */
    int[] patientCounts(Connection c, long patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(CASE WHEN status = 'NO_SHOW' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN late_cancel THEN 1 ELSE 0 END) FROM appointment WHERE patient_id = ?")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    // ------------------------------------------------------------------------------------ check

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("appointments", Sql.count(c, "SELECT COUNT(*) FROM appointment"));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT status, COUNT(*) FROM appointment GROUP BY status")) {
            Map<String, Long> by = new HashMap<>();
            while (rs.next()) {
                by.put(rs.getString(1), rs.getLong(2));
            }
            for (AppointmentStatus s : AppointmentStatus.values()) {
                m.put("appointments " + s.label().toLowerCase(Locale.ROOT), by.getOrDefault(s.name(), 0L));
            }
        }
        m.put("appointment confirmation calls", Sql.count(c, "SELECT COUNT(*) FROM appointment_call"));
        m.put("rooms", Sql.count(c, "SELECT COUNT(*) FROM room"));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        long overlapping = Sql.count(c, "SELECT COUNT(*) FROM appointment a JOIN appointment b ON b.injector_id = a.injector_id"
                + " AND b.id > a.id AND b.starts_at < a.ends_at AND b.ends_at > a.starts_at"
                + " AND b.starts_at > DATEADD(HOUR, -12, a.starts_at) AND b.starts_at < DATEADD(HOUR, 12, a.starts_at)"
                + " WHERE " + BLOCKING + " AND b.status NOT IN ('CANCELLED', 'NO_SHOW')");
        if (overlapping > 0) {
            p.add("appointments: " + overlapping + " pair(s) of an injector's appointments overlap");
        }
        long unlogged = Sql.count(c, "SELECT COUNT(*) FROM appointment a WHERE NOT EXISTS (SELECT 1 FROM"
                + " appointment_status_log l WHERE l.appointment_id = a.id AND l.from_status IS NULL)");
        if (unlogged > 0) {
            p.add("appointments: " + unlogged + " appointment(s) without their booking in the status log");
        }
        for (String table : List.of("APPOINTMENT_STATUS_LOG", "APPOINTMENT_CALL")) {
            long guards = Sql.count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_TABLE = '" + table
                    + "' AND JAVA_CLASS = 'org.needlepoint.store.AppendOnlyTrigger'");
            if (guards < 2) {
                p.add(table.toLowerCase(Locale.ROOT).replace('_', ' ') + ": the append-only guards are missing");
            }
        }
        return p;
    }
}
