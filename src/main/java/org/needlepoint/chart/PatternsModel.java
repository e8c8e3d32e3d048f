package org.needlepoint.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.inventory.Lot;

/**
 * Patterns and "Copy last visit", without a window: the clinic's patterns as buttons (a short
 * name, what they chart), and the last visit's points brought to today (each with the lot of its
 * product that expires first, and without the points the diagrams put on no region).
 */
public final class PatternsModel {
    /** The last visit's points as copied, and how many of them were left out (on no region). */
    public record Copy(List<InjectionPoint> points, int leftOut) {
        public Copy {
            points = List.copyOf(points);
        }
    }

    private final ObservableList<ChartPattern> patterns = FXCollections.observableArrayList();

    public ObservableList<ChartPattern> patterns() {
        return patterns;
    }

    /** A pattern just saved joins the buttons. */
    public void saved(ChartPattern p) {
        patterns.add(p);
    }

    /** "Dysport glabellar lines (label, 5 x 10 U)" on a button: "Dysport glabellar lines". */
    public static String shortName(ChartPattern p) {
        String n = p.name();
        int paren = n.indexOf(" (");
        return paren > 0 ? n.substring(0, paren) : n;
    }

    /** "Dysport glabellar lines (label, 5 x 10 U) — 5 points, 50 U". */
    public static String description(ChartPattern p) {
        return p.name() + " — " + p.points().size() + " points, " + p.unit().format(p.total());
    }

    /**
     * The last visit's points for today's map: each with the usable lot of its product that expires
     * first (or none), those {@code onRegion} refuses left out.
     */
    public static Copy copy(List<InjectionPoint> last, Catalog catalog, LocalDate today, Predicate<InjectionPoint> onRegion) {
        List<InjectionPoint> out = new ArrayList<>();
        for (InjectionPoint p : last) {
            if (onRegion.test(p)) {
                out.add(p.withLot(catalog.usableLots(p.productId(), today).stream().min(Comparator.comparing(Lot::expiry))
                        .map(Lot::id).orElse(null)));
            }
        }
        return new Copy(out, last.size() - out.size());
    }

    /** What the status bar says after a copy. */
    public static String copied(Copy c) {
        return "Copied " + c.points().size() + " points from the last visit: check amounts and lots"
                + (c.leftOut() == 0 ? "" : " (" + c.leftOut() + " on no region of the diagrams left out)");
    }
}
