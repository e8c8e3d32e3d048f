package org.needlepoint.inventory;

/**
 * GS1 GTINs as Needlepoint keeps them: 14 digits (GTIN-8, -12 and -13 are padded with leading
 * zeros, as GS1 does in AI 01), the last one the mod-10 check digit.
 */
public final class Gtin {
    private Gtin() {
    }

    /**
     * The GTIN-14 of {@code typed} (spaces and dashes ignored), or null when it is not 8, 12, 13 or
     * 14 digits with a correct check digit.
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]+")) {
            return null;
        }
        int n = digits.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return null;
        }
        String g = "0".repeat(14 - n) + digits;
        return checkDigit(g.substring(0, 13)) == g.charAt(13) - '0' ? g : null;
    }

    /** The GS1 mod-10 check digit of the digits before it: weights 3, 1, 3, ... from the right. */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        int len = digitsWithoutCheck.length();
        for (int i = 0; i < len; i++) {
            int d = digitsWithoutCheck.charAt(len - 1 - i) - '0';
            sum += d * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    /** {@code digitsWithoutCheck} (13 digits) with its check digit appended. */
    public static String withCheckDigit(String digitsWithoutCheck) {
        return digitsWithoutCheck + checkDigit(digitsWithoutCheck);
    }
}
