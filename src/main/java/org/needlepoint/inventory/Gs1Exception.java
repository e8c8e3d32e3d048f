package org.needlepoint.inventory;

import org.needlepoint.common.ReadableException;

/**
 * A scanned or typed GS1 code that cannot be used. The message is one line that a receptionist can
 * act on (what is wrong, then what to do); {@link #reason()} says what kind of problem it is, for a
 * screen that reacts differently (e.g. offers manual entry after a plain product barcode), and
 * {@link #ai()} names the application identifier concerned, or null when the problem is not tied
 * to one element.
 */
public final class Gs1Exception extends ReadableException {
    /** What kind of problem the code has. */
    public enum Reason {
        /** Nothing but whitespace (or only a symbology prefix) was given. */
        EMPTY,
        /** The text is not a GS1 element string at all (a name, a web link, stray text between elements). */
        NOT_GS1,
        /** An EAN/UPC/GTIN alone: the product, but no lot or expiry. */
        PLAIN_BARCODE,
        /** A control character other than the group separator, or a line break inside the code. */
        CONTROL_CHARACTER,
        /** An application identifier this parser does not know. */
        UNKNOWN_AI,
        /** A field shorter than its AI requires, or empty. */
        TRUNCATED,
        /** A field longer than its AI allows (a lot or serial over 20 characters). */
        TOO_LONG,
        /** A character the field may not hold (a letter in a date, an accent in a lot). */
        BAD_CHARACTER,
        /** The GTIN's mod-10 check digit does not match. */
        CHECK_DIGIT,
        /** A date that does not exist (month 13, 31 February). */
        BAD_DATE,
        /** The same AI twice with different values. */
        CONFLICT,
        /** No AI (01): the code does not say which product it is. */
        NO_GTIN
    }

    private final Reason reason;
    private final String ai;

    public Gs1Exception(Reason reason, String ai, String message) {
        // No stack trace: this reports bad input, an expected outcome of every scan, not a fault.
        super(message, null, false, false);
        this.reason = reason;
        this.ai = ai;
    }

    public Reason reason() {
        return reason;
    }

    /** The application identifier concerned (e.g. "17"), or null. */
    public String ai() {
        return ai;
    }
}
