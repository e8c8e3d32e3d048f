package org.needlepoint.security;

import java.time.Instant;

/** One row of the append-only audit log. */
public record AuditEntry(long id, Instant at, Long userId, String username, String action, String recordType,
                         Long recordId, Long patientId, Long chartNumber, String summary) {
}
