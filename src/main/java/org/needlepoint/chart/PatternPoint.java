package org.needlepoint.chart;

import java.math.BigDecimal;
import org.needlepoint.common.Amounts;

/** One point of a {@link ChartPattern}; the amount is in the pattern's unit. */
public record PatternPoint(DiagramView view, double x, double y, Region region, Side side, BigDecimal amount,
                           Depth depth, Technique technique) {
    public PatternPoint {
        amount = Amounts.normal(amount);
    }
}
