package org.needlepoint.followup;

import java.time.Clock;
import java.util.function.Supplier;
import org.needlepoint.chart.ChartService;
import org.needlepoint.patient.PatientService;
import org.needlepoint.report.ReportService;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.security.Session;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/**
 * Side-effect follow-ups' screens: the worklist and a patient's call, the review list, the
 * side-effect form and its parts (points, fields, MedWatch export), safety signals, the urgent
 * banner; its Today card and its Admin tab (rules).
 */
public final class FollowUpViews {
    private FollowUpViews() {
    }

    public static void register(Screens screens, Background background, Shell shell, FollowUpService followUps,
                                AdverseEventService events, PatientService patients, ChartService charts,
                                ReportService reports, Session session, Supplier<SaveDialog> saveDialog, Clock clock,
                                TaskBookingService bookings, AppointmentService appointments) {
        screens.register(FollowUpsController.class, () -> new FollowUpsController(session.require()))
                .register(WorklistController.class, () -> new WorklistController(followUps, background, session.require(),
                        shell, clock.getZone(), screens.changes()))
                .register(PatientCallController.class, () -> new PatientCallController(patients, events, background, clock))
                .register(ReviewController.class, () -> new ReviewController(events, background, shell, clock,
                        screens.changes()))
                .register(TaskBookController.class, () -> new TaskBookController(bookings, appointments, background))
                .register(TaskActionController.class, () -> new TaskActionController(followUps, background,
                        session.require()))
                .register(UrgentBannerController.class, () -> new UrgentBannerController(events, background,
                        session.require(), clock, shell::followUpsChanged, screens.changes()))
                .register(FollowUpsCardController.class, () -> new FollowUpsCardController(followUps, background,
                        session.require(), shell::showFollowUps, screens.changes()))
                .register(PatientFollowUpsController.class, () -> new PatientFollowUpsController(followUps, events,
                        background, session.require(), clock))
                .register(AdverseEventController.class, () -> new AdverseEventController(events, charts, background,
                        shell, clock))
                .register(AdverseEventPointsController.class, AdverseEventPointsController::new)
                .register(AdverseEventFormController.class, AdverseEventFormController::new)
                .register(MedWatchExportController.class, () -> new MedWatchExportController(reports, background, shell,
                        saveDialog))
                .register(SafetySignalsController.class, () -> new SafetySignalsController(events, followUps, background,
                        shell))
                .register(FollowUpRulesController.class, () -> new FollowUpRulesController(followUps, background))
                .todayCard(9, FollowUpsCardController.class)
                .adminTab(30, "followUpRulesTab", "Follow-up rules", "mdal-event_note", FollowUpRulesController.class);
    }
}
