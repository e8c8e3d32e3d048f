package org.needlepoint.common;

import java.math.BigDecimal;

/** BigDecimal helpers for charted amounts: one canonical form, so 10.000 and 10 are the same amount. */
public final class Amounts {
    /** Amounts are stored as DECIMAL(10,3). */
    public static final int SCALE = 3;
    public static final BigDecimal MAX = new BigDecimal("9999.999");

    private Amounts() {
    }

    /** Without trailing zeros and never in exponent form: 10.000 -> 10, 0.300 -> 0.3; null stays null. */
    public static BigDecimal normal(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** "10", "0.3", "1250". */
    public static String plain(BigDecimal v) {
        return v == null ? "" : normal(v).toPlainString();
    }
}
