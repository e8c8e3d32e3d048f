package org.needlepoint.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A consent a patient signed: the exact text version, when, the witness (the member of staff signed
 * in), the visit it was signed for (or null), and until when it is valid (the clinic's number of
 * months from {@code signedOn}; the last valid day). The signature's strokes, its PNG and the PDF are
 * fetched apart ({@link ConsentService#signature}, {@link ConsentService#pdf}).
 */
public record SignedConsent(long id, long patientId, long textId, ConsentKind kind, int textVersion, String title,
                            Instant signedAt, LocalDate signedOn, long witnessId, String witnessName, Long visitId,
                            LocalDate validUntil) {
    /** Whether it is valid on {@code day}: signed on or before it, and {@code day} not after {@link #validUntil}. */
    public boolean validOn(LocalDate day) {
        return !signedOn.isAfter(day) && !day.isAfter(validUntil);
    }
}
