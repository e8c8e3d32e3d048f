package org.needlepoint.schedule;

import java.time.Clock;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/**
 * The appointment book's screens: its Admin tab (rooms, opening and working hours, late cancellations),
 * the Today screen's cards of today's appointments and tomorrow's calls, and the Appointments tab of a
 * patient's record.
 */
public final class ScheduleViews {
    private ScheduleViews() {
    }

    public static void register(Screens screens, Background background, AppointmentService appointments, Clock clock) {
        screens.register(ScheduleSettingsController.class, () -> new ScheduleSettingsController(appointments, background))
                .register(TodayAppointmentsCardController.class, () -> new TodayAppointmentsCardController(appointments,
                        background, screens.changes()))
                .register(TomorrowConfirmCardController.class, () -> new TomorrowConfirmCardController(appointments,
                        background, screens.changes(), clock.getZone()))
                .register(PatientAppointmentsController.class, () -> new PatientAppointmentsController(appointments,
                        background, screens.changes()))
                .todayCard(5, TodayAppointmentsCardController.class)
                .todayCard(6, TomorrowConfirmCardController.class)
                .adminTab(35, "appointmentBookTab", "Appointment book", "mdal-event", ScheduleSettingsController.class);
    }
}
