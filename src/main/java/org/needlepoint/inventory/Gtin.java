package org.needlepoint.inventory;

import org.needlepoint.inventory.Gs1Exception.Reason;

/**
 * GS1 GTINs as Needlepoint keeps them: 14 digits (GTIN-8, -12 and -13 are padded with leading
 * zeros, as GS1 does in AI 01), the last one the mod-10 check digit. The one place a GTIN typed or
 * scanned is checked and normalised: the GS1 parser, the services and the screens all use it.
 */
public final class Gtin {
    private Gtin() {
    }

    /**
     * A GTIN as a person types it from the box (8, 12, 13 or 14 digits; spaces, no-break spaces and
     * dashes ignored) as the 14-digit GTIN, left-padded with zeros, its check digit verified.
     *
     * @throws Gs1Exception with a message for the person who typed it
     */
    public static String normalise(String typed) {
        String t = typed == null ? "" : Gs1Parser.strip(typed).replace(" ", "").replace("\u00A0", "").replace("-", "");
        if (t.isEmpty()) {
            throw new Gs1Exception(Reason.EMPTY, "01", "Type the product code (GTIN): the 8, 12, 13 or 14 digits"
                    + " under the barcode on the box.");
        }
        for (int i = 0; i < t.length(); i++) {
            if (!isDigit(t.charAt(i))) {
                throw new Gs1Exception(Reason.BAD_CHARACTER, "01", "A product code (GTIN) has digits only; this one"
                        + " contains " + Gs1Parser.show(t.codePointAt(i)) + ": check the number under the barcode on the box.");
            }
        }
        int n = t.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            throw new Gs1Exception(n < 14 ? Reason.TRUNCATED : Reason.TOO_LONG, "01", "A product code (GTIN) has 8,"
                    + " 12, 13 or 14 digits; this one has " + n + ": check the number under the barcode on the box.");
        }
        String gtin = "0".repeat(14 - n) + t;
        int expected = checkDigit(gtin.substring(0, 13));
        if (expected != gtin.charAt(13) - '0') {
            throw new Gs1Exception(Reason.CHECK_DIGIT, "01", "The GTIN's check digit is wrong (expected " + expected
                    + ", read " + gtin.charAt(13) + "): check the number under the barcode on the box.");
        }
        return gtin;
    }

    /** {@link #normalise}, or null where it would refuse the text (for callers that word the refusal themselves). */
    public static String normaliseOrNull(String typed) {
        try {
            return normalise(typed);
        } catch (Gs1Exception e) {
            return null;
        }
    }

    /** True when the text is exactly 14 digits whose last is the GS1 check digit of the first 13. */
    public static boolean isValid(String gtin) {
        if (gtin == null || gtin.length() != 14 || !allDigits(gtin)) {
            return false;
        }
        return checkDigit(gtin.substring(0, 13)) == gtin.charAt(13) - '0';
    }

    /**
     * The GS1 mod-10 check digit for the given digits (the code without its check digit): from the
     * right, digits are weighted 3, 1, 3, 1, ...; the check digit brings the sum to a multiple of 10.
     *
     * @throws IllegalArgumentException when the text is empty or holds anything but ASCII digits
     */
    public static int checkDigit(String digitsWithoutCheck) {
        if (digitsWithoutCheck == null || digitsWithoutCheck.isEmpty() || !allDigits(digitsWithoutCheck)) {
            throw new IllegalArgumentException("A check digit needs digits, not " + digitsWithoutCheck);
        }
        int sum = 0;
        int n = digitsWithoutCheck.length();
        for (int i = 0; i < n; i++) {
            int d = digitsWithoutCheck.charAt(n - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** {@code digitsWithoutCheck} (13 digits) with its check digit appended. */
    public static String withCheckDigit(String digitsWithoutCheck) {
        return digitsWithoutCheck + checkDigit(digitsWithoutCheck);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
