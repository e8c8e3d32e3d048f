package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.ChartRules;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.ScreeningItem;
import org.needlepoint.chart.Technique;
import org.needlepoint.inventory.PackUnit;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;

/** The check-in screen's state and words, without a window. */
class CheckInModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Product DYSPORT = new Product(1, "Dysport 300 U", "Dysport", ProductKind.TOXIN, Unit.U,
            new BigDecimal("300"), PackUnit.U, "0.9% saline", new BigDecimal("2.5"), 4, null, new BigDecimal("5"),
            new BigDecimal("40"), new BigDecimal("300"), new BigDecimal("10"), Depth.INTRAMUSCULAR, Technique.NEEDLE_BOLUS,
            true, true, "#2E86C1", 2, List.of(), true, 0);

    private static CheckInSheet sheet(ConsentCoverage consents) {
        PatientDetails d = new PatientDetails("Bea", "May", "Jones", "Bee", LocalDate.parse("1979-06-02"), Sex.FEMALE,
                "(555) 010-9876", null, "bea@example.com", null, null, null, null, null, null, null, "Cow's milk", null,
                null, Pregnancy.NO, false, false, null, null, "Evolus Rewards", "EV-1234");
        Patient p = new Patient(7, 1002, d, 3, Instant.EPOCH, Instant.EPOCH);
        Appointment a = new Appointment(11, 7, 1002, "Jones, Bea", 2, "NP Ivy Injector", 1L, "Room 1",
                LocalDateTime.of(TODAY, java.time.LocalTime.of(10, 0)), LocalDateTime.of(TODAY, java.time.LocalTime.of(10, 30)),
                AppointmentKind.TREATMENT, null, List.of(1L), AppointmentStatus.ARRIVED, null, null, false, null, null, null, 5);
        return new CheckInSheet(a, p, List.of(DYSPORT), ChartRules.screening(List.of(DYSPORT), d, List.of()), consents);
    }

    @Test
    void theSheetFillsTheFormAndTheFormCarriesTheVersionsTheTickAndTheAnswers() {
        CheckInModel m = new CheckInModel();
        m.load(sheet(new ConsentCoverage(TODAY, Map.of(), Set.of(ConsentKind.TOXIN))));

        assertThat(m.identityLine(TODAY)).isEqualTo("Bea May Jones (\u201cBee\u201d) \u00b7 born 2 Jun 1979 (47 years) \u00b7 chart 1002");
        assertThat(m.appointmentLine()).isEqualTo("10:00\u201310:30 \u00b7 Treatment with NP Ivy Injector \u00b7 Room 1"
                + " \u00b7 Dysport 300 U");
        assertThat(m.mobilePhoneProperty().get()).isEqualTo("(555) 010-9876");
        assertThat(m.otherPhoneProperty().get()).isEmpty();
        assertThat(m.rewardsMemberProperty().get()).isEqualTo("EV-1234");
        assertThat(m.identityConfirmedProperty().get()).isFalse();

        // the record's cow's-milk allergy comes answered Yes; the rest open until the desk asks
        assertThat(m.screeningSummary()).startsWith((m.screening().size() - 1) + " questions not answered")
                .endsWith("1 Yes for the injector to review.");
        m.toggled(ScreeningItem.PREGNANCY, false, true);
        m.answerRestNo();
        assertThat(m.screeningSummary()).isEqualTo("All answered. 1 Yes for the injector to review.");
        m.toggled(ScreeningItem.PREGNANCY, false, false);
        assertThat(m.screeningSummary()).isEqualTo("1 question not answered: the injector will ask. 1 Yes for the"
                + " injector to review.");

        m.identityConfirmedProperty().set(true);
        m.emailProperty().set("bea.jones@example.com");
        CheckInForm f = m.form();
        assertThat(f.appointmentId()).isEqualTo(11);
        assertThat(f.appointmentVersion()).isEqualTo(5);
        assertThat(f.patientVersion()).isEqualTo(3);
        assertThat(f.identityConfirmed()).isTrue();
        assertThat(f.email()).isEqualTo("bea.jones@example.com");
        assertThat(f.screening()).filteredOn(e -> e.item() == ScreeningItem.COWS_MILK_ALLERGY)
                .extracting(ScreeningEntry::answer).containsExactly(ScreeningAnswer.YES);
        assertThat(f.screening()).filteredOn(e -> e.item() == ScreeningItem.PREGNANCY)
                .extracting(ScreeningEntry::answer).containsExactly(ScreeningAnswer.UNANSWERED);
    }

    @Test
    void eachKindThePlannedProductsNeedShowsItsConsentOrItsAbsence() {
        CheckInModel m = new CheckInModel();
        m.load(sheet(new ConsentCoverage(TODAY, Map.of(), Set.of(ConsentKind.TOXIN))));
        assertThat(m.consentLines()).singleElement().satisfies(l -> {
            assertThat(l.missing()).isTrue();
            assertThat(l.text()).isEqualTo("Botulinum toxin (neuromodulator): no valid consent on file");
        });
        assertThat(m.missingKinds()).containsExactly(ConsentKind.TOXIN);
        assertThat(m.productKinds()).containsExactly(ProductKind.TOXIN);

        SignedConsent signed = new SignedConsent(4, 7, 9, ConsentKind.TOXIN, 2, "Toxin consent",
                Instant.parse("2026-11-21T09:05:00Z"), TODAY, 3, "Dana Desk", null, TODAY.plusYears(1).minusDays(1));
        m.consentsProperty().set(new ConsentCoverage(TODAY, Map.of(ConsentKind.TOXIN, signed), Set.of()));
        assertThat(m.consentLines()).singleElement().satisfies(l -> assertThat(l.text()).isEqualTo(
                "Botulinum toxin (neuromodulator): on file \u00b7 version 2 \u00b7 signed 21 Nov 2026 \u00b7 valid until"
                        + " 20 Nov 2027"));
        assertThat(m.missingKinds()).isEmpty();
    }
}
