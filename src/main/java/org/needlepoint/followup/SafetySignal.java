package org.needlepoint.followup;

import java.time.LocalDate;

/**
 * A lot with at least {@code threshold} events of one type with onset in the {@code windowDays} days
 * {@code from} to {@code to} (inclusive). {@code lotId} opens the lot's recall view.
 */
public record SafetySignal(long lotId, String lotNumber, LocalDate expiry, long productId, String productName,
                           AdverseEventType type, long events, int threshold, int windowDays, LocalDate from,
                           LocalDate to) {

    /** "3 x Vascular occlusion with HA filler 1 mL lot HA1LA in 30 days (10 Nov - 21 Nov 2026)". */
    public String describe() {
        return events + " \u00d7 " + type.label() + " with " + productName + " lot " + lotNumber + " in " + windowDays
                + " days (" + from + " to " + to + ")";
    }
}
