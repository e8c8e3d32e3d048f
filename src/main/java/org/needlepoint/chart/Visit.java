package org.needlepoint.chart;

import java.time.Instant;

/** A treatment visit's header: who, when, status, notes and consents. Points live beside it in {@link VisitChart}. */
public record Visit(long id, long patientId, Instant startedAt, long injectorId, String injectorName,
                    VisitStatus status, String notes, boolean consentConfirmed, boolean offLabelConsentConfirmed,
                    Instant signedAt, Long signedById, String signedByName, int version, Instant updatedAt) {

    public boolean signed() {
        return status == VisitStatus.SIGNED;
    }

    /** The header once {@code d}'s notes and consents are saved over this version at {@code at}. */
    public Visit savedDraft(ChartDraft d, Instant at) {
        return new Visit(id, patientId, startedAt, injectorId, injectorName, status, d.notes(), d.consentConfirmed(),
                d.offLabelConsentConfirmed(), signedAt, signedById, signedByName, version + 1, at);
    }
}
