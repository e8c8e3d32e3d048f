package org.needlepoint.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A visit as opened: the header, its original points, its screening checklist and its addenda
 * (each with the points it added). {@code redacted} is true when the viewer's role does not see
 * clinical notes, screening answers or addendum text (the front desk; see {@code ChartService}).
 */
public record VisitChart(Visit visit, List<InjectionPoint> points, List<ScreeningEntry> screening,
                         List<Addendum> addenda, boolean redacted) {

    public VisitChart {
        points = List.copyOf(points);
        screening = List.copyOf(screening);
        addenda = List.copyOf(addenda);
    }

    /** True when nothing may be edited: the visit is signed (addenda aside). */
    public boolean readOnly() {
        return visit.signed() || redacted;
    }

    /** The original points followed by every addendum's points: the map as it stands now. */
    public List<InjectionPoint> allPoints() {
        List<InjectionPoint> all = new ArrayList<>(points);
        for (Addendum a : addenda) {
            all.addAll(a.points());
        }
        return all;
    }

    /** The same chart without clinical notes, screening answers and addendum text. */
    VisitChart redact() {
        Visit v = visit;
        Visit header = new Visit(v.id(), v.patientId(), v.startedAt(), v.injectorId(), v.injectorName(), v.status(),
                null, v.consentConfirmed(), v.offLabelConsentConfirmed(), v.signedAt(), v.signedById(),
                v.signedByName(), v.version(), v.updatedAt());
        List<Addendum> bare = addenda.stream().map(a -> new Addendum(a.id(), a.visitId(), a.authorId(), a.authorName(),
                a.createdAt(), null, a.points())).toList();
        return new VisitChart(header, points, List.of(), bare, true);
    }
}
