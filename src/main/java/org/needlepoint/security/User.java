package org.needlepoint.security;

import java.time.Instant;

/** A staff account. The password hash never leaves the store. */
public record User(long id, String username, String fullName, Role role, String title, String licenceNumber,
                   boolean active, int failedAttempts, Instant lockedUntil, int version) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** "Dr. Ada Example (Injector)" style display. */
    public String displayName() {
        return (title == null || title.isBlank() ? "" : title + " ") + fullName;
    }
}
