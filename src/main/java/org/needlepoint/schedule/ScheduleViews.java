package org.needlepoint.schedule;

import org.needlepoint.report.ReportService;
import org.needlepoint.security.Session;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/**
 * The schedule feature's screens: the appointment book's Admin tab (rooms, opening and working hours, late
 * cancellations), consent (the consent screen other screens open for a patient, a patient's signed consents, and
 * the Admin tab of consent texts).
 */
public final class ScheduleViews {
    private ScheduleViews() {
    }

    public static void register(Screens screens, Background background, Session session, AppointmentService appointments,
                                ConsentService consents, ReportService reports) {
        screens.register(ScheduleSettingsController.class, () -> new ScheduleSettingsController(appointments, background))
                .adminTab(35, "appointmentBookTab", "Appointment book", "mdal-event", ScheduleSettingsController.class);
        screens.register(ConsentController.class, () -> new ConsentController(consents, session, background))
                .register(ConsentPdfController.class, () -> new ConsentPdfController(reports, background))
                .register(PatientConsentsController.class, () -> new PatientConsentsController(consents, background,
                        screens.changes(), () -> screens.load(ConsentController.class),
                        () -> screens.load(ConsentPdfController.class)))
                .register(ConsentTextsController.class, () -> new ConsentTextsController(consents, background,
                        screens.changes()))
                .adminTab(45, "consentTextsTab", "Consent texts", "mdal-assignment", ConsentTextsController.class);
    }
}
