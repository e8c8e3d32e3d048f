package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.needlepoint.common.ValidationException;

class HoursFormTest {
    @Test
    void timesAreReadAsStaffTypeThem() {
        assertThat(HoursForm.parse("9")).isEqualTo(LocalTime.of(9, 0));
        assertThat(HoursForm.parse(" 9:30 ")).isEqualTo(LocalTime.of(9, 30));
        assertThat(HoursForm.parse("17.45")).isEqualTo(LocalTime.of(17, 45));
        assertThat(HoursForm.parse("930")).isEqualTo(LocalTime.of(9, 30));
        assertThat(HoursForm.parse("25:00")).isNull();
        assertThat(HoursForm.parse("nine")).isNull();
        assertThat(HoursForm.parse("")).isNull();
    }

    @Test
    void anInjectorsRowsOnTheClinicsHoursAreLeftOutAndBadTimesAreNamedByField() {
        List<HoursForm.Row> rows = List.of(
                new HoursForm.Row(DayOfWeek.MONDAY, HoursForm.Choice.CLINIC, "", ""),
                new HoursForm.Row(DayOfWeek.TUESDAY, HoursForm.Choice.CLOSED, "", ""),
                new HoursForm.Row(DayOfWeek.WEDNESDAY, HoursForm.Choice.HOURS, "10", "14:30"));
        assertThat(HoursForm.injectorDays(rows, "injector")).containsExactly(DayHours.closed(DayOfWeek.TUESDAY),
                new DayHours(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), LocalTime.of(14, 30)));

        assertThatThrownBy(() -> HoursForm.clinicWeek(List.of(new HoursForm.Row(DayOfWeek.MONDAY, HoursForm.Choice.HOURS,
                "x", "9"), new HoursForm.Row(DayOfWeek.FRIDAY, HoursForm.Choice.HOURS, "18", "9")), "opening"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("openingFromMONDAY", "Type when Monday starts, e.g. 09:00.")
                        .containsEntry("openingToFRIDAY", "Friday must end after it starts."));
    }

    @Test
    void rowsShowTheSavedHours() {
        List<HoursForm.Row> rows = HoursForm.rows(List.of(new DayHours(DayOfWeek.FRIDAY, LocalTime.of(10, 0),
                LocalTime.of(14, 0))), true);
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).choice()).isEqualTo(HoursForm.Choice.CLINIC);
        assertThat(rows.get(4)).isEqualTo(new HoursForm.Row(DayOfWeek.FRIDAY, HoursForm.Choice.HOURS, "10:00", "14:00"));
        assertThat(HoursForm.lateCancelHours(" 24 ")).isEqualTo(24);
        assertThatThrownBy(() -> HoursForm.lateCancelHours("a day")).isInstanceOf(ValidationException.class);
    }
}
