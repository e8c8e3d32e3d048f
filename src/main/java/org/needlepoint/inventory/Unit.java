package org.needlepoint.inventory;

import java.math.BigDecimal;
import org.needlepoint.common.Amounts;

/** The unit an amount is charted in: toxin units, or millilitres of filler or PLLA suspension. */
public enum Unit {
    U("U"),
    ML("mL");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** "10 U", "0.3 mL". */
    public String format(BigDecimal amount) {
        return Amounts.plain(amount) + " " + symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
