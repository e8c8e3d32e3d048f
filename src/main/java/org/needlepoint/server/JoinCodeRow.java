package org.needlepoint.server;

import java.time.Instant;

/** A stored join code (its hash only): when it expires, and when and by which PC it was used. */
record JoinCodeRow(long id, Instant expiresAt, Instant usedAt, String usedByPc) {
}
