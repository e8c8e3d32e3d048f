package org.needlepoint.schedule;

import java.time.Clock;
import java.util.function.Supplier;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.patient.PatientService;
import org.needlepoint.report.ReportService;
import org.needlepoint.security.Session;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.PagePrinter;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/**
 * The schedule feature's screens: the appointment book (the window's Book section) and its Admin tab (rooms,
 * opening and working hours, late cancellations), the check-in screen both the book and Today's appointments open,
 * the Today screen's cards of today's appointments, tomorrow's calls and the injector's "My patients today", the Appointments tab of a patient's record; consent: the consent screen other screens open
 * for a patient, a patient's signed consents, and the Admin tab of consent texts.
 */
public final class ScheduleViews {
    private ScheduleViews() {
    }

    public static void register(Screens screens, Background background, Session session, Shell shell,
                                AppointmentService appointments, CheckInService checkIns, PatientService patients,
                                InventoryService inventory, ConsentService consents, ReportService reports, Clock clock,
                                Supplier<PagePrinter> printer, Supplier<SaveDialog> saveDialog) {
        screens.register(BookController.class, () -> new BookController(appointments, patients, inventory, background,
                screens.changes(), () -> screens.load(CheckInController.class), shell::checkout));
        screens.register(CheckInController.class, () -> new CheckInController(checkIns, consents, background,
                        () -> screens.load(ConsentController.class), clock.getZone()))
                .register(MyPatientsCardController.class, () -> new MyPatientsCardController(checkIns, session, background,
                        screens.changes(), shell, clock.getZone()))
                .todayCard(3, MyPatientsCardController.class);
        screens.register(ScheduleSettingsController.class, () -> new ScheduleSettingsController(appointments, background))
                .register(TodayAppointmentsCardController.class, () -> new TodayAppointmentsCardController(appointments,
                        background, screens.changes(), () -> screens.load(CheckInController.class), clock.getZone()))
                .register(TomorrowConfirmCardController.class, () -> new TomorrowConfirmCardController(appointments,
                        background, screens.changes(), clock.getZone()))
                .register(PatientAppointmentsController.class, () -> new PatientAppointmentsController(appointments,
                        background, screens.changes()))
                .todayCard(5, TodayAppointmentsCardController.class)
                .todayCard(6, TomorrowConfirmCardController.class)
                .adminTab(35, "appointmentBookTab", "Appointments", "mdal-event", ScheduleSettingsController.class);
        screens.register(ConsentController.class, () -> new ConsentController(consents, session, background))
                .register(ConsentPdfController.class, () -> new ConsentPdfController(reports, background, printer, saveDialog))
                .register(PatientConsentsController.class, () -> new PatientConsentsController(consents, background,
                        screens.changes(), () -> screens.load(ConsentController.class),
                        () -> screens.load(ConsentPdfController.class)))
                .register(ConsentTextsController.class, () -> new ConsentTextsController(consents, background,
                        screens.changes()))
                .adminTab(45, "consentTextsTab", "Consents", "mdal-assignment", ConsentTextsController.class);
    }
}
