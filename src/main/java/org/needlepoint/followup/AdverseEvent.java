package org.needlepoint.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A recorded adverse event, with what follows from it: the visit's day and injector, the
 * products and lots of the selected points ({@link #products}), its timing class, and whether it
 * is urgent and still open on the banner. {@code version} is for optimistic locking.
 */
public record AdverseEvent(long id, long patientId, String patientName, long chartNumber, long visitId,
                           LocalDate visitDate, long injectorId, String injectorName, List<String> pointKeys,
                           List<EventProduct> products, long reportedById, String reportedByName, LocalDate reportedOn,
                           LocalDate onsetDate, AdverseEventType type, String otherDescription, TimingClass timing,
                           Severity severity, boolean visionChange, boolean breathingDifficulty,
                           Set<SeriousOutcome> serious, LocalDate deathDate, String description, String actionsTaken,
                           String relevantHistory, BigDecimal weightKg, EventOutcome outcome, LocalDate outcomeDate,
                           boolean urgent, Instant urgentClosedAt, String urgentClosedByName, String urgentCloseNote,
                           Long patientReportId, int version, Instant createdAt, Instant updatedAt,
                           boolean expected) {

    /** An event recorded as an adverse reaction (not {@link ExpectedReaction expected}). */
    public AdverseEvent(long id, long patientId, String patientName, long chartNumber, long visitId,
                        LocalDate visitDate, long injectorId, String injectorName, List<String> pointKeys,
                        List<EventProduct> products, long reportedById, String reportedByName, LocalDate reportedOn,
                        LocalDate onsetDate, AdverseEventType type, String otherDescription, TimingClass timing,
                        Severity severity, boolean visionChange, boolean breathingDifficulty,
                        Set<SeriousOutcome> serious, LocalDate deathDate, String description, String actionsTaken,
                        String relevantHistory, BigDecimal weightKg, EventOutcome outcome, LocalDate outcomeDate,
                        boolean urgent, Instant urgentClosedAt, String urgentClosedByName, String urgentCloseNote,
                        Long patientReportId, int version, Instant createdAt, Instant updatedAt) {
        this(id, patientId, patientName, chartNumber, visitId, visitDate, injectorId, injectorName, pointKeys, products,
                reportedById, reportedByName, reportedOn, onsetDate, type, otherDescription, timing, severity,
                visionChange, breathingDifficulty, serious, deathDate, description, actionsTaken, relevantHistory,
                weightKg, outcome, outcomeDate, urgent, urgentClosedAt, urgentClosedByName, urgentCloseNote,
                patientReportId, version, createdAt, updatedAt, false);
    }

    public AdverseEvent {
        pointKeys = List.copyOf(pointKeys);
        products = List.copyOf(products);
        serious = Set.copyOf(serious);
    }

    /** "Other: metallic taste" or the type's label. */
    public String typeLabel() {
        return label(type, otherDescription);
    }

    static String label(AdverseEventType type, String other) {
        return type == AdverseEventType.OTHER && other != null ? "Other: " + other : type.label();
    }

    /** Urgent and not yet closed by an injector: on the red banner. */
    public boolean urgentOpen() {
        return urgent && urgentClosedAt == null;
    }

    /** Not resolved yet: in the injectors' review list. */
    public boolean open() {
        return !outcome.resolved();
    }

    /** Any MedWatch B.2 outcome ticked. */
    public boolean isSerious() {
        return !serious.isEmpty();
    }

    /** The form's content, to edit and pass back to {@code updateEvent}. */
    public AdverseEventDraft toDraft() {
        AdverseEventDraft d = new AdverseEventDraft(patientId, visitId, pointKeys, reportedOn, onsetDate, type,
                otherDescription, severity, visionChange, breathingDifficulty, serious, deathDate, description,
                actionsTaken, relevantHistory, weightKg, outcome, outcomeDate);
        // an event that fits the expected reactions but was recorded as adverse: the injector said so
        return d.withNotExpected(!expected && ExpectedReaction.fits(d, visitDate));
    }
}
