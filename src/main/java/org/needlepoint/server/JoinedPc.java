package org.needlepoint.server;

import java.time.Instant;

/** A PC joined to the clinic server, as Admin ▸ Clinic server lists it. */
public record JoinedPc(long id, String name, String dbUser, String appVersion, Instant joinedAt, Instant lastSeen,
                       Instant revokedAt, String revokeReason, boolean connected) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
