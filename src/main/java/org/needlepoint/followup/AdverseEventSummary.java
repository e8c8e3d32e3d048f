package org.needlepoint.followup;

import java.time.Instant;
import java.time.LocalDate;

/** An adverse event as lists show it: the review list, the urgent banner, a patient's events. */
public record AdverseEventSummary(long id, int version, long patientId, String patientName, long chartNumber,
                                  long visitId, LocalDate visitDate, LocalDate onsetDate, LocalDate reportedOn,
                                  AdverseEventType type, String otherDescription, TimingClass timing, Severity severity,
                                  EventOutcome outcome, LocalDate outcomeDate, boolean urgent, boolean urgentOpen,
                                  boolean visionChange, boolean breathingDifficulty, boolean serious,
                                  String reportedByName, Instant createdAt, boolean expected) {

    /** An event recorded as an adverse reaction (not {@link ExpectedReaction expected}). */
    public AdverseEventSummary(long id, int version, long patientId, String patientName, long chartNumber,
                               long visitId, LocalDate visitDate, LocalDate onsetDate, LocalDate reportedOn,
                               AdverseEventType type, String otherDescription, TimingClass timing, Severity severity,
                               EventOutcome outcome, LocalDate outcomeDate, boolean urgent, boolean urgentOpen,
                               boolean visionChange, boolean breathingDifficulty, boolean serious,
                               String reportedByName, Instant createdAt) {
        this(id, version, patientId, patientName, chartNumber, visitId, visitDate, onsetDate, reportedOn, type,
                otherDescription, timing, severity, outcome, outcomeDate, urgent, urgentOpen, visionChange,
                breathingDifficulty, serious, reportedByName, createdAt, false);
    }

    /** "Bruising", or "Bruising (expected reaction)". */
    public String typeLabel() {
        return AdverseEvent.label(type, otherDescription) + (expected ? " (expected reaction)" : "");
    }

    /** "Vascular occlusion; vision change": the type and the urgent symptom flags. */
    public String headline() {
        StringBuilder b = new StringBuilder(typeLabel());
        if (visionChange) {
            b.append("; vision change");
        }
        if (breathingDifficulty) {
            b.append("; breathing or swallowing difficulty");
        }
        return b.toString();
    }
}
