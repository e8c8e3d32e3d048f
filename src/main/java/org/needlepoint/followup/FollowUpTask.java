package org.needlepoint.followup;

import java.time.Instant;
import java.time.LocalDate;
import org.needlepoint.security.Role;

/**
 * A follow-up task. Assigned to a role ({@code assigneeRole}) or to one person
 * ({@code assigneeUserId}, {@code assigneeName}). {@code sourceKey} is unique: the same protocol
 * step for the same visit, event or recall is never created twice. {@code attempts} and
 * {@code lastOutcome} summarise {@link CallAttempt}s. A snoozed task is hidden from the worklist
 * until {@code snoozedUntil}. {@code clinical} tasks are cancelled, missed or completed without a
 * call only by INJECTOR and ADMIN accounts.
 */
public record FollowUpTask(long id, long patientId, String patientName, long chartNumber, TaskKind kind,
                           LocalDate due, LocalDate earliest, Role assigneeRole, Long assigneeUserId,
                           String assigneeName, String reason, boolean clinical, TaskSource source, String sourceKey,
                           Long ruleId, String ruleCode, Long visitId, Long eventId, Long lotId, TaskStatus status,
                           LocalDate snoozedUntil, int attempts, CallOutcome lastOutcome, Instant lastAttemptAt,
                           Instant closedAt, String closedByName, String closeNote, int version, Instant createdAt) {

    public boolean open() {
        return status == TaskStatus.OPEN;
    }

    /** "Front desk" or the person's name. */
    public String assignee() {
        return assigneeRole != null ? assigneeRole.label() : assigneeName;
    }

    public boolean snoozedOn(LocalDate day) {
        return snoozedUntil != null && snoozedUntil.isAfter(day);
    }
}
