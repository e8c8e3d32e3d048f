package org.needlepoint.schedule;

import java.time.Instant;

/**
 * One version of a consent text: versions of a kind are numbered 1, 2, 3 ... and never change once
 * written (the table is append-only). {@code createdBy} is null for the texts the migration shipped.
 */
public record ConsentText(long id, ConsentKind kind, int textVersion, String title, String body, Instant createdAt,
                          String createdBy) {
    /** "Sculptra (PLLA), with off-label use · version 2". */
    public String label() {
        return kind.label() + " \u00b7 version " + textVersion;
    }
}
