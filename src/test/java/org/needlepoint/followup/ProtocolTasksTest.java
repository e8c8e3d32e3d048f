package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.PackUnit;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.StockedClinic;

/** Tasks created by the protocol rules: their due dates, and that nothing is ever created twice. */
class ProtocolTasksTest {
    @TempDir
    Path dir;
    FollowUpFixture f;

    @BeforeEach
    void open() {
        f = new FollowUpFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<FollowUpTask> open(List<FollowUpTask> tasks) {
        return tasks.stream().filter(FollowUpTask::open).toList();
    }

    /** The open nodule checks (the course's end also brings the touch-up call, tested on its own). */
    private List<FollowUpTask> openChecks(List<FollowUpTask> tasks) {
        return open(tasks).stream().filter(t -> t.ruleCode() != null && t.ruleCode().startsWith("SCULPTRA_NODULE")).toList();
    }

    private long taskRows() {
        return f.clinic.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM followup_task"));
    }

    @Test
    void aToxinTreatmentGetsAReviewAt14DaysAndAReminderAt3MonthsNeverBefore90Days() {
        LocalDate day = f.today(); // 2026-11-21
        VisitChart v = f.signed(f.ann, f.glabella());

        List<FollowUpTask> tasks = f.tasks(f.ann);
        assertThat(tasks).hasSize(2);
        FollowUpTask review = tasks.stream().filter(t -> "TOXIN_REVIEW".equals(t.ruleCode())).findFirst().orElseThrow();
        assertThat(review.kind()).isEqualTo(TaskKind.REVIEW);
        assertThat(review.due()).isEqualTo(day.plusDays(14)).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(review.earliest()).isNull();
        assertThat(review.clinical()).isTrue();
        assertThat(review.assigneeRole()).isEqualTo(Role.FRONT_DESK);
        assertThat(review.source()).isEqualTo(TaskSource.VISIT);
        assertThat(review.visitId()).isEqualTo(v.visit().id());
        assertThat(review.sourceKey()).isEqualTo("visit:" + v.visit().id() + ":TOXIN_REVIEW");
        assertThat(review.reason()).contains("Dysport 300 U").contains("21 Nov 2026");

        FollowUpTask reminder = tasks.stream().filter(t -> "TOXIN_RETREAT".equals(t.ruleCode())).findFirst().orElseThrow();
        assertThat(reminder.kind()).isEqualTo(TaskKind.CALL);
        // 3 months after 21 Nov 2026 is 21 Feb 2027 = 92 days: after the 90-day label minimum
        assertThat(reminder.due()).isEqualTo(LocalDate.parse("2027-02-21"));
        assertThat(reminder.earliest()).isEqualTo(day.plusDays(90)).isEqualTo(LocalDate.parse("2027-02-19"));
        assertThat(reminder.clinical()).isFalse();
        assertThat(reminder.reason()).contains("not before 19 Feb 2027");

        assertThat(AuditLog.withAction(f.clinic.db, Audit.CREATE)).filteredOn(e -> "followup_task".equals(e.recordType()))
                .hasSize(2).allSatisfy(e -> assertThat(e.patientId()).isEqualTo(f.ann.id()));
    }

    @Test
    void whenThreeMonthsIsShorterThan90DaysTheReminderIsDueOnTheLabelMinimum() {
        f.days(72); // 1 Feb 2027: three months later is 1 May 2027, only 89 days
        f.signed(f.ann, f.glabella());
        FollowUpTask reminder = f.tasks(f.ann).stream().filter(t -> "TOXIN_RETREAT".equals(t.ruleCode())).findFirst()
                .orElseThrow();
        assertThat(reminder.due()).isEqualTo(LocalDate.parse("2027-05-02")).isEqualTo(LocalDate.parse("2027-02-01").plusDays(90));
        assertThat(reminder.earliest()).isEqualTo(reminder.due());
    }

    @Test
    void signingDoesNotRepeatTasksAndAListenerRunTwiceCreatesNothingNew() throws Exception {
        VisitChart v = f.signed(f.ann, f.glabella());
        assertThat(taskRows()).isEqualTo(2);

        // signing again is refused (the chart is read-only), and creates nothing
        assertThatThrownBy(() -> f.charts.sign(v.visit().id(), v.visit().version(), FollowUpFixture.PASSWORD))
                .hasMessageContaining("signed");
        assertThat(taskRows()).isEqualTo(2);

        // the listener run again inside a transaction (a re-run after a crash, say): nothing new
        User injector = f.clinic.services.session().require();
        FollowUpPlanner planner = new FollowUpPlanner(new FollowUpStore(), f.clinic.services.audit(), f.clinic.clock);
        f.clinic.db.tx(c -> {
            VisitChart chart = new ChartStore().chart(c, v.visit().id()).orElseThrow();
            planner.signed(c, chart, chart.points(), injector);
            planner.signed(c, chart, chart.points(), injector);
            return null;
        });
        assertThat(taskRows()).isEqualTo(2);

        // an addendum with more toxin points on the same visit: still the same two tasks
        f.charts.addAddendum(v.visit().id(), "Touch-up of the procerus the same day.",
                List.of(FollowUpFixture.pt("g6", Region.PROCERUS, Side.MIDLINE,
                        f.dysport, f.dysportLot, "5", Depth.INTRAMUSCULAR)));
        assertThat(taskRows()).isEqualTo(2);
    }

    @Test
    void anAddendumAddingAToxinToASculptraVisitAddsTheToxinTasks() {
        VisitChart v = f.signed(f.ann, f.sculptraSession());
        assertThat(f.tasks(f.ann)).extracting(FollowUpTask::ruleCode).containsExactly("SCULPTRA_NEXT");
        f.days(2);
        f.charts.addAddendum(v.visit().id(), null, List.of(FollowUpFixture.pt("g9", Region.PROCERUS,
                Side.MIDLINE, f.dysport, f.dysportLot, "10", Depth.INTRAMUSCULAR)));
        // counted from the visit's day, not the addendum's
        assertThat(f.tasks(f.ann)).filteredOn(t -> "TOXIN_REVIEW".equals(t.ruleCode())).singleElement()
                .satisfies(t -> assertThat(t.due()).isEqualTo(LocalDate.parse("2026-12-05")));
    }

    @Test
    void aNewToxinTreatmentCompletesTheEarlierReminder() {
        f.signed(f.ann, f.glabella());
        f.days(95);
        VisitChart second = f.signed(f.ann, f.glabella());

        List<FollowUpTask> tasks = f.tasks(f.ann);
        FollowUpTask firstReminder = tasks.stream().filter(t -> "TOXIN_RETREAT".equals(t.ruleCode())
                && t.visitId() != second.visit().id()).findFirst().orElseThrow();
        assertThat(firstReminder.status()).isEqualTo(TaskStatus.DONE);
        assertThat(firstReminder.closeNote()).startsWith("Re-treated on 24 Feb 2027");
        assertThat(open(tasks)).extracting(FollowUpTask::ruleCode).contains("TOXIN_RETREAT", "TOXIN_REVIEW");
        assertThat(open(tasks)).filteredOn(t -> "TOXIN_RETREAT".equals(t.ruleCode())).singleElement()
                .satisfies(t -> assertThat(t.visitId()).isEqualTo(second.visit().id()));
    }

    @Test
    void aSculptraCourseOfThreeThenNoduleChecksAt3_6_12MonthsAfterTheLastSession() {
        VisitChart s1 = f.signed(f.ann, f.sculptraSession()); // 21 Nov 2026
        List<FollowUpTask> afterOne = f.tasks(f.ann);
        assertThat(afterOne).singleElement().satisfies(t -> {
            assertThat(t.ruleCode()).isEqualTo("SCULPTRA_NEXT");
            assertThat(t.kind()).isEqualTo(TaskKind.VISIT);
            assertThat(t.due()).isEqualTo(LocalDate.parse("2027-01-02")); // 6 weeks
            assertThat(t.earliest()).isEqualTo(LocalDate.parse("2026-12-19")); // 4 weeks
            assertThat(t.reason()).contains("session 1 of 3");
        });

        f.days(42);
        VisitChart s2 = f.signed(f.ann, f.sculptraSession()); // 2 Jan 2027
        f.days(42);
        VisitChart s3 = f.signed(f.ann, f.sculptraSession()); // 13 Feb 2027

        List<FollowUpTask> tasks = f.tasks(f.ann);
        assertThat(tasks).filteredOn(t -> "SCULPTRA_NEXT".equals(t.ruleCode())).hasSize(2)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.DONE));
        assertThat(tasks).filteredOn(t -> "SCULPTRA_NEXT".equals(t.ruleCode()) && t.visitId() == s2.visit().id())
                .singleElement().satisfies(t -> assertThat(t.reason()).contains("session 2 of 3"));
        List<FollowUpTask> checks = openChecks(tasks);
        assertThat(checks).extracting(FollowUpTask::ruleCode)
                .containsExactly("SCULPTRA_NODULE_3M", "SCULPTRA_NODULE_6M", "SCULPTRA_NODULE_12M");
        assertThat(checks).extracting(FollowUpTask::due).containsExactly(LocalDate.parse("2027-05-13"),
                LocalDate.parse("2027-08-13"), LocalDate.parse("2028-02-13"));
        assertThat(checks).allSatisfy(t -> {
            assertThat(t.visitId()).isEqualTo(s3.visit().id());
            assertThat(t.kind()).isEqualTo(TaskKind.REVIEW);
            assertThat(t.clinical()).isTrue();
        });
        assertThat(tasks).noneMatch(t -> t.visitId() != null && t.visitId() == s1.visit().id() && t.open());
    }

    @Test
    void theTouchUpCallIsDueAboutTwoYearsAfterTheLastSessionOfTheCourse() {
        f.signed(f.ann, f.sculptraSession()); // 21 Nov 2026
        f.days(42);
        f.signed(f.ann, f.sculptraSession());
        f.days(42);
        VisitChart last = f.signed(f.ann, f.sculptraSession()); // 13 Feb 2027, the course's last
        FollowUpTask touchUp = open(f.tasks(f.ann)).stream().filter(t -> "SCULPTRA_TOUCH_UP".equals(t.ruleCode()))
                .findFirst().orElseThrow();
        assertThat(touchUp.due()).isEqualTo(LocalDate.parse("2029-02-13"));
        assertThat(touchUp.kind()).isEqualTo(TaskKind.CALL);
        assertThat(touchUp.visitId()).isEqualTo(last.visit().id());
        assertThat(touchUp.reason()).contains("touch-up", "session 3 of 3");
        assertThat(TaskBookingService.kindFor(touchUp)).as("booked as a treatment")
                .isEqualTo(org.needlepoint.schedule.AppointmentKind.TREATMENT);

        // a fourth session of the same course moves it: two years from that one
        f.days(42);
        VisitChart fourth = f.signed(f.ann, f.sculptraSession()); // 27 Mar 2027
        assertThat(open(f.tasks(f.ann))).filteredOn(t -> "SCULPTRA_TOUCH_UP".equals(t.ruleCode())).singleElement()
                .satisfies(t -> {
                    assertThat(t.visitId()).isEqualTo(fourth.visit().id());
                    assertThat(t.due()).isEqualTo(LocalDate.parse("2029-03-27"));
                });
    }

    @Test
    void aFourthSessionMovesTheChecksAndAGapOfMoreThanAYearStartsANewCourse() {
        f.signed(f.ann, f.sculptraSession());
        f.days(42);
        f.signed(f.ann, f.sculptraSession());
        f.days(42);
        VisitChart third = f.signed(f.ann, f.sculptraSession());
        f.days(42);
        VisitChart fourth = f.signed(f.ann, f.sculptraSession()); // 27 Mar 2027

        List<FollowUpTask> tasks = f.tasks(f.ann);
        assertThat(tasks).filteredOn(t -> t.visitId() == third.visit().id() && t.ruleCode().startsWith("SCULPTRA_NODULE"))
                .hasSize(3).allSatisfy(t -> {
                    assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED);
                    assertThat(t.closeNote()).startsWith("Superseded");
                });
        assertThat(open(tasks)).extracting(FollowUpTask::visitId).containsOnly(fourth.visit().id());
        assertThat(openChecks(tasks)).extracting(FollowUpTask::due).containsExactly(LocalDate.parse("2027-06-27"),
                LocalDate.parse("2027-09-27"), LocalDate.parse("2028-03-27"));

        // more than a year later: session 1 of a new course
        f.days(367);
        VisitChart next = f.signed(f.ann, f.sculptraSession());
        assertThat(f.tasks(f.ann)).filteredOn(t -> t.visitId() == next.visit().id()).singleElement()
                .satisfies(t -> {
                    assertThat(t.ruleCode()).isEqualTo("SCULPTRA_NEXT");
                    assertThat(t.reason()).contains("session 1 of 3");
                });
    }

    @Test
    void withinAYearTheCourseGoesOn() {
        f.signed(f.ann, f.sculptraSession());
        f.days(365);
        VisitChart second = f.signed(f.ann, f.sculptraSession());
        assertThat(f.tasks(f.ann)).filteredOn(t -> t.visitId() == second.visit().id()).singleElement()
                .satisfies(t -> assertThat(t.reason()).contains("session 2 of 3"));
    }

    /** A deoxycholic acid product of the clinic's own (none ships), its long-dated lot, and a session's grid of 0.2 mL points. */
    private List<InjectionPoint> deoxycholicSession() {
        f.clinic.signIn("admin");
        Product product = f.clinic.services.inventory().products().stream()
                .filter(p -> p.kind() == ProductKind.DEOXYCHOLIC).findFirst()
                .orElseGet(() -> f.clinic.services.inventory().createProduct(new Product(0,
                        "Submenta 2 mL", "Submenta", ProductKind.DEOXYCHOLIC,
                        Unit.ML, new BigDecimal("2"),
                        PackUnit.ML, null, null, null, null, null, null, null, false, false,
                        null, 0, List.of(), true, 0)));
        f.clinic.signIn("injector");
        Lot lot = f.clinic.services.inventory().lots(product.id()).stream().findFirst()
                .orElseGet(() -> f.clinic.receive(product, "SM2A", f.today().plusYears(3), 10));
        return List.of(
                StockedClinic.pt("d1", Region.CHIN, Side.MIDLINE, product, lot,
                        "0.2", Depth.SUBCUTANEOUS),
                StockedClinic.pt("d2", Region.CHIN, Side.RIGHT, product, lot,
                        "0.2", Depth.SUBCUTANEOUS));
    }

    @Test
    void eachDeoxycholicSessionSuggestsTheNextAMonthOnUntilTheSixth() {
        VisitChart first = f.signed(f.ann, deoxycholicSession()); // 21 Nov 2026
        assertThat(f.tasks(f.ann)).singleElement().satisfies(t -> {
            assertThat(t.ruleCode()).isEqualTo("DEOXYCHOLIC_NEXT");
            assertThat(t.kind()).isEqualTo(TaskKind.VISIT);
            assertThat(t.visitId()).isEqualTo(first.visit().id());
            assertThat(t.due()).isEqualTo(LocalDate.parse("2027-01-02")); // 6 weeks
            assertThat(t.earliest()).isEqualTo(LocalDate.parse("2026-12-19")); // at least a month apart
            assertThat(t.reason()).contains("session 1 of up to 6");
        });
        for (int session = 2; session <= 6; session++) {
            f.days(42);
            f.signed(f.ann, deoxycholicSession());
            List<FollowUpTask> next = open(f.tasks(f.ann)).stream().filter(t -> "DEOXYCHOLIC_NEXT".equals(t.ruleCode())).toList();
            if (session < 6) {
                int n = session;
                assertThat(next).as("after session %d", n).singleElement()
                        .satisfies(t -> assertThat(t.reason()).contains("session " + n + " of up to 6"));
            } else {
                assertThat(next).as("the sixth session completes the course").isEmpty();
            }
        }
        assertThat(f.tasks(f.ann)).filteredOn(t -> "DEOXYCHOLIC_NEXT".equals(t.ruleCode())).hasSize(5)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.DONE));
    }

    @Test
    void aDeoxycholicCourseIsAtMostTheLabelsSixSessions() {
        f.clinic.signIn("admin");
        FollowUpRule next = f.followUps.rules().stream().filter(r -> r.code().equals("DEOXYCHOLIC_NEXT")).findFirst()
                .orElseThrow();
        assertThat(next.trigger()).isEqualTo(RuleTrigger.DEOXYCHOLIC_SESSION);
        assertThat(next.courseSessions()).isEqualTo(6);
        assertThatThrownBy(() -> f.followUps.updateRule(next.with(next.name(), next.kind(), next.offsetAmount(),
                next.offsetUnit(), next.minDays(), 7, next.assigneeRole(), next.clinical(), true)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("courseSessions"));
        f.followUps.updateRule(next.with(next.name(), next.kind(), next.offsetAmount(), next.offsetUnit(), next.minDays(),
                2, next.assigneeRole(), next.clinical(), true));
        f.clinic.signIn("injector");
        f.signed(f.ann, deoxycholicSession());
        f.days(42);
        f.signed(f.ann, deoxycholicSession());
        assertThat(open(f.tasks(f.ann))).noneMatch(t -> "DEOXYCHOLIC_NEXT".equals(t.ruleCode()));
    }

    @Test
    void theCourseSizeIsTheRulesSetting() {
        f.clinic.signIn("admin");
        FollowUpRule next = f.followUps.rules().stream().filter(r -> r.code().equals("SCULPTRA_NEXT")).findFirst().orElseThrow();
        f.followUps.updateRule(next.with(next.name(), next.kind(), next.offsetAmount(), next.offsetUnit(), next.minDays(),
                2, next.assigneeRole(), next.clinical(), true));
        f.clinic.signIn("injector");
        f.signed(f.ann, f.sculptraSession());
        f.days(42);
        f.signed(f.ann, f.sculptraSession());
        assertThat(openChecks(f.tasks(f.ann))).extracting(FollowUpTask::ruleCode)
                .containsExactly("SCULPTRA_NODULE_3M", "SCULPTRA_NODULE_6M", "SCULPTRA_NODULE_12M");
    }

    @Test
    void aDisabledRuleCreatesNothingAndAFillerAlone() {
        f.clinic.signIn("admin");
        FollowUpRule review = f.followUps.rules().stream().filter(r -> r.code().equals("TOXIN_REVIEW")).findFirst().orElseThrow();
        FollowUpRule off = f.followUps.setRuleEnabled(review.id(), review.version(), false);
        assertThat(off.enabled()).isFalse();
        f.clinic.signIn("injector");
        f.signed(f.ann, f.glabella());
        assertThat(f.tasks(f.ann)).extracting(FollowUpTask::ruleCode).containsExactly("TOXIN_RETREAT");

        f.signed(f.bea, f.fillerPoints());
        assertThat(f.tasks(f.bea)).isEmpty();
    }

    @Test
    void signingSeveralDraftsAtOnceCreatesEachVisitsTasks() {
        VisitChart a = f.charts.startVisit(f.ann.id());
        VisitChart b = f.charts.startVisit(f.bea.id());
        var da = f.charts.saveDraft(a.visit(), ready(a, f.glabella()));
        var db = f.charts.saveDraft(b.visit(), ready(b, f.sculptraSession()));
        f.charts.signDrafts(List.of(da.visit(), db.visit()), FollowUpFixture.PASSWORD);
        assertThat(f.tasks(f.ann)).hasSize(2);
        assertThat(f.tasks(f.bea)).hasSize(1);
    }

    private org.needlepoint.chart.ChartDraft ready(VisitChart chart, List<InjectionPoint> points) {
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        var checklist = f.charts.screening(chart.visit().patientId(), productIds, chart.screening()).stream()
                .map(e -> e.answer() == org.needlepoint.chart.ScreeningAnswer.UNANSWERED
                        ? e.answered(org.needlepoint.chart.ScreeningAnswer.NO, null) : e).toList();
        return new org.needlepoint.chart.ChartDraft(null, points, checklist, true, false);
    }
}
