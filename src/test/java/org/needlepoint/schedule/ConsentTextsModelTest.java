package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validity field as reads come in: another PC's change reloads it, but never over the admin's typing. */
class ConsentTextsModelTest {
    @Test
    void aReadShowsTheStoredMonthsUnlessTheAdminTypedOthers() {
        ConsentTextsModel model = new ConsentTextsModel();
        assertThat(model.monthsRead("", 12)).as("the first read fills the empty field").isEqualTo("12");
        assertThat(model.monthsRead("12", 24)).as("untouched: another PC's change shows").isEqualTo("24");
        assertThat(model.monthsRead("18", 24)).as("typed meanwhile: kept").isEqualTo("18");
        assertThat(model.monthsRead(" 24 ", 24)).as("typed what is stored: read again").isEqualTo("24");
        model.monthsSaved(18);
        assertThat(model.monthsRead("18", 6)).as("after saving 18, the field is as read: a change elsewhere shows")
                .isEqualTo("6");
    }
}
