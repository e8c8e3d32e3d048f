package org.needlepoint.chart;

import java.time.Clock;
import org.needlepoint.followup.AdverseEventService;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.report.ReportService;
import org.needlepoint.schedule.ConsentController;
import java.util.function.Supplier;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/**
 * Charting's screens: the injection-site map (with its parts, loaded by fx:include through the same
 * controller factory, and its dialogs), the visit history and the comparison of two visits.
 */
public final class ChartViews {
    private ChartViews() {
    }

    public static void register(Screens screens, Background background, Shell shell, ChartService charts,
                                InventoryService inventory, ReportService reports, AdverseEventService events, Clock clock,
                                Supplier<SaveDialog> saveDialog) {
        screens.register(ChartController.class, () -> new ChartController(charts, clock, reports, background, shell,
                        () -> screens.load(SignDialogController.class), saveDialog))
                // the charting screen's parts (ChartView.fxml includes them) and dialogs
                .register(BrushController.class, () -> new BrushController(charts, background, clock))
                .register(VialsController.class, () -> new VialsController(inventory, charts, background, shell, clock,
                        () -> screens.load(OpenVialDialogController.class),
                        () -> screens.load(VialOverrideDialogController.class)))
                .register(PatternsController.class, () -> new PatternsController(charts, background, shell))
                .register(VisitEventsController.class, () -> new VisitEventsController(events, background, shell))
                .register(SelectionController.class, SelectionController::new)
                .register(SummaryController.class, SummaryController::new)
                .register(ScreeningController.class, () -> new ScreeningController(charts, background, screens.changes(),
                        () -> screens.load(ConsentController.class)))
                .register(AddendaController.class, () -> new AddendaController(charts, background, shell, clock))
                .register(SignDialogController.class, SignDialogController::new)
                .register(OpenVialDialogController.class, OpenVialDialogController::new)
                .register(VialOverrideDialogController.class, VialOverrideDialogController::new)
                .register(VisitHistoryController.class, () -> new VisitHistoryController(charts, background, clock,
                        () -> screens.load(CompareVisitsController.class)))
                .register(CompareVisitsController.class, () -> new CompareVisitsController(charts, background, clock));
    }
}
