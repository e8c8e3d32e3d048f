package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.ScreeningItem;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.chart.VisitStatus;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;

/**
 * Check-in on the test clock's Saturday 21 Nov 2026 09:00: Ann is booked today at 10:00 with Ivy for Dysport; the
 * desk (Dana) checks her in.
 */
class CheckInServiceTest {
    @TempDir
    Path dir;
    TestClinic clinic;
    ScheduleFixture f;
    CheckInService checkIns;
    AppointmentService book;
    Product dysport;
    Appointment ann;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir);
        f = new ScheduleFixture(clinic);
        clinic.signIn("desk");
        book = clinic.services.appointments();
        checkIns = clinic.services.checkIns();
        dysport = clinic.services.charts().catalog().products().stream().filter(p -> p.name().equals("Dysport 300 U"))
                .findFirst().orElseThrow();
        ann = book.book(new AppointmentDraft(f.ann.id(), f.ivy, f.room1.id(), book.today().atTime(10, 0), 30,
                AppointmentKind.TREATMENT, "Glabellar lines", List.of(dysport.id()), null), false);
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    /** The sheet's answers with every open question answered No, and pregnancy answered as given. */
    private static List<ScreeningEntry> answered(CheckInSheet sheet, ScreeningAnswer pregnancy) {
        return sheet.screening().stream().map(e -> e.item() == ScreeningItem.PREGNANCY ? e.answered(pregnancy, null)
                : e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
    }

    private static CheckInForm form(CheckInSheet s, boolean identity, String mobile, String email, String programme,
                                    String member, List<ScreeningEntry> screening) {
        Patient p = s.patient();
        return new CheckInForm(s.appointment(), p.id(), p.version(), identity, mobile,
                p.details().otherPhone(), email, "12 Elm Road", "Springfield", p.details().region(), "12345", programme,
                member, screening);
    }

    private Services elsewhere(String user) {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn(user, TestClinic.PASSWORD.toCharArray());
        return other;
    }

    @Test
    void theSheetHasTheIdentityContactsScreeningForThePlannedProductsAndTheConsentsMissing() {
        CheckInSheet s = checkIns.sheet(ann.id());

        assertThat(s.patient().chartNumber()).isEqualTo(f.ann.chartNumber());
        assertThat(s.patient().details().birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(s.patient().details().mobilePhone()).isEqualTo("(555) 010-2345");
        assertThat(s.products()).extracting(Product::name).containsExactly("Dysport 300 U");
        assertThat(s.screening()).extracting(ScreeningEntry::item).contains(ScreeningItem.PREGNANCY,
                ScreeningItem.NEUROMUSCULAR, ScreeningItem.COWS_MILK_ALLERGY).doesNotContain(ScreeningItem.KELOIDS);
        assertThat(s.consents().missing()).containsExactly(ConsentKind.TOXIN);
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.VIEW);
            assertThat(e.summary()).contains("to check the patient in");
        });
    }

    @Test
    void checkInSavesTheContactsAndOpensTheDraftForTheBookedInjectorWithTheAnswers() {
        CheckInSheet s = checkIns.sheet(ann.id());
        CheckedIn done = checkIns.complete(form(s, true, "(555) 010-9999", "ann@example.com", "Evolus Rewards",
                "EV-123456", answered(s, ScreeningAnswer.YES)));

        Appointment a = done.appointment();
        assertThat(a.status()).isEqualTo(AppointmentStatus.ARRIVED);
        assertThat(a.checkedInAt()).isEqualTo(clinic.clock.instant());
        assertThat(a.visitId()).isEqualTo(done.visit().visit().id());
        assertThat(book.statusLog(a.id())).last().satisfies(l -> {
            assertThat(l.to()).isEqualTo(AppointmentStatus.ARRIVED);
            assertThat(l.byName()).isEqualTo("Dana Desk");
        });
        assertThat(done.consentWarning()).startsWith("Consent missing").contains("Botulinum toxin");

        // the booked injector's draft, not the desk's, with the desk's answers
        Services ivy = elsewhere("injector");
        VisitChart chart = ivy.charts().openVisit(a.visitId());
        assertThat(chart.visit().status()).isEqualTo(VisitStatus.DRAFT);
        assertThat(chart.visit().injectorId()).isEqualTo(f.ivy);
        Map<ScreeningItem, ScreeningAnswer> answers = chart.screening().stream()
                .collect(Collectors.toMap(ScreeningEntry::item, ScreeningEntry::answer));
        assertThat(answers).containsEntry(ScreeningItem.PREGNANCY, ScreeningAnswer.YES)
                .containsEntry(ScreeningItem.COWS_MILK_ALLERGY, ScreeningAnswer.NO);
        assertThat(answers.values()).doesNotContain(ScreeningAnswer.UNANSWERED);
        assertThat(ivy.charts().myDrafts()).extracting(v -> v.id()).containsExactly(a.visitId());
        // the injector's "start a visit" resumes it rather than beginning another
        assertThat(ivy.charts().startVisit(f.ann.id()).visit().id()).isEqualTo(a.visitId());

        Patient saved = ivy.patients().open(f.ann.id());
        assertThat(saved.details().mobilePhone()).isEqualTo("(555) 010-9999");
        assertThat(saved.details().email()).isEqualTo("ann@example.com");
        assertThat(saved.details().addressLine()).isEqualTo("12 Elm Road");
        assertThat(saved.details().rewardsProgramme()).isEqualTo("Evolus Rewards");
        assertThat(saved.details().rewardsMember()).isEqualTo("EV-123456");
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).extracting(e -> e.summary())
                .anyMatch(t -> t.contains("at check-in") && t.contains("rewardsMember"))
                .anyMatch(t -> t.startsWith("checked in chart " + f.ann.chartNumber()));
    }

    @Test
    void theIdentityTickIsRequiredAndNothingIsSaved() {
        CheckInSheet s = checkIns.sheet(ann.id());
        assertThatThrownBy(() -> checkIns.complete(form(s, false, "(555) 010-9999", null, null, null, s.screening())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("identityConfirmed"));
        assertNothingSaved();
    }

    @Test
    void aBadContactIsRefusedAtItsFieldAndNothingIsHalfSaved() {
        CheckInSheet s = checkIns.sheet(ann.id());
        assertThatThrownBy(() -> checkIns.complete(form(s, true, "(555) 010-9999", "not an address", "Evolus Rewards",
                null, answered(s, ScreeningAnswer.NO))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("email", "rewardsMember"));
        assertNothingSaved();
    }

    @Test
    void aConcurrentEditOfThePatientIsAConflictAndNothingIsSaved() {
        CheckInSheet s = checkIns.sheet(ann.id());
        Services other = elsewhere("admin");
        Patient p = other.patients().open(f.ann.id());
        other.patients().update(p, p.details().withRewards("Evolus Rewards", "EV-999999"));

        assertThatThrownBy(() -> checkIns.complete(form(s, true, "(555) 010-9999", null, null, null,
                answered(s, ScreeningAnswer.NO))))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("Alex Admin");
        assertNothingSaved();
        assertThat(other.patients().open(f.ann.id()).details().rewardsMember()).isEqualTo("EV-999999");
    }

    @Test
    void anAppointmentMovedToAnotherInjectorOnAnotherPcMeanwhileIsAConflictAndNothingIsSaved() {
        CheckInSheet s = checkIns.sheet(ann.id());
        Services other = elsewhere("admin");
        other.appointments().move(ann.id(), ann.version(), book.today().atTime(10, 0), 30, f.ian, null, false);

        assertThatThrownBy(() -> checkIns.complete(form(s, true, "(555) 010-9999", null, null, null,
                answered(s, ScreeningAnswer.NO))))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("The appointment's injector or planned treatment was changed by Alex Admin");
        assertThat(book.appointment(ann.id()).injectorId()).isEqualTo(f.ian);
        assertNothingSaved();
    }

    @Test
    void anAppointmentConfirmedAndMarkedArrivedOnAnotherPcMeanwhileIsStillCheckedIn() {
        CheckInSheet s = checkIns.sheet(ann.id());
        Services other = elsewhere("desk");
        Appointment confirmed = other.appointments().changeStatus(ann.id(), ann.version(), AppointmentStatus.CONFIRMED,
                "Confirmed by phone");
        other.appointments().changeStatus(ann.id(), confirmed.version(), AppointmentStatus.ARRIVED, "At the desk");

        CheckedIn done = checkIns.complete(form(s, true, "(555) 010-9999", null, null, null, answered(s, ScreeningAnswer.NO)));

        assertThat(done.appointment().status()).isEqualTo(AppointmentStatus.ARRIVED);
        assertThat(done.appointment().visitId()).isEqualTo(done.visit().visit().id());
        assertThat(done.appointment().checkedInAt()).isNotNull();
        assertThat(elsewhere("admin").patients().open(f.ann.id()).details().mobilePhone()).isEqualTo("(555) 010-9999");
    }

    private void assertNothingSaved() {
        Appointment a = book.appointment(ann.id());
        assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(a.checkedInAt()).isNull();
        assertThat(a.visitId()).isNull();
        assertThat(elsewhere("injector").charts().history(f.ann.id())).isEmpty();
        assertThat(elsewhere("admin").patients().open(f.ann.id()).details().mobilePhone()).isEqualTo("(555) 010-2345");
    }

    @Test
    void onlyTodaysAppointmentsThatAreStillOnAreCheckedIn() {
        Appointment monday = book.book(ScheduleFixture.draft(f.bea, f.ivy, null, ScheduleFixture.monday("10:00"), 30), false);
        assertThatThrownBy(() -> checkIns.sheet(monday.id())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors().get("status")).contains("not today"));
        CheckInSheet s = checkIns.sheet(ann.id());
        book.cancel(ann.id(), ann.version(), "Unwell");
        assertThatThrownBy(() -> checkIns.complete(form(s, true, "(555) 010-2345", null, null, null, s.screening())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors().get("status")).contains("cancelled"));
        assertThat(book.appointment(ann.id()).visitId()).isNull();
        assertThat(elsewhere("injector").charts().history(f.ann.id())).isEmpty();
        assertThatThrownBy(() -> checkIns.sheet(ann.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void checkingInTwiceReusesTheDraftAndMergesTheAnswers() {
        CheckInSheet s = checkIns.sheet(ann.id());
        List<ScreeningEntry> first = s.screening().stream().map(e -> e.item() == ScreeningItem.PREGNANCY
                ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        CheckedIn once = checkIns.complete(form(s, true, "(555) 010-2345", null, null, null, first));

        CheckInSheet again = checkIns.sheet(ann.id());
        assertThat(again.screening()).as("the first check-in's answers come back")
                .anyMatch(e -> e.item() == ScreeningItem.PREGNANCY && e.answer() == ScreeningAnswer.NO);
        List<ScreeningEntry> second = again.screening().stream().map(e -> e.item() == ScreeningItem.COLD_SORES
                ? e.answered(ScreeningAnswer.YES, "Antiviral prescribed") : e).toList();
        CheckedIn twice = checkIns.complete(form(again, true, "(555) 010-2345", null, null, null, second));

        assertThat(twice.visit().visit().id()).isEqualTo(once.visit().visit().id());
        assertThat(twice.appointment().status()).isEqualTo(AppointmentStatus.ARRIVED);
        VisitChart chart = elsewhere("injector").charts().openVisit(twice.visit().visit().id());
        assertThat(chart.screening()).anyMatch(e -> e.item() == ScreeningItem.PREGNANCY && e.answer() == ScreeningAnswer.NO)
                .anyMatch(e -> e.item() == ScreeningItem.COLD_SORES && e.answer() == ScreeningAnswer.YES
                        && "Antiviral prescribed".equals(e.note()));
        assertThat(elsewhere("injector").charts().history(f.ann.id())).hasSize(1);
    }

    @Test
    void theInjectorsOpenDraftOfThePatientIsReusedWithTheDesksAnswersMerged() {
        Services ivy = elsewhere("injector");
        VisitChart open = ivy.charts().startVisit(f.ann.id());
        ivy.charts().saveDraft(open.visit(), org.needlepoint.chart.ChartDraft.of(open).withScreening(open.screening()
                .stream().map(e -> e.item() == ScreeningItem.COLD_SORES ? e.answered(ScreeningAnswer.YES, null) : e)
                .toList()));

        CheckInSheet s = checkIns.sheet(ann.id());
        CheckedIn done = checkIns.complete(form(s, true, "(555) 010-2345", null, null, null,
                s.screening().stream().map(e -> e.item() == ScreeningItem.PREGNANCY ? e.answered(ScreeningAnswer.NO, null)
                        : e).toList()));

        assertThat(done.visit().visit().id()).isEqualTo(open.visit().id());
        assertThat(done.visit().screening())
                .anyMatch(e -> e.item() == ScreeningItem.COLD_SORES && e.answer() == ScreeningAnswer.YES)
                .anyMatch(e -> e.item() == ScreeningItem.PREGNANCY && e.answer() == ScreeningAnswer.NO)
                .anyMatch(e -> e.item() == ScreeningItem.NEUROMUSCULAR);
    }

    @Test
    void myPatientsTodayListsTheInjectorsCheckedInPatientsAndOpeningTheChartStartsTheTreatment() {
        Appointment bea = book.book(new AppointmentDraft(f.bea.id(), f.ivy, null, book.today().atTime(11, 0), 30,
                AppointmentKind.TREATMENT, null, List.of(dysport.id()), null), false);
        book.book(ScheduleFixture.draft(f.cai, f.ian, null, book.today().atTime(10, 0), 30), false);
        Consents.onFile(clinic.services, f.ann.id());
        CheckInSheet s = checkIns.sheet(ann.id());
        checkIns.complete(form(s, true, "(555) 010-2345", null, null, null, answered(s, ScreeningAnswer.NO)));

        Services ivy = elsewhere("injector");
        List<MyPatient> mine = ivy.checkIns().myPatientsToday();
        assertThat(mine).extracting(m -> m.appointment().id()).containsExactly(ann.id(), bea.id());
        assertThat(mine.get(0).checkedIn()).isTrue();
        assertThat(mine.get(0).consents().complete()).isTrue();
        assertThat(mine.get(0).products()).containsExactly("Dysport 300 U");
        assertThat(mine.get(1).checkedIn()).isFalse();
        assertThat(mine.get(1).consents().missing()).containsExactly(ConsentKind.TOXIN);

        assertThatThrownBy(() -> ivy.checkIns().startTreatment(bea.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not checked in");
        Appointment started = ivy.checkIns().startTreatment(ann.id());
        assertThat(started.status()).isEqualTo(AppointmentStatus.IN_TREATMENT);
        assertThat(ivy.checkIns().startTreatment(ann.id()).status()).as("opening again changes nothing")
                .isEqualTo(AppointmentStatus.IN_TREATMENT);
        assertThatThrownBy(() -> checkIns.sheet(ann.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("already in treatment");

        Services ian = elsewhere("injector2");
        assertThat(ian.checkIns().myPatientsToday()).singleElement().satisfies(m ->
                assertThat(m.appointment().patientId()).isEqualTo(f.cai.id()));
        assertThatThrownBy(() -> ian.checkIns().startTreatment(ann.id())).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void theDeskHasNoMyPatientsAndNobodySignedOutChecksAnyoneIn() {
        assertThatThrownBy(() -> checkIns.myPatientsToday()).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("Front desk");
        assertThatThrownBy(() -> checkIns.startTreatment(ann.id())).isInstanceOf(PermissionDeniedException.class);
        CheckInSheet s = checkIns.sheet(ann.id());
        clinic.services.auth().signOut();
        assertThatThrownBy(() -> checkIns.sheet(ann.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> checkIns.complete(form(s, true, "(555) 010-2345", null, null, null, s.screening())))
                .isInstanceOf(PermissionDeniedException.class);
        clinic.signIn("desk");
        assertNothingSaved();
    }
}
