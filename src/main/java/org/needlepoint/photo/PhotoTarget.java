package org.needlepoint.photo;

import java.time.Instant;

/** What a photo can be attached to: a visit of the patient, or an adverse event of theirs. */
public record PhotoTarget(Long visitId, Long adverseEventId, Instant when, String label) {
    public static PhotoTarget visit(long visitId, Instant startedAt, String label) {
        return new PhotoTarget(visitId, null, startedAt, label);
    }

    public static PhotoTarget adverseEvent(long eventId, Instant onset, String label) {
        return new PhotoTarget(null, eventId, onset, label);
    }

    @Override
    public String toString() {
        return label;
    }
}
