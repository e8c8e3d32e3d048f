package org.needlepoint.chart;

import java.time.Clock;
import org.needlepoint.followup.AdverseEventService;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.report.ReportService;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/** Charting's screens: the injection-site map, the visit history and the comparison of two visits. */
public final class ChartViews {
    private ChartViews() {
    }

    public static void register(Screens screens, Background background, Shell shell, ChartService charts,
                                InventoryService inventory, ReportService reports, AdverseEventService events, Clock clock) {
        screens.register(ChartController.class, () -> new ChartController(charts, inventory, clock, reports, events,
                        background, shell))
                .register(VisitHistoryController.class, () -> new VisitHistoryController(charts, background, clock,
                        () -> screens.load(CompareVisitsController.class)))
                .register(CompareVisitsController.class, () -> new CompareVisitsController(charts, background, clock));
    }
}
