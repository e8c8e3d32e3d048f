package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;

/** The front desk's worklist (sections, snooze, counts) and working a task: call outcomes, cancel, missed, assign. */
class WorklistTest {
    @TempDir
    Path dir;
    FollowUpFixture f;
    FollowUpService tasks;

    @BeforeEach
    void open() {
        f = new FollowUpFixture(dir);
        tasks = f.followUps;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private FollowUpTask manual(long patientId, TaskKind kind, LocalDate due, String reason) {
        return tasks.createTask(new NewTask(patientId, kind, due, null, Role.FRONT_DESK, null, reason, false));
    }

    private static List<Long> ids(List<WorklistRow> rows) {
        return rows.stream().map(WorklistRow::taskId).toList();
    }

    @Test
    void sectionsMoveWithTheDay() {
        f.clinic.signIn("desk");
        LocalDate d0 = f.today();
        FollowUpTask today = manual(f.ann.id(), TaskKind.CALL, d0, "Call back about the invoice");
        FollowUpTask in3 = manual(f.bea.id(), TaskKind.CALL, d0.plusDays(3), "Confirm the review");
        FollowUpTask in7 = manual(f.ann.id(), TaskKind.VISIT, d0.plusDays(7), "Book the next session");
        FollowUpTask in8 = manual(f.ann.id(), TaskKind.CALL, d0.plusDays(8), "Far off");

        Worklist w = tasks.frontDeskWorklist(d0);
        assertThat(ids(w.overdue())).isEmpty();
        assertThat(ids(w.dueToday())).containsExactly(today.id());
        assertThat(ids(w.upcoming())).containsExactly(in3.id(), in7.id());
        assertThat(w.upcomingDays()).isEqualTo(7);
        WorklistRow row = w.dueToday().get(0);
        assertThat(row.patientName()).isEqualTo("Smith, Ann");
        assertThat(row.chartNumber()).isEqualTo(f.ann.chartNumber());
        assertThat(row.phone()).isEqualTo("(555) 010-2345");
        assertThat(row.reason()).isEqualTo("Call back about the invoice");
        assertThat(row.kind()).isEqualTo(TaskKind.CALL);
        assertThat(row.assignee()).isEqualTo("Front desk");
        assertThat(row.attempts()).isZero();
        assertThat(row.lastOutcome()).isNull();
        assertThat(row.version()).isEqualTo(today.version());

        f.days(4);
        Worklist later = tasks.frontDeskWorklist(f.today());
        assertThat(ids(later.overdue())).containsExactly(today.id(), in3.id());
        assertThat(later.overdue().get(0).daysOverdue(f.today())).isEqualTo(4);
        assertThat(ids(later.dueToday())).isEmpty();
        assertThat(ids(later.upcoming())).containsExactly(in7.id(), in8.id());
        assertThat(tasks.worklistCounts(f.today())).isEqualTo(new WorklistCounts(0, 2, 2, 0, 0, 0));

        f.clinic.signIn("admin");
        tasks.setUpcomingDays(2);
        assertThat(ids(tasks.frontDeskWorklist(f.today()).upcoming())).isEmpty();
        assertThat(tasks.worklistCounts(f.today()).upcoming()).isZero();
    }

    @Test
    void aSnoozedTaskIsHiddenUntilItsDay() {
        f.clinic.signIn("desk");
        FollowUpTask t = manual(f.ann.id(), TaskKind.CALL, f.today(), "Call about the review");
        assertThatThrownBy(() -> tasks.snooze(t.id(), t.version(), f.today().minusDays(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("past");
        FollowUpTask snoozed = tasks.snooze(t.id(), t.version(), f.today().plusDays(3));
        assertThat(snoozed.snoozedUntil()).isEqualTo(f.today().plusDays(3));
        assertThat(tasks.frontDeskWorklist(f.today()).size()).isZero();
        assertThat(tasks.worklistCounts(f.today()).dueToday()).isZero();

        f.days(2);
        assertThat(tasks.frontDeskWorklist(f.today()).size()).isZero();
        f.days(1);
        Worklist back = tasks.frontDeskWorklist(f.today());
        assertThat(ids(back.overdue())).containsExactly(t.id());
        assertThat(tasks.worklistCounts(f.today()).overdue()).isEqualTo(1);

        // snoozing to today shows it at once
        FollowUpTask again = tasks.snooze(t.id(), snoozed.version(), f.today().plusDays(5));
        assertThat(tasks.frontDeskWorklist(f.today()).size()).isZero();
        FollowUpTask unsnoozed = tasks.snooze(t.id(), again.version(), f.today());
        assertThat(unsnoozed.snoozedUntil()).isNull();
        assertThat(tasks.frontDeskWorklist(f.today()).size()).isEqualTo(1);
    }

    @Test
    void callOutcomesCompleteOrKeepATaskOpen() {
        f.signed(f.ann, f.glabella()); // a REVIEW at 14 days and a reminder CALL at 3 months
        f.clinic.signIn("desk");
        List<FollowUpTask> made = f.tasks(f.ann);
        FollowUpTask call = made.stream().filter(t -> t.kind() == TaskKind.CALL).findFirst().orElseThrow();
        FollowUpTask review = made.stream().filter(t -> t.kind() == TaskKind.REVIEW).findFirst().orElseThrow();

        FollowUpTask a1 = tasks.logCall(call.id(), call.version(), CallOutcome.NO_ANSWER, null);
        assertThat(a1.open()).isTrue();
        assertThat(a1.attempts()).isEqualTo(1);
        FollowUpTask a2 = tasks.logCall(call.id(), a1.version(), CallOutcome.LEFT_MESSAGE, "Voicemail, asked to call back.");
        assertThat(a2.open()).isTrue();
        assertThat(a2.attempts()).isEqualTo(2);
        assertThat(a2.lastOutcome()).isEqualTo(CallOutcome.LEFT_MESSAGE);
        FollowUpTask a3 = tasks.logCall(call.id(), a2.version(), CallOutcome.REACHED, "Will book after the holidays.");
        assertThat(a3.status()).isEqualTo(TaskStatus.DONE);
        assertThat(a3.attempts()).isEqualTo(3);
        assertThat(a3.closedByName()).isEqualTo("Dana Desk");
        assertThat(a3.closeNote()).isEqualTo("Will book after the holidays.");
        assertThat(tasks.attempts(call.id())).extracting(CallAttempt::outcome)
                .containsExactly(CallOutcome.NO_ANSWER, CallOutcome.LEFT_MESSAGE, CallOutcome.REACHED);
        assertThat(tasks.attempts(call.id())).allSatisfy(x -> assertThat(x.byName()).isEqualTo("Dana Desk"));
        assertThatThrownBy(() -> tasks.logCall(call.id(), a3.version(), CallOutcome.NO_ANSWER, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already done");

        // a review reached but not booked stays open; booked is done
        FollowUpTask r1 = tasks.logCall(review.id(), review.version(), CallOutcome.REACHED, "Will call back to book.");
        assertThat(r1.open()).isTrue();
        FollowUpTask r2 = tasks.logCall(review.id(), r1.version(), CallOutcome.BOOKED, "Booked 5 Dec 10:00.");
        assertThat(r2.status()).isEqualTo(TaskStatus.DONE);

        // stale versions are refused, naming who changed it
        assertThatThrownBy(() -> tasks.logCall(review.id(), r1.version(), CallOutcome.BOOKED, null))
                .isInstanceOf(ValidationException.class);
        assertThat(AuditLog.withAction(f.clinic.db, Audit.UPDATE)).filteredOn(e -> "followup_task".equals(e.recordType()))
                .hasSize(5).first().satisfies(e -> assertThat(e.summary()).startsWith("call 1 for chart").contains("No answer"));
    }

    @Test
    void aStaleVersionIsRefused() {
        f.clinic.signIn("desk");
        FollowUpTask t = manual(f.ann.id(), TaskKind.CALL, f.today(), "Call");
        tasks.snooze(t.id(), t.version(), f.today().plusDays(1));
        assertThatThrownBy(() -> tasks.logCall(t.id(), t.version(), CallOutcome.NO_ANSWER, null))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("Dana Desk");
        assertThat(tasks.attempts(t.id())).isEmpty();
    }

    @Test
    void onlyClinicalRolesCloseClinicalTasksWithoutACall() {
        f.signed(f.ann, f.glabella());
        FollowUpTask review = f.tasks(f.ann).stream().filter(t -> t.kind() == TaskKind.REVIEW).findFirst().orElseThrow();
        FollowUpTask reminder = f.tasks(f.ann).stream().filter(t -> t.kind() == TaskKind.CALL).findFirst().orElseThrow();
        f.clinic.signIn("desk");
        assertThatThrownBy(() -> tasks.cancel(review.id(), review.version(), "Patient moved away"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("clinical");
        assertThatThrownBy(() -> tasks.markMissed(review.id(), review.version(), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> tasks.complete(review.id(), review.version(), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> tasks.cancel(reminder.id(), reminder.version(), " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
        FollowUpTask cancelled = tasks.cancel(reminder.id(), reminder.version(), "Patient asked not to be reminded.");
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.closeNote()).isEqualTo("Patient asked not to be reminded.");
        assertThatThrownBy(() -> tasks.createTask(new NewTask(f.ann.id(), TaskKind.REVIEW, f.today(), null, Role.INJECTOR,
                null, "Look at the scar", true))).isInstanceOf(PermissionDeniedException.class);

        f.clinic.signIn("injector");
        FollowUpTask missed = tasks.markMissed(review.id(), review.version(), null);
        assertThat(missed.status()).isEqualTo(TaskStatus.MISSED);
        assertThat(missed.closeNote()).isEqualTo("Not done by its due date.");
        assertThat(tasks.frontDeskWorklist(f.today().plusDays(14)).size()).isZero();
    }

    @Test
    void tasksOfAnotherRoleAreNotOnTheFrontDesksListUntilAssignedToIt() {
        f.clinic.signIn("injector");
        FollowUpTask t = tasks.createTask(new NewTask(f.ann.id(), TaskKind.CALL, f.today(), null, Role.INJECTOR, null,
                "Injector to call about the scar", true));
        assertThat(tasks.frontDeskWorklist(f.today()).size()).isZero();
        assertThat(ids(tasks.worklist(f.today(), Role.INJECTOR).dueToday())).containsExactly(t.id());

        f.clinic.signIn("admin");
        User desk = f.clinic.services.users().list().stream().filter(u -> u.role() == Role.FRONT_DESK).findFirst()
                .orElseThrow();
        f.clinic.signIn("injector");
        FollowUpTask mine = tasks.assign(t.id(), t.version(), null, desk.id());
        assertThat(mine.assignee()).isEqualTo("Dana Desk");
        assertThat(tasks.frontDeskWorklist(f.today()).dueToday()).singleElement()
                .satisfies(r -> assertThat(r.assignee()).isEqualTo("Dana Desk"));
        assertThatThrownBy(() -> tasks.assign(t.id(), mine.version(), Role.INJECTOR, desk.id()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void manualTasksAreCheckedAndAudited() {
        f.clinic.signIn("desk");
        assertThatThrownBy(() -> tasks.createTask(new NewTask(f.ann.id(), TaskKind.CALL, f.today().minusDays(1), null,
                Role.FRONT_DESK, null, "x", false))).hasMessageContaining("past");
        assertThatThrownBy(() -> tasks.createTask(new NewTask(f.ann.id(), TaskKind.CALL, f.today(), f.today().plusDays(1),
                Role.FRONT_DESK, null, "x", false))).hasMessageContaining("earliest");
        assertThatThrownBy(() -> tasks.createTask(new NewTask(f.ann.id(), TaskKind.CALL, f.today(), null,
                null, null, "x", false))).hasMessageContaining("role or a person");
        FollowUpTask a = manual(f.ann.id(), TaskKind.CALL, f.today(), "One");
        FollowUpTask b = manual(f.ann.id(), TaskKind.CALL, f.today(), "Two");
        assertThat(a.sourceKey()).startsWith("manual:").isNotEqualTo(b.sourceKey());
        assertThat(a.source()).isEqualTo(TaskSource.MANUAL);
        assertThat(AuditLog.last(f.clinic.db).summary()).contains("Two");
    }
}
