package org.needlepoint.security;

import java.time.LocalDate;

/** What the audit screen asks for; null fields do not filter. Dates are inclusive, in the clinic's zone. */
public record AuditFilter(Long userId, Long patientId, Long chartNumber, LocalDate from, LocalDate to, int limit) {
    /** Filters by the internal patient id (no chart number). */
    public AuditFilter(Long userId, Long patientId, LocalDate from, LocalDate to, int limit) {
        this(userId, patientId, null, from, to, limit);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, 500);
    }
}
