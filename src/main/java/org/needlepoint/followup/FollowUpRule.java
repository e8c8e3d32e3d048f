package org.needlepoint.followup;

import java.time.LocalDate;
import org.needlepoint.security.Role;

/**
 * A protocol rule: when {@code trigger} happens, a task of {@code kind} is due {@code offsetAmount}
 * {@code offsetUnit} later, never sooner than {@code minDays} (the task's earliest date), assigned
 * to {@code assigneeRole}. Clinic-editable (ADMIN) except {@code code}, {@code trigger} and the
 * severity range. {@code courseSessions} is set on the session rules only (Sculptra, deoxycholic acid): the sessions in a
 * course. {@code basis} says where the default comes from (label, practice, clinic default).
 */
public record FollowUpRule(long id, String code, int seq, RuleTrigger trigger, String name, TaskKind kind,
                           int offsetAmount, OffsetUnit offsetUnit, Integer minDays, Integer severityMin,
                           Integer severityMax, Integer courseSessions, Role assigneeRole, boolean clinical,
                           boolean enabled, String basis, int version) {

    public static final int MAX_NAME = 120;
    public static final int MAX_OFFSET = 3650;
    public static final int MAX_COURSE = 10;

    /** The earliest date after {@code base}, or null when the rule has no minimum. */
    public LocalDate earliest(LocalDate base) {
        return minDays == null ? null : base.plusDays(minDays);
    }

    /** The due date after {@code base}: the offset, but never before the earliest date. */
    public LocalDate due(LocalDate base) {
        LocalDate due = offsetUnit.add(base, offsetAmount);
        LocalDate earliest = earliest(base);
        return earliest != null && earliest.isAfter(due) ? earliest : due;
    }

    public boolean appliesTo(Severity s) {
        return severityMin != null && s.grade() >= severityMin && s.grade() <= severityMax;
    }

    /** "Call at 3 months (not before 90 days)". */
    public String schedule() {
        return kind.label() + " at " + offsetUnit.format(offsetAmount)
                + (minDays == null ? "" : " (not before " + minDays + " days)");
    }

    public FollowUpRule with(String newName, TaskKind newKind, int amount, OffsetUnit unit, Integer newMinDays,
                             Integer newCourse, Role role, boolean isClinical, boolean isEnabled) {
        return new FollowUpRule(id, code, seq, trigger, newName, newKind, amount, unit, newMinDays, severityMin,
                severityMax, newCourse, role, isClinical, isEnabled, basis, version);
    }

    public FollowUpRule withVersion(int v) {
        return new FollowUpRule(id, code, seq, trigger, name, kind, offsetAmount, offsetUnit, minDays, severityMin,
                severityMax, courseSessions, assigneeRole, clinical, enabled, basis, v);
    }
}
