package org.needlepoint.chart;

/** What the injector gave to sign: their signing PIN ({@code pin}) or their password. */
public record SignSecret(char[] secret, boolean pin) {
}
