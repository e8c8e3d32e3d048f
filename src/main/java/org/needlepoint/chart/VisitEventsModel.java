package org.needlepoint.chart;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.followup.AdverseEventSummary;

/**
 * The side effects recorded on a signed visit, as the chart shows them above the map: a title and
 * one link per event ("URGENT · Vascular occlusion · onset 22 Nov · grade 3 · Ongoing"), coloured by
 * whether it is urgent, open or resolved. None for a draft or a chart the front desk reads.
 */
public final class VisitEventsModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final ObservableList<AdverseEventSummary> events = FXCollections.observableArrayList();

    public ObservableList<AdverseEventSummary> events() {
        return events;
    }

    /** Whether a chart shows its side effects: signed, and not redacted (they are the injectors'). */
    public static boolean shown(VisitChart chart) {
        return chart != null && chart.visit().signed() && !chart.redacted();
    }

    public void show(List<AdverseEventSummary> list) {
        events.setAll(list);
    }

    public void clear() {
        events.clear();
    }

    /** "Side effect on this visit:", "2 side effects on this visit:". */
    public String title() {
        return events.size() == 1 ? "Side effect on this visit:" : events.size() + " side effects on this visit:";
    }

    public static String label(AdverseEventSummary e) {
        return (e.urgentOpen() ? "URGENT · " : "") + e.headline() + " · onset " + e.onsetDate().format(DAY) + " · grade "
                + e.severity().grade() + " · " + e.outcome().label();
    }

    /** The link's style class: urgent, resolved or open. */
    public static String style(AdverseEventSummary e) {
        return e.urgentOpen() ? "chart-event-urgent" : e.outcome().resolved() ? "chart-event-resolved" : "chart-event-open";
    }
}
