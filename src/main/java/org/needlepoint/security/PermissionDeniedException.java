package org.needlepoint.security;

import org.needlepoint.common.ReadableException;

/** The signed-in user's role does not allow the action. */
public class PermissionDeniedException extends ReadableException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
