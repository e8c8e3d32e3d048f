package org.needlepoint.common;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reading of a decimal number a person typed (an amount, a volume, a weight, a reorder
 * level): surrounding spaces ignored, a comma taken as the decimal point ("0,5" is 0.5), an
 * optional minus sign; no exponents ("1e3"), no thousands separators, no units. Whether the value
 * is allowed (positive, its scale, its range) is the caller's rule.
 */
public final class Decimals {
    private static final Pattern PLAIN = Pattern.compile("-?(\\d+([.,]\\d*)?|[.,]\\d+)");

    private Decimals() {
    }

    /** The number typed, or empty when the text is blank or not a plain decimal number. */
    public static Optional<BigDecimal> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip();
        if (!PLAIN.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t.replace(',', '.')));
    }

    /** True when nothing but spaces was typed: an optional field left empty, as opposed to a mistyped number. */
    public static boolean isBlank(String typed) {
        return typed == null || typed.isBlank();
    }
}
