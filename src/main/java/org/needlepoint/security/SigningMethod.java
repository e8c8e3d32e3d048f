package org.needlepoint.security;

/** What signing a chart takes from the signed-in person: their 6-digit signing PIN, or their full password. */
public enum SigningMethod {
    PIN,
    PASSWORD
}
