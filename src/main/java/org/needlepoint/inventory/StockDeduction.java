package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.SignedChartListener;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.security.Audit;
import org.needlepoint.security.User;

/**
 * Deducts what a signed chart used, inside the signing transaction (a {@link SignedChartListener}):
 * <ul>
 *   <li>points charted from a reconstituted vial: one pack the first time the vial is used by any
 *       signed chart (a vial shared by several patients leaves the stock once; the vial records which
 *       visit), and none if it was already discarded as waste;</li>
 *   <li>points without a vial (syringes, or a toxin charted without a vial record): per lot,
 *       ceil(the visit's total of that lot / what one pack yields) packs, 1 when the yield is unknown;
 *       an addendum deducts only what its points add to the visit's packs.</li>
 * </ul>
 * USED is recorded even when the books say none are left (the chart is the truth of what was
 * injected); the lot then shows a negative balance that asks for a stock count.
 */
public final class StockDeduction implements SignedChartListener {
    private final InventoryStore store;
    private final Audit audit;
    private final Clock clock;

    public StockDeduction(InventoryStore store, Audit audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void signed(Connection c, VisitChart chart, List<InjectionPoint> points, User by) throws SQLException {
        long visitId = chart.visit().id();
        Instant now = clock.instant();
        Set<Long> vials = new LinkedHashSet<>();
        Set<Long> lotsWithoutVial = new LinkedHashSet<>();
        for (InjectionPoint p : points) {
            if (p.lotId() == null) {
                continue;
            }
            if (p.vialId() != null) {
                vials.add(p.vialId());
            } else {
                lotsWithoutVial.add(p.lotId());
            }
        }
        Map<Long, BigDecimal> visitTotals = new LinkedHashMap<>();
        for (InjectionPoint p : chart.allPoints()) {
            if (p.lotId() != null && p.vialId() == null && lotsWithoutVial.contains(p.lotId())) {
                visitTotals.merge(p.lotId(), p.amount(), BigDecimal::add);
            }
        }
        List<String> done = new ArrayList<>();
        for (Long vialId : vials) {
            Vial v = store.vial(c, vialId).orElseThrow();
            store.lockLot(c, v.lotId());
            if (store.markVialUsed(c, vialId, visitId)) {
                store.insertLedger(c, v.lotId(), LedgerKind.USED, -1, null, null, null, visitId, vialId, now, by.id());
                done.add("1 vial of " + v.productName() + " lot " + v.lotNumber() + " (vial " + vialId + ")");
            }
        }
        for (Map.Entry<Long, BigDecimal> e : visitTotals.entrySet()) {
            long lotId = e.getKey();
            store.lockLot(c, lotId);
            Lot lot = store.lot(c, lotId, now).orElseThrow();
            Product product = store.product(c, lot.productId()).orElseThrow();
            Integer packs = product.packsFor(e.getValue());
            int needed = packs == null ? 1 : Math.max(1, packs);
            int more = needed - store.usedWithoutVial(c, visitId, lotId);
            if (more > 0) {
                store.insertLedger(c, lotId, LedgerKind.USED, -more, null, null, null, visitId, null, now, by.id());
                done.add(product.packs(more) + " of " + product.name() + " lot " + lot.lotNumber());
            }
        }
        if (!done.isEmpty()) {
            audit.log(c, Audit.CREATE, "stock_ledger", visitId, chart.visit().patientId(), "stock used by the signed visit "
                    + visitId + ": " + String.join(", ", done));
        }
    }
}
