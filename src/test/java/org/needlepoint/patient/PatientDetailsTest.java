package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatientDetailsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static PatientDetails with(String first, String last, LocalDate birth, String mobile, String other, String email) {
        return new PatientDetails(first, null, last, null, birth, Sex.FEMALE, mobile, other, email,
                null, null, null, null, null, null, null, null, null, null, Pregnancy.NO, false, false, null, null);
    }

    private static PatientDetails valid() {
        return with("Ann", "Smith", LocalDate.of(1985, 3, 14), "(555) 010-2345", null, "ann.smith@example.com");
    }

    @Test
    void aCompleteRecordHasNoProblems() {
        assertThat(valid().problems(TODAY)).isEmpty();
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        PatientDetails d = with("Ann", "Smith", TODAY.plusDays(1), "(555) 010-2345", null, null);
        assertThat(d.problems(TODAY)).containsOnlyKeys("birthDate");
        assertThat(d.problems(TODAY).get("birthDate")).contains("in the future");
        assertThat(with("Ann", "Smith", TODAY, "(555) 010-2345", null, null).problems(TODAY))
                .as("born today is possible").isEmpty();
    }

    @Test
    void aBirthDateMoreThan120YearsAgoIsRefused() {
        PatientDetails tooOld = with("Ann", "Smith", TODAY.minusYears(120).minusDays(1), "(555) 010-2345", null, null);
        assertThat(tooOld.problems(TODAY)).containsOnlyKeys("birthDate");
        assertThat(tooOld.problems(TODAY).get("birthDate")).contains("more than 120 years");
        assertThat(with("Ann", "Smith", TODAY.minusYears(120), "(555) 010-2345", null, null).problems(TODAY))
                .as("exactly 120 is allowed").isEmpty();
    }

    @Test
    void aMissingBirthDateIsRefused() {
        assertThat(with("Ann", "Smith", null, "(555) 010-2345", null, null).problems(TODAY)).containsOnlyKeys("birthDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann", "ann@", "@example.com", "ann@example", "ann smith@example.com", "ann@@example.com",
        "ann@example.c"})
    void aMalformedEmailIsRefused(String email) {
        PatientDetails d = with("Ann", "Smith", LocalDate.of(1985, 3, 14), "(555) 010-2345", null, email);
        assertThat(d.problems(TODAY)).containsOnlyKeys("email");
        assertThat(d.problems(TODAY).get("email")).contains("not an email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "ann.smith+botox@clinic.example.co.uk", "  ann@example.org  "})
    void aWellFormedEmailIsAccepted(String email) {
        assertThat(with("Ann", "Smith", LocalDate.of(1985, 3, 14), "(555) 010-2345", null, email).problems(TODAY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "555-CALL-ANN", "12345", "1234567890123456", "555 010 2345 #3"})
    void aMalformedPhoneIsRefused(String phone) {
        PatientDetails d = with("Ann", "Smith", LocalDate.of(1985, 3, 14), phone, null, null);
        assertThat(d.problems(TODAY)).containsOnlyKeys("mobilePhone");
        assertThat(d.problems(TODAY).get("mobilePhone")).startsWith("Not a phone number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(555) 010-2345", "555.010.2345", "+1 555 010 2345", "5550102", "+44 20 7946 0958"})
    void commonPhoneFormatsAreAccepted(String phone) {
        assertThat(with("Ann", "Smith", LocalDate.of(1985, 3, 14), phone, null, null).problems(TODAY)).isEmpty();
    }

    @Test
    void aMalformedOtherPhoneIsReportedOnItsOwnField() {
        PatientDetails d = with("Ann", "Smith", LocalDate.of(1985, 3, 14), "(555) 010-2345", "nope", null);
        assertThat(d.problems(TODAY)).containsOnlyKeys("otherPhone");
    }

    @Test
    void missingNamesAreRefusedEachOnItsField() {
        PatientDetails d = with("  ", null, LocalDate.of(1985, 3, 14), "(555) 010-2345", null, null);
        assertThat(d.problems(TODAY)).containsOnlyKeys("firstName", "lastName");
        assertThat(d.problems(TODAY).get("firstName")).contains("first name");
        assertThat(d.problems(TODAY).get("lastName")).contains("last name");
    }

    @Test
    void atLeastOnePhoneIsNeeded() {
        PatientDetails none = with("Ann", "Smith", LocalDate.of(1985, 3, 14), " ", null, null);
        assertThat(none.problems(TODAY)).containsOnlyKeys("mobilePhone");
        assertThat(none.problems(TODAY).get("mobilePhone")).contains("at least one phone");
        assertThat(with("Ann", "Smith", LocalDate.of(1985, 3, 14), null, "555 010 2345", null).problems(TODAY))
                .as("the other phone is enough").isEmpty();
    }

    @Test
    void blankTextIsStoredAsNothingAndTrimmed() {
        PatientDetails d = new PatientDetails(" Ann ", "  ", "Smith", "", LocalDate.of(1985, 3, 14), Sex.FEMALE,
                " 555 010 2345 ", null, "\t", null, null, null, null, null, null, null, " ", null, null, null,
                false, false, null, null);
        assertThat(d.firstName()).isEqualTo("Ann");
        assertThat(d.middleName()).isNull();
        assertThat(d.preferredName()).isNull();
        assertThat(d.mobilePhone()).isEqualTo("555 010 2345");
        assertThat(d.email()).isNull();
        assertThat(d.allergies()).isNull();
        assertThat(d.pregnancy()).isEqualTo(Pregnancy.UNKNOWN);
    }

    @Test
    void tooLongTextIsRefused() {
        PatientDetails d = with("A".repeat(101), "Smith", LocalDate.of(1985, 3, 14), "555 010 2345", null, null);
        assertThat(d.problems(TODAY)).containsOnlyKeys("firstName");
        assertThat(d.problems(TODAY).get("firstName")).contains("at most 100");
    }
}
