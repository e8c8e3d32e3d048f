package org.needlepoint.security;

/** A refused sign-in, with the message to show on the sign-in form. */
public class SignInException extends RuntimeException {
    public SignInException(String message) {
        super(message);
    }
}
