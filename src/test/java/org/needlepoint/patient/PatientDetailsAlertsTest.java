package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientDetailsAlertsTest {

    private static PatientDetails with(String meds, String conditions, Pregnancy pregnancy, String alerts) {
        return new PatientDetails("Ann", null, "Example", null, java.time.LocalDate.of(1980, 1, 1), Sex.FEMALE,
                "555 010 2345", null, null, null, null, null, null, null, null, null, null, meds, conditions, pregnancy,
                false, false, alerts, null);
    }

    @Test
    void bleedingRiskMedicationsAndScreeningConditionsRaiseAlerts() {
        assertThat(with("Aspirin 81 mg daily", null, Pregnancy.NO, null).alertLines())
                .containsExactly("Bleeding risk: Aspirin 81 mg daily");
        assertThat(with("Fish oil", "Myasthenia gravis", Pregnancy.BREASTFEEDING, "Needle phobia").alertLines())
                .containsExactly("BREASTFEEDING", "Bleeding risk: Fish oil", "Screen before treatment: Myasthenia gravis",
                        "Needle phobia");
    }

    @Test
    void ordinaryHistoryRaisesNoAlert() {
        assertThat(with("Levothyroxine 50 mcg", "Hypothyroidism; also falls asleep easily", Pregnancy.NO, null)
                .alertLines()).isEmpty();
    }
}
