package org.needlepoint.schedule;

import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/** The appointment book's screens: its Admin tab (rooms, opening and working hours, late cancellations). */
public final class ScheduleViews {
    private ScheduleViews() {
    }

    public static void register(Screens screens, Background background, AppointmentService appointments) {
        screens.register(ScheduleSettingsController.class, () -> new ScheduleSettingsController(appointments, background))
                .adminTab(35, "appointmentBookTab", "Appointment book", "mdal-event", ScheduleSettingsController.class);
    }
}
