package org.needlepoint.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.security.Role;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/** SQL for protocol rules, follow-up tasks, their call attempts and the worklists. */
public final class FollowUpStore implements RecordCheck {

    /** A task to insert: everything but status, attempts and the audit columns. */
    record TaskRow(long patientId, TaskKind kind, LocalDate due, LocalDate earliest, Role assigneeRole,
                   Long assigneeUserId, String reason, boolean clinical, TaskSource source, String sourceKey,
                   Long ruleId, Long visitId, Long eventId, Long lotId) {
    }

    private static final String TASK_SELECT = "SELECT t.*, p.first_name, p.last_name, p.preferred_name, p.chart_number,"
            + " au.full_name AS assignee_name, au.title AS assignee_title, cu.full_name AS closer_name,"
            + " cu.title AS closer_title, r.code AS rule_code FROM followup_task t JOIN patient p ON p.id = t.patient_id"
            + " LEFT JOIN app_user au ON au.id = t.assignee_user LEFT JOIN app_user cu ON cu.id = t.closed_by"
            + " LEFT JOIN followup_rule r ON r.id = t.rule_id";

    // ----------------------------------------------------------------------------------- rules

    /** Every rule in display order. */
    public List<FollowUpRule> rules(Connection c) throws SQLException {
        List<FollowUpRule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM followup_rule ORDER BY seq, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rule(rs));
            }
        }
        return out;
    }

    public Optional<FollowUpRule> rule(Connection c, long id) throws SQLException {
        return rules(c).stream().filter(r -> r.id() == id).findFirst();
    }

    private static FollowUpRule rule(ResultSet rs) throws SQLException {
        return new FollowUpRule(rs.getLong("id"), rs.getString("code"), rs.getInt("seq"),
                RuleTrigger.valueOf(rs.getString("trigger_type")), rs.getString("name"),
                TaskKind.valueOf(rs.getString("task_kind")), rs.getInt("offset_amount"),
                OffsetUnit.valueOf(rs.getString("offset_unit")), integer(rs, "min_days"), integer(rs, "severity_min"),
                integer(rs, "severity_max"), integer(rs, "course_sessions"), Role.valueOf(rs.getString("assignee_role")),
                rs.getBoolean("clinical"), rs.getBoolean("enabled"), rs.getString("basis"), rs.getInt("version"));
    }

    private static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    /** Saves a rule's editable fields, refusing a stale version. */
    public void updateRule(Connection c, FollowUpRule r, Instant now, long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE followup_rule SET name = ?, task_kind = ?, offset_amount = ?,"
                + " offset_unit = ?, min_days = ?, course_sessions = ?, assignee_role = ?, clinical = ?, enabled = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, r.name());
            ps.setString(2, r.kind().name());
            ps.setInt(3, r.offsetAmount());
            ps.setString(4, r.offsetUnit().name());
            setInteger(ps, 5, r.minDays());
            setInteger(ps, 6, r.courseSessions());
            ps.setString(7, r.assigneeRole().name());
            ps.setBoolean(8, r.clinical());
            ps.setBoolean(9, r.enabled());
            Sql.setInstant(ps, 10, now);
            ps.setLong(11, by);
            ps.setLong(12, r.id());
            ps.setInt(13, r.version());
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "followup_rule", r.id(), "The follow-up rule \"" + r.name() + "\"", zone);
            }
        }
    }

    // ----------------------------------------------------------------------------------- tasks

    static final String INSERT_TASK = "INSERT INTO followup_task (patient_id, task_kind, due_date, earliest_date,"
            + " assignee_role, assignee_user, reason, clinical, source_type, source_key, rule_id, source_visit_id,"
            + " source_event_id, source_lot_id, created_at, created_by, updated_at, updated_by)";

    static int setTask(PreparedStatement ps, TaskRow t, Instant now, Long by) throws SQLException {
        int i = 1;
        ps.setLong(i++, t.patientId());
        ps.setString(i++, t.kind().name());
        Sql.setDate(ps, i++, t.due());
        Sql.setDate(ps, i++, t.earliest());
        ps.setString(i++, t.assigneeRole() == null ? null : t.assigneeRole().name());
        Sql.setLong(ps, i++, t.assigneeUserId());
        ps.setString(i++, t.reason());
        ps.setBoolean(i++, t.clinical());
        ps.setString(i++, t.source().name());
        ps.setString(i++, t.sourceKey());
        Sql.setLong(ps, i++, t.ruleId());
        Sql.setLong(ps, i++, t.visitId());
        Sql.setLong(ps, i++, t.eventId());
        Sql.setLong(ps, i++, t.lotId());
        Sql.setInstant(ps, i++, now);
        Sql.setLong(ps, i++, by);
        Sql.setInstant(ps, i++, now);
        Sql.setLong(ps, i++, by);
        return i;
    }

    /**
     * Inserts the task unless a task with its source key exists; returns the new id, or empty when
     * it already existed (so re-running a trigger never creates a task twice).
     */
    public Optional<Long> insertIfAbsent(Connection c, TaskRow t, Instant now, Long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_TASK + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM followup_task x WHERE x.source_key = ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = setTask(ps, t, now, by);
            ps.setString(i, t.sourceKey());
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
            return Optional.of(Sql.generatedKey(ps));
        }
    }

    /** A fresh key for a task added by hand: "manual:&lt;n&gt;" from a sequence. */
    public String nextManualKey(Connection c) throws SQLException {
        return "manual:" + Sql.count(c, "SELECT NEXT VALUE FOR followup_manual_seq");
    }

    public Optional<FollowUpTask> task(Connection c, long id) throws SQLException {
        List<FollowUpTask> t = tasks(c, "t.id = ?", id);
        return t.isEmpty() ? Optional.empty() : Optional.of(t.get(0));
    }

    public Optional<FollowUpTask> taskByKey(Connection c, String sourceKey) throws SQLException {
        List<FollowUpTask> t = tasks(c, "t.source_key = ?", sourceKey);
        return t.isEmpty() ? Optional.empty() : Optional.of(t.get(0));
    }

    /** The patient's tasks: open ones first by due date, then closed ones, the latest due first. */
    public List<FollowUpTask> patientTasks(Connection c, long patientId) throws SQLException {
        return tasks(c, "t.patient_id = ? ORDER BY CASE WHEN t.status = 'OPEN' THEN 0 ELSE 1 END,"
                + " CASE WHEN t.status = 'OPEN' THEN t.due_date END, t.due_date DESC, t.id", patientId);
    }

    /** The open tasks a visit, event or lot recall created. */
    public List<FollowUpTask> openTasksFrom(Connection c, TaskSource source, long sourceId) throws SQLException {
        String col = switch (source) {
            case VISIT -> "t.source_visit_id";
            case EVENT -> "t.source_event_id";
            case LOT_RECALL -> "t.source_lot_id";
            case MANUAL -> throw new IllegalArgumentException("manual tasks have no source record");
        };
        return tasks(c, "t.status = 'OPEN' AND " + col + " = ? ORDER BY t.due_date, t.id", sourceId);
    }

    /**
     * The patient's open tasks made by the rules with the given codes for visits that started
     * before {@code before}.
     */
    public List<FollowUpTask> openRuleTasksBefore(Connection c, long patientId, Collection<String> ruleCodes,
                                                  Instant before) throws SQLException {
        List<FollowUpTask> out = new ArrayList<>();
        for (FollowUpTask t : tasks(c, "t.patient_id = ? AND t.status = 'OPEN' AND t.source_type = 'VISIT'"
                + " AND EXISTS (SELECT 1 FROM visit sv WHERE sv.id = t.source_visit_id AND sv.started_at < ?)"
                + " ORDER BY t.due_date, t.id", patientId, java.sql.Timestamp.from(before))) {
            if (t.ruleCode() != null && ruleCodes.contains(t.ruleCode())) {
                out.add(t);
            }
        }
        return out;
    }

    private List<FollowUpTask> tasks(Connection c, String where, Object... args) throws SQLException {
        List<FollowUpTask> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TASK_SELECT + " WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(task(rs));
                }
            }
        }
        return out;
    }

    private static FollowUpTask task(ResultSet rs) throws SQLException {
        String role = rs.getString("assignee_role");
        String last = rs.getString("last_outcome");
        return new FollowUpTask(rs.getLong("id"), rs.getLong("patient_id"), Names.patient(rs), rs.getLong("chart_number"),
                TaskKind.valueOf(rs.getString("task_kind")), Sql.getDate(rs, "due_date"), Sql.getDate(rs, "earliest_date"),
                role == null ? null : Role.valueOf(role), Sql.getLong(rs, "assignee_user"),
                Names.staff(rs.getString("assignee_title"), rs.getString("assignee_name")), rs.getString("reason"),
                rs.getBoolean("clinical"), TaskSource.valueOf(rs.getString("source_type")), rs.getString("source_key"),
                Sql.getLong(rs, "rule_id"), rs.getString("rule_code"), Sql.getLong(rs, "source_visit_id"),
                Sql.getLong(rs, "source_event_id"), Sql.getLong(rs, "source_lot_id"),
                TaskStatus.valueOf(rs.getString("status")), Sql.getDate(rs, "snoozed_until"), rs.getInt("attempts"),
                last == null ? null : CallOutcome.valueOf(last), Sql.getInstant(rs, "last_attempt_at"),
                Sql.getInstant(rs, "closed_at"), Names.staff(rs.getString("closer_title"), rs.getString("closer_name")),
                rs.getString("close_note"), rs.getInt("version"), Sql.getInstant(rs, "created_at"));
    }

    /** The refusal of a change to a task someone else changed (or closed) since it was read. */
    private static RuntimeException stale(Connection c, long id, ZoneId zone) throws SQLException {
        return Versions.stale(c, "followup_task", id, "This follow-up task", zone);
    }

    /** Closes an OPEN task as DONE, MISSED or CANCELLED, refusing a stale version. */
    public void close(Connection c, long id, int version, TaskStatus status, String note, Instant now, long by,
                      ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE followup_task SET status = ?, close_note = ?, closed_at = ?,"
                + " closed_by = ?, version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ? AND version = ? AND status = 'OPEN'")) {
            ps.setString(1, status.name());
            ps.setString(2, note);
            Sql.setInstant(ps, 3, now);
            ps.setLong(4, by);
            Sql.setInstant(ps, 5, now);
            ps.setLong(6, by);
            ps.setLong(7, id);
            ps.setInt(8, version);
            if (ps.executeUpdate() == 0) {
                throw stale(c, id, zone);
            }
        }
    }

    /**
     * Appends an attempt and updates the task's summary (attempts, last outcome), closing it as DONE
     * when {@code completes}; refuses a stale version.
     */
    public void logAttempt(Connection c, long taskId, int version, CallOutcome outcome, String note, boolean completes,
                           String closeNote, Instant now, long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE followup_task SET attempts = attempts + 1, last_outcome = ?,"
                + " last_attempt_at = ?, status = CASE WHEN ? THEN 'DONE' ELSE status END,"
                + " closed_at = CASE WHEN ? THEN ? ELSE closed_at END, closed_by = CASE WHEN ? THEN ? ELSE closed_by END,"
                + " close_note = CASE WHEN ? THEN ? ELSE close_note END,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND status = 'OPEN'")) {
            ps.setString(1, outcome.name());
            Sql.setInstant(ps, 2, now);
            ps.setBoolean(3, completes);
            ps.setBoolean(4, completes);
            Sql.setInstant(ps, 5, now);
            ps.setBoolean(6, completes);
            ps.setLong(7, by);
            ps.setBoolean(8, completes);
            ps.setString(9, closeNote);
            Sql.setInstant(ps, 10, now);
            ps.setLong(11, by);
            ps.setLong(12, taskId);
            ps.setInt(13, version);
            if (ps.executeUpdate() == 0) {
                throw stale(c, taskId, zone);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO followup_attempt (task_id, outcome, note, by_user, at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, taskId);
            ps.setString(2, outcome.name());
            ps.setString(3, note);
            ps.setLong(4, by);
            Sql.setInstant(ps, 5, now);
            ps.executeUpdate();
        }
    }

    /** Hides an OPEN task from the worklist until {@code until} (null shows it again); refuses a stale version. */
    public void snooze(Connection c, long id, int version, LocalDate until, Instant now, long by, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE followup_task SET snoozed_until = ?, version = version + 1,"
                + " updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND status = 'OPEN'")) {
            Sql.setDate(ps, 1, until);
            Sql.setInstant(ps, 2, now);
            ps.setLong(3, by);
            ps.setLong(4, id);
            ps.setInt(5, version);
            if (ps.executeUpdate() == 0) {
                throw stale(c, id, zone);
            }
        }
    }

    /** Gives an OPEN task to a role or to one person; refuses a stale version. */
    public void assign(Connection c, long id, int version, Role role, Long userId, Instant now, long by, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE followup_task SET assignee_role = ?, assignee_user = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND status = 'OPEN'")) {
            ps.setString(1, role == null ? null : role.name());
            Sql.setLong(ps, 2, userId);
            Sql.setInstant(ps, 3, now);
            ps.setLong(4, by);
            ps.setLong(5, id);
            ps.setInt(6, version);
            if (ps.executeUpdate() == 0) {
                throw stale(c, id, zone);
            }
        }
    }

    /** The task's attempts, oldest first. */
    public List<CallAttempt> attempts(Connection c, long taskId) throws SQLException {
        List<CallAttempt> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.*, u.full_name, u.title FROM followup_attempt a"
                + " JOIN app_user u ON u.id = a.by_user WHERE a.task_id = ? ORDER BY a.at, a.id")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CallAttempt(rs.getLong("id"), taskId, CallOutcome.valueOf(rs.getString("outcome")),
                            rs.getString("note"), rs.getLong("by_user"), Names.staff(rs.getString("title"),
                            rs.getString("full_name")), Sql.getInstant(rs, "at")));
                }
            }
        }
        return out;
    }

    // -------------------------------------------------------------------------------- worklists

    /** Open tasks for {@code role} (the role, or a person with that role), visible on {@code day}, due up to {@code until}. */
    private static final String WORKLIST_WHERE = " FROM followup_task t JOIN patient p ON p.id = t.patient_id"
            + " LEFT JOIN app_user au ON au.id = t.assignee_user"
            + " WHERE t.status = 'OPEN' AND t.due_date <= ? AND (t.snoozed_until IS NULL OR t.snoozed_until <= ?)"
            + " AND (t.assignee_role = ? OR au.role = ?)";

    /**
     * The worklist rows for {@code role} on {@code day}: open, not snoozed past the day, due up to
     * {@code day + upcomingDays}; ordered by due date, then patient name.
     */
    public List<WorklistRow> worklist(Connection c, LocalDate day, int upcomingDays, Role role) throws SQLException {
        List<WorklistRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.version, t.patient_id, t.task_kind, t.due_date,"
                + " t.earliest_date, t.reason, t.clinical, t.assignee_role, t.attempts, t.last_outcome, t.last_attempt_at,"
                + " p.first_name, p.last_name, p.preferred_name, p.chart_number, p.mobile_phone, p.other_phone,"
                + " au.full_name AS assignee_name, au.title AS assignee_title" + WORKLIST_WHERE
                + " ORDER BY t.due_date, p.name_key, t.id")) {
            setWorklist(ps, day, upcomingDays, role);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String assigneeRole = rs.getString("assignee_role");
                    String last = rs.getString("last_outcome");
                    out.add(new WorklistRow(rs.getLong("id"), rs.getInt("version"), rs.getLong("patient_id"),
                            Names.patient(rs), rs.getLong("chart_number"), rs.getString("mobile_phone"),
                            rs.getString("other_phone"), rs.getString("reason"), Sql.getDate(rs, "due_date"),
                            Sql.getDate(rs, "earliest_date"), TaskKind.valueOf(rs.getString("task_kind")),
                            rs.getBoolean("clinical"), assigneeRole != null ? Role.valueOf(assigneeRole).label()
                            : Names.staff(rs.getString("assignee_title"), rs.getString("assignee_name")),
                            rs.getInt("attempts"), last == null ? null : CallOutcome.valueOf(last),
                            Sql.getInstant(rs, "last_attempt_at")));
                }
            }
        }
        return out;
    }

    /** Overdue, due-today and upcoming counts of {@link #worklist}, without reading the rows. */
    public int[] worklistCounts(Connection c, LocalDate day, int upcomingDays, Role role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(CASE WHEN t.due_date < ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.due_date = ? THEN 1 ELSE 0 END), SUM(CASE WHEN t.due_date > ? THEN 1 ELSE 0 END)"
                + WORKLIST_WHERE)) {
            Sql.setDate(ps, 1, day);
            Sql.setDate(ps, 2, day);
            Sql.setDate(ps, 3, day);
            // the three CASE dates come first; the WHERE's parameters follow
            setWorklist(ps, 4, day, upcomingDays, role);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
            }
        }
    }

    private static void setWorklist(PreparedStatement ps, LocalDate day, int upcomingDays, Role role) throws SQLException {
        setWorklist(ps, 1, day, upcomingDays, role);
    }

    private static void setWorklist(PreparedStatement ps, int first, LocalDate day, int upcomingDays, Role role)
            throws SQLException {
        Sql.setDate(ps, first, day.plusDays(upcomingDays));
        Sql.setDate(ps, first + 1, day);
        ps.setString(first + 2, role.name());
        ps.setString(first + 3, role.name());
    }

    // ----------------------------------------------------------------------- what the rules read

    /** A product's name and kind. */
    record ProductRef(long id, String name, ProductKind kind) {
    }

    /** Every product's name and kind, by id. */
    Map<Long, ProductRef> productRefs(Connection c) throws SQLException {
        Map<Long, ProductRef> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind FROM product ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new ProductRef(rs.getLong(1), rs.getString(2), ProductKind.valueOf(rs.getString(3))));
            }
        }
        return out;
    }

    /** A signed visit with biostimulator points: its id and when it started. */
    record Session(long visitId, Instant startedAt) {
    }

    /** The patient's signed visits with points of {@code kind} (original or addendum), oldest first. */
    List<Session> sessions(Connection c, long patientId, ProductKind kind) throws SQLException {
        List<Session> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.started_at FROM visit v WHERE v.patient_id = ?"
                + " AND v.status = 'SIGNED' AND EXISTS (SELECT 1 FROM injection_point ip JOIN product pr"
                + " ON pr.id = ip.product_id WHERE ip.visit_id = v.id AND pr.kind = ?)"
                + " ORDER BY v.started_at, v.id")) {
            ps.setLong(1, patientId);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Session(rs.getLong(1), Sql.getInstant(rs, "started_at")));
                }
            }
        }
        return out;
    }

    /** For a recalled lot: each patient's visits with points from it (the times they started), by patient. */
    Map<Long, List<Instant>> lotVisits(Connection c, long lotId) throws SQLException {
        Map<Long, List<Instant>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT v.patient_id, v.started_at FROM visit v"
                + " JOIN injection_point ip ON ip.visit_id = v.id WHERE ip.lot_id = ? AND v.status = 'SIGNED'"
                + " ORDER BY v.patient_id, v.started_at")) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Sql.getInstant(rs, "started_at"));
                }
            }
        }
        return out;
    }

    /** "Dysport 300 U lot DY301A": how a lot is named in a task's reason; empty when it does not exist. */
    Optional<String> lotName(Connection c, long lotId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pr.name, l.lot_number FROM lot l JOIN product pr"
                + " ON pr.id = l.product_id WHERE l.id = ?")) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1) + " lot " + rs.getString(2)) : Optional.empty();
            }
        }
    }

    // ----------------------------------------------------------------------------------- check

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("follow-up tasks", Sql.count(c, "SELECT COUNT(*) FROM followup_task"));
        m.put("open follow-up tasks", Sql.count(c, "SELECT COUNT(*) FROM followup_task WHERE status = 'OPEN'"));
        m.put("follow-up call attempts", Sql.count(c, "SELECT COUNT(*) FROM followup_attempt"));
        m.put("follow-up rules", Sql.count(c, "SELECT COUNT(*) FROM followup_rule"));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        long mismatched = Sql.count(c, "SELECT COUNT(*) FROM followup_task t WHERE t.attempts <>"
                + " (SELECT COUNT(*) FROM followup_attempt a WHERE a.task_id = t.id)");
        if (mismatched > 0) {
            p.add("follow-up tasks: " + mismatched + " task(s) whose attempt count differs from their logged calls");
        }
        long triggers = Sql.count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_TABLE = 'FOLLOWUP_ATTEMPT'");
        if (triggers < 2) {
            p.add("follow-up call attempts: the append-only guards are missing");
        }
        long wrongPatient = Sql.count(c, "SELECT COUNT(*) FROM followup_task t JOIN visit v ON v.id = t.source_visit_id"
                + " WHERE v.patient_id <> t.patient_id");
        if (wrongPatient > 0) {
            p.add("follow-up tasks: " + wrongPatient + " task(s) name another patient than their visit's");
        }
        return p;
    }
}
