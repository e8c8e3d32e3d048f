package org.needlepoint.chart;

import java.util.List;
import org.needlepoint.common.Text;

/** Everything the injector edits on a draft visit; the UI autosaves it through {@code ChartService.saveDraft}. */
public record ChartDraft(String notes, List<InjectionPoint> points, List<ScreeningEntry> screening,
                         boolean consentConfirmed, boolean offLabelConsentConfirmed) {
    public static final int MAX_NOTES = 8000;
    public static final int MAX_POINTS = 500;
    /** A new visit's, before anything is written. */
    public static final ChartDraft EMPTY = new ChartDraft(null, List.of(), List.of(), false, false);

    public ChartDraft {
        notes = Text.clean(notes);
        points = points == null ? List.of() : List.copyOf(points);
        screening = screening == null ? List.of() : List.copyOf(screening);
    }

    /** The draft as it stands in {@code chart}: the starting point for the next edit. */
    public static ChartDraft of(VisitChart chart) {
        Visit v = chart.visit();
        return new ChartDraft(v.notes(), chart.points(), chart.screening(), v.consentConfirmed(),
                v.offLabelConsentConfirmed());
    }

    public ChartDraft withPoints(List<InjectionPoint> newPoints) {
        return new ChartDraft(notes, newPoints, screening, consentConfirmed, offLabelConsentConfirmed);
    }

    public ChartDraft withNotes(String newNotes) {
        return new ChartDraft(newNotes, points, screening, consentConfirmed, offLabelConsentConfirmed);
    }

    public ChartDraft withScreening(List<ScreeningEntry> newScreening) {
        return new ChartDraft(notes, points, newScreening, consentConfirmed, offLabelConsentConfirmed);
    }

    public ChartDraft withConsents(boolean consent, boolean offLabelConsent) {
        return new ChartDraft(notes, points, screening, consent, offLabelConsent);
    }
}
