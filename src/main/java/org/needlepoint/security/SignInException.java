package org.needlepoint.security;

import org.needlepoint.common.ReadableException;

/** A refused sign-in, with the message to show on the sign-in form. */
public class SignInException extends ReadableException {
    public SignInException(String message) {
        super(message);
    }
}
