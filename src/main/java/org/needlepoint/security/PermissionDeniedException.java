package org.needlepoint.security;

/** The signed-in user's role does not allow the action. */
public class PermissionDeniedException extends RuntimeException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
