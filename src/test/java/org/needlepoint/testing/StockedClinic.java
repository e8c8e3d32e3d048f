package org.needlepoint.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;

/**
 * A test clinic stocked for treatments: long-dated lots of Dysport, Sculptra and an HA filler, received by
 * the injector (who is then signed in), and the points the follow-up rules know: a Dysport glabella, a
 * Sculptra session, HA filler points. The base of the fixtures that chart treatments (follow-ups, checkout).
 */
public class StockedClinic {
    public final TestClinic clinic;
    public final ChartService charts;
    public final Product dysport;
    public final Product sculptra;
    public final Product filler;
    public final Lot dysportLot;
    public final Lot sculptraLot;
    public final Lot fillerLot;

    /** {@code clinic}: with its staff (see {@link TestClinic#withStaff}). */
    protected StockedClinic(TestClinic clinic) {
        this.clinic = clinic;
        charts = clinic.services.charts();
        clinic.signIn("injector");
        dysport = named("Dysport 300 U");
        sculptra = named("Sculptra");
        filler = named("HA filler 1 mL (lidocaine)");
        LocalDate far = charts.today().plusYears(4);
        dysportLot = clinic.receive(dysport, "DY301A", far, 10);
        sculptraLot = clinic.receive(sculptra, "SC150A", far, 10);
        fillerLot = clinic.receive(filler, "HA1LA", far, 10);
    }

    private Product named(String name) {
        return clinic.services.inventory().products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** A point placed where the diagram names {@code region} and {@code side} for the product. */
    public static InjectionPoint pt(String key, Region region, Side side, Product product, Lot lot, String amount,
                                    Depth depth) {
        return Spots.placed(new InjectionPoint(key, DiagramView.FACE_FRONT, 0.5, 0.4, region, side, product.id(),
                lot.id(), new BigDecimal(amount), product.unit(), depth, null, null, null), product);
    }

    /** Dysport glabella, 5 x 10 U, intramuscular. */
    public List<InjectionPoint> glabella() {
        return List.of(
                pt("g1", Region.PROCERUS, Side.MIDLINE, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g2", Region.CORRUGATOR, Side.RIGHT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g3", Region.CORRUGATOR, Side.RIGHT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g4", Region.CORRUGATOR, Side.LEFT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR),
                pt("g5", Region.CORRUGATOR, Side.LEFT, dysport, dysportLot, "10", Depth.INTRAMUSCULAR));
    }

    /** A Sculptra session: two malar fans of 1.5 mL, subcutaneous. */
    public List<InjectionPoint> sculptraSession() {
        return List.of(
                pt("s1", Region.MALAR, Side.RIGHT, sculptra, sculptraLot, "1.5", Depth.SUBCUTANEOUS),
                pt("s2", Region.MALAR, Side.LEFT, sculptra, sculptraLot, "1.5", Depth.SUBCUTANEOUS));
    }

    /** Two HA filler points in the nasolabial folds, subcutaneous (no follow-up rule). */
    public List<InjectionPoint> fillerPoints() {
        return List.of(
                pt("f1", Region.NASOLABIAL_FOLD, Side.RIGHT, filler, fillerLot, "0.5", Depth.SUBCUTANEOUS),
                pt("f2", Region.NASOLABIAL_FOLD, Side.LEFT, filler, fillerLot, "0.5", Depth.SUBCUTANEOUS));
    }
}
