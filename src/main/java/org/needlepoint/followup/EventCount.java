package org.needlepoint.followup;

/**
 * Adverse events counted along one dimension: {@code id} is the lot, product or injector id (null
 * for a type), {@code key} a stable key (the id, or the type's name), {@code label} what to show.
 * An event with points from two lots counts once for each.
 */
public record EventCount(EventDimension dimension, String key, Long id, String label, long events) {
}
