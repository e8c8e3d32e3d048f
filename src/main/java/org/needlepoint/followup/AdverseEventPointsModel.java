package org.needlepoint.followup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.MapPoint;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.Amounts;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Unit;

/**
 * Which points of a signed visit a side effect concerns: the selection (shared with the site map's
 * {@code selectedKeys}), the markers that show it (selected points in their product's colour with a
 * tick, the others pale), one line per product and lot with its count and a select-all, the summary
 * under the map, and the problem the service found with the selection. No window needed.
 */
public final class AdverseEventPointsModel {
    /** A marker's colour when its product has none, or one that cannot be read. */
    static final String FALLBACK_COLOUR = "#6e7781";
    private static final String CHECK = "\u2713 ";
    static final String NOTHING_SELECTED = "Tap the points the side effect concerns (Select all for a general reaction).";

    /** One product and lot of the visit, as its line under the map shows it. */
    public record LotLine(long productId, Long lotId, String colour, String productName, String lotText, String countText,
                          boolean anySelected, boolean allSelected) {
        /** The end of the line's ids: "productId-lotId", or "productId-none" for points without a lot. */
        public String idSuffix() {
            return productId + "-" + (lotId == null ? "none" : lotId);
        }
    }

    /** A view of the drawing that has points, and how many. */
    public record ViewCount(DiagramView view, int points) {
        public String label() {
            return view + " (" + points + ")";
        }
    }

    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableList<MapPoint> markers = FXCollections.observableArrayList();
    private final ObservableList<LotLine> lines = FXCollections.observableArrayList();
    private final ObservableList<ViewCount> views = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private VisitChart chart;
    private Catalog catalog;
    private List<String> baseline = List.of();
    private boolean loading;
    private boolean touched;
    /** Inside a change of several points at once: one notice at its end. */
    private int batch;
    private boolean changedInBatch;
    private Consumer<String> onEdited = f -> { };

    public AdverseEventPointsModel() {
        selected.addListener((SetChangeListener<String>) c -> changed());
    }

    /** Told "points" when the person changes the selection (not when {@link #select} fills it). */
    public void setOnEdited(Consumer<String> onEdited) {
        this.onEdited = Objects.requireNonNull(onEdited);
    }

    /** The signed visit whose points are offered, and the catalogue that names their products and lots. */
    public void load(VisitChart chart, Catalog catalog) {
        this.chart = Objects.requireNonNull(chart);
        this.catalog = Objects.requireNonNull(catalog);
        Map<DiagramView, Integer> counts = new EnumMap<>(DiagramView.class);
        chart.allPoints().forEach(p -> counts.merge(p.view(), 1, Integer::sum));
        views.setAll(counts.entrySet().stream().map(e -> new ViewCount(e.getKey(), e.getValue())).toList());
        loading = true;
        try {
            batch(selected::clear);
        } finally {
            loading = false;
        }
        baseline = List.of();
        touched = false;
        refresh();
    }

    /** Whether a visit is loaded. */
    public boolean loaded() {
        return chart != null;
    }

    /** The view to show first: the first point's. */
    public Optional<DiagramView> firstView() {
        return chart == null ? Optional.empty() : chart.allPoints().stream().map(InjectionPoint::view).findFirst();
    }

    /** Selects exactly {@code keys} (an event opened, a new one started) as the unchanged state. */
    public void select(Collection<String> keys) {
        loading = true;
        try {
            batch(() -> {
                selected.retainAll(keys);
                selected.addAll(keys);
            });
        } finally {
            loading = false;
        }
        baseline = selectedKeys();
        touched = false;
        error.set(null);
        refresh();
    }

    // ------------------------------------------------------------------------------ what a person does

    /** A tap on a point: selects it, or unselects it when it was. */
    public void toggle(String key) {
        if (!selected.remove(key)) {
            selected.add(key);
        }
    }

    /** "Select all" on a product's line: its points, or none of them when all were selected. */
    public void toggleLine(long productId, Long lotId) {
        if (chart == null) {
            return;
        }
        List<String> keys = chart.allPoints().stream().filter(p -> p.productId() == productId
                && Objects.equals(p.lotId(), lotId)).map(InjectionPoint::key).toList();
        batch(() -> {
            if (selected.containsAll(keys)) {
                selected.removeAll(keys);
            } else {
                selected.addAll(keys);
            }
        });
    }

    /** Every point of the visit: a general reaction. */
    public void selectAll() {
        if (chart != null) {
            batch(() -> selected.addAll(chart.allPoints().stream().map(InjectionPoint::key).toList()));
        }
    }

    public void clear() {
        if (chart != null) {
            batch(selected::clear);
        }
    }

    // ------------------------------------------------------------------------------ state

    /** The selected keys, live; the map's selection is bound to it. */
    public ObservableSet<String> selected() {
        return selected;
    }

    /** The selected points' keys in the chart's order, for a stable record. */
    public List<String> selectedKeys() {
        if (chart == null) {
            return List.copyOf(selected);
        }
        return chart.allPoints().stream().map(InjectionPoint::key).filter(selected::contains).toList();
    }

    /** Changed since {@link #select}. */
    public boolean isDirty() {
        return chart != null && !selectedKeys().equals(baseline);
    }

    /** The map's markers: every point of the visit, the selected ones marked. */
    public ObservableList<MapPoint> markers() {
        return markers;
    }

    /** One line per product and lot, in the order the visit charted them. */
    public ObservableList<LotLine> lines() {
        return lines;
    }

    /** The views that have points, in the drawing's order. */
    public ObservableList<ViewCount> views() {
        return views;
    }

    /** "2 points selected: lot DY301A", or how to begin. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The problem with the selection to show under the map, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The service's problem with the points ({@code problems.get("points")}), shown once the person
     * changed the selection or pressed Save.
     */
    public void showProblems(Map<String, String> problems, boolean saveAttempted) {
        error.set(saveAttempted || touched ? problems.get("points") : null);
    }

    // ------------------------------------------------------------------------------ derived

    private void batch(Runnable change) {
        batch++;
        try {
            change.run();
        } finally {
            batch--;
        }
        if (batch == 0 && changedInBatch) {
            changedInBatch = false;
            changed();
        }
    }

    private void changed() {
        if (batch > 0) {
            changedInBatch = true;
            return;
        }
        refresh();
        if (!loading && chart != null) {
            touched = true;
            onEdited.accept("points");
        }
    }

    private void refresh() {
        if (chart == null) {
            markers.clear();
            lines.clear();
            summary.set("");
            return;
        }
        List<MapPoint> now = new ArrayList<>();
        for (InjectionPoint p : chart.allPoints()) {
            boolean on = selected.contains(p.key());
            String colour = colour(p.productId());
            String label = Amounts.plain(p.amount()) + (p.unit() == Unit.U ? " U" : "");
            now.add(new MapPoint(p.key(), p.view(), p.x(), p.y(), on ? colour : pale(colour), on ? CHECK + label : label));
        }
        if (!markers.equals(now)) {
            markers.setAll(now);
        }
        Map<String, List<InjectionPoint>> groups = new LinkedHashMap<>();
        for (InjectionPoint p : chart.allPoints()) {
            groups.computeIfAbsent(p.productId() + "/" + p.lotId(), k -> new ArrayList<>()).add(p);
        }
        List<LotLine> rows = new ArrayList<>();
        List<String> selectedLots = new ArrayList<>();
        for (List<InjectionPoint> g : groups.values()) {
            InjectionPoint first = g.get(0);
            Optional<Product> product = catalog.product(first.productId());
            Optional<Lot> lot = catalog.lot(first.lotId());
            String name = product.map(Product::name).orElse("Product " + first.productId());
            String lotText = lot.map(l -> "Lot " + l.lotNumber() + " \u00b7 exp. " + AdverseEventModel.TYPED.format(l.expiry()))
                    .orElse("No lot recorded");
            List<InjectionPoint> on = g.stream().filter(p -> selected.contains(p.key())).toList();
            BigDecimal amount = on.stream().map(InjectionPoint::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            String count = on.isEmpty() ? g.size() + (g.size() == 1 ? " point" : " points")
                    : on.size() + " of " + g.size() + " selected \u00b7 " + first.unit().format(amount);
            rows.add(new LotLine(first.productId(), first.lotId(), colour(first.productId()), name, lotText, count,
                    !on.isEmpty(), on.size() == g.size()));
            if (!on.isEmpty()) {
                selectedLots.add(lot.map(Lot::lotNumber).orElse(name + " (no lot)"));
            }
        }
        if (!lines.equals(rows)) {
            lines.setAll(rows);
        }
        int n = selected.size();
        summary.set(n == 0 ? NOTHING_SELECTED : n + (n == 1 ? " point" : " points") + " selected: "
                + (selectedLots.size() == 1 ? "lot " : "lots ") + String.join(", ", selectedLots));
    }

    private String colour(long productId) {
        return catalog.product(productId).map(Product::colour).filter(c -> c != null && !c.isBlank())
                .orElse(FALLBACK_COLOUR);
    }

    /** {@code hex} ("#rrggbb") mixed 72% towards white: an unselected point, pale beside the selected ones. */
    static String pale(String hex) {
        int rgb;
        try {
            rgb = hex != null && hex.matches("#[0-9A-Fa-f]{6}") ? Integer.parseInt(hex.substring(1), 16)
                    : Integer.parseInt(FALLBACK_COLOUR.substring(1), 16);
        } catch (NumberFormatException e) {
            rgb = Integer.parseInt(FALLBACK_COLOUR.substring(1), 16);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", towardsWhite(rgb >> 16), towardsWhite(rgb >> 8),
                towardsWhite(rgb));
    }

    private static long towardsWhite(int channel) {
        double c = (channel & 0xff) / 255.0;
        return Math.round((c + (1 - c) * 0.72) * 255);
    }
}
