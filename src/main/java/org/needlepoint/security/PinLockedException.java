package org.needlepoint.security;

/**
 * Five wrong signing PINs in a row: the screen is to be locked at once, and only the person's full
 * password unlocks it (which also resets the count).
 */
public final class PinLockedException extends SignInException {
    public PinLockedException(String message) {
        super(message);
    }
}
