package org.needlepoint.chart;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.chart.VisitComparison.ProductChange;
import org.needlepoint.common.Amounts;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Unit;

/**
 * Two visits' injection-site maps side by side, read-only: the earlier on the left, the later on
 * the right, each with its date, injector and product totals above it. One view selector drives
 * both maps (only the views either visit used, the front of the face first), and a panel lists what
 * changed: each product's total before and after, and the regions treated in one visit only.
 * Esc or "Close" calls {@link #setOnClose}; the host decides what closing means (a window closes).
 */
public final class CompareVisitsController {
    private final ChartService charts;
    private final Background background;
    private final Clock clock;

    @FXML private BorderPane compareRoot;
    @FXML private Label compareSubtitle;
    @FXML private ComboBox<DiagramView> compareView;
    @FXML private Button closeCompareButton;
    @FXML private Label leftCaption;
    @FXML private Label rightCaption;
    @FXML private Label leftTitle;
    @FXML private Label rightTitle;
    @FXML private Label leftTotals;
    @FXML private Label rightTotals;
    @FXML private Label leftViewNote;
    @FXML private Label rightViewNote;
    @FXML private SiteMap leftMap;
    @FXML private SiteMap rightMap;
    @FXML private ScrollPane compareDiffScroll;
    @FXML private VBox compareDiff;
    @FXML private Label compareError;

    private Runnable onClose;
    private VisitComparison comparison;
    private long loads;

    public CompareVisitsController(ChartService charts, Background background, Clock clock) {
        this.charts = Objects.requireNonNull(charts, "charts");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @FXML
    private void initialize() {
        for (SiteMap m : List.of(leftMap, rightMap)) {
            m.setReadOnly(true);
            m.setShowRegions(false);
            m.setPreferredKind(null);
        }
        compareView.setCellFactory(list -> new ViewCell());
        compareView.setButtonCell(new ViewCell());
        compareView.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                leftMap.setView(v);
                rightMap.setView(v);
                describeViews();
            }
        });
        compareRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
        Forms.showError(compareError, null);
        compareView.setDisable(true);
    }

    // ------------------------------------------------------------------ public API

    /**
     * Loads two visits (each opening is audited) and the catalogue in the background, then shows
     * them: whichever was started first on the left.
     */
    public void compare(long visitA, long visitB) {
        long seq = ++loads;
        comparison = null;
        compareView.setDisable(true);
        leftCaption.setText("EARLIER VISIT");
        rightCaption.setText("LATER VISIT");
        leftTitle.setText("Loading\u2026");
        rightTitle.setText("Loading\u2026");
        for (Label l : List.of(leftTotals, rightTotals, leftViewNote, rightViewNote, compareSubtitle)) {
            l.setText("");
        }
        leftMap.points().clear();
        rightMap.points().clear();
        compareDiff.getChildren().clear();
        Forms.showError(compareError, null);
        background.run(() -> {
            VisitChart a = charts.openVisit(visitA);
            VisitChart b = charts.openVisit(visitB);
            Catalog catalog = charts.catalog();
            return new Loaded(VisitComparison.of(a, b, catalog), catalog);
        }, loaded -> {
            if (seq == loads) {
                show(loaded.comparison(), loaded.catalog());
            }
        }, error -> {
            if (seq == loads) {
                leftTitle.setText("");
                rightTitle.setText("");
                Forms.showError(compareError, Forms.message(error));
            }
        });
    }

    /** Called by Esc and the Close button. */
    public void setOnClose(Runnable handler) {
        this.onClose = handler;
    }

    /** The comparison shown, once loaded. */
    public Optional<VisitComparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    @FXML
    private void close() {
        if (onClose != null) {
            onClose.run();
        }
    }

    private record Loaded(VisitComparison comparison, Catalog catalog) {
    }

    // ------------------------------------------------------------------ showing

    private void show(VisitComparison c, Catalog catalog) {
        comparison = c;
        ZoneId zone = clock.getZone();
        VisitChart early = c.earlier();
        VisitChart late = c.later();
        showSide(early, catalog, leftTitle, leftTotals, leftMap);
        showSide(late, catalog, rightTitle, rightTotals, rightMap);
        leftCaption.setText(caption("EARLIER VISIT", early));
        rightCaption.setText(caption("LATER VISIT", late));
        LocalDate d1 = early.visit().startedAt().atZone(zone).toLocalDate();
        LocalDate d2 = late.visit().startedAt().atZone(zone).toLocalDate();
        compareSubtitle.setText(VisitText.apart(d1, d2) + "  \u00b7  earlier visit on the left");
        compareView.getItems().setAll(c.viewChoices());
        compareView.setDisable(false);
        compareView.setValue(null);
        compareView.setValue(c.defaultView());
        showDifferences(c, zone);
        Platform.runLater(() -> compareView.requestFocus());
    }

    private void showSide(VisitChart chart, Catalog catalog, Label title, Label totals, SiteMap map) {
        ZoneId zone = clock.getZone();
        Visit v = chart.visit();
        title.setText(VisitText.day(v.startedAt(), zone) + ", " + VisitText.time(v.startedAt(), zone) + "  \u00b7  "
                + v.injectorName() + (v.signed() ? "" : "  \u00b7  DRAFT, not signed"));
        List<InjectionPoint> all = chart.allPoints();
        String t = VisitText.totals(ChartRules.totals(all, catalog));
        long added = all.size() - chart.points().size();
        totals.setText(t + "  \u2014  " + VisitText.points(all.size())
                + (added > 0 ? " (" + added + " added by addendum)" : ""));
        List<MapPoint> markers = new ArrayList<>();
        for (InjectionPoint p : all) {
            Optional<Product> product = catalog.product(p.productId());
            markers.add(new MapPoint(p.key(), p.view(), p.x(), p.y(), product.map(Product::colour).orElse(null),
                    markerLabel(p)));
        }
        map.points().setAll(markers);
    }

    /** "EARLIER VISIT  ·  1 ADDENDUM": the addenda's text is read in the visit itself. */
    private static String caption(String side, VisitChart chart) {
        int n = chart.addenda().size();
        return n == 0 ? side : side + "  \u00b7  " + VisitText.addenda(n).toUpperCase(java.util.Locale.ROOT);
    }

    /** "10 U" for toxins, "0.5" for millilitres (as the chart editor labels its markers). */
    static String markerLabel(InjectionPoint p) {
        if (p.amount() == null) {
            return "";
        }
        return p.unit() == Unit.U ? Unit.U.format(p.amount()) : Amounts.plain(p.amount());
    }

    /** Under each map: how many of its points this view shows, and where the others are. */
    private void describeViews() {
        if (comparison == null || compareView.getValue() == null) {
            return;
        }
        DiagramView v = compareView.getValue();
        leftViewNote.setText(viewNote(comparison.earlier(), v));
        rightViewNote.setText(viewNote(comparison.later(), v));
    }

    static String viewNote(VisitChart chart, DiagramView view) {
        long here = VisitComparison.pointsOn(chart, view);
        String s = here == 0 ? "No points on this view" : VisitText.points(here) + " on this view";
        List<String> elsewhere = new ArrayList<>();
        for (DiagramView other : DiagramView.values()) {
            long n = other == view ? 0 : VisitComparison.pointsOn(chart, other);
            if (n > 0) {
                elsewhere.add(n + " on " + other);
            }
        }
        return elsewhere.isEmpty() ? s : s + "  \u00b7  also " + String.join("; ", elsewhere);
    }

    private void showDifferences(VisitComparison c, ZoneId zone) {
        String early = VisitText.day(c.earlier().visit().startedAt(), zone);
        String late = VisitText.day(c.later().visit().startedAt(), zone);
        List<javafx.scene.Node> out = new ArrayList<>();
        Label title = new Label("What changed");
        title.getStyleClass().add("title-4");
        out.add(title);
        out.add(heading("Product totals, earlier \u2192 later"));
        if (c.products().isEmpty()) {
            out.add(none("No products charted in either visit."));
        }
        for (ProductChange p : c.products()) {
            Label l = new Label(p.describe());
            l.setId("diff-product-" + p.productId());
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.getStyleClass().addAll("compare-diff-line",
                    p.change().signum() > 0 ? "diff-up" : p.change().signum() < 0 ? "diff-down" : "diff-same");
            l.setGraphic(dot(p.colour()));
            out.add(l);
        }
        out.add(heading("Regions"));
        boolean any = false;
        any |= regions(out, "Only on " + early + " (earlier)", c.onlyEarlier(), "diff-only-earlier");
        any |= regions(out, "Only on " + late + " (later)", c.onlyLater(), "diff-only-later");
        if (!any) {
            out.add(none(c.inBoth().isEmpty() ? "No regions charted in either visit."
                    : "The same regions were treated in both visits."));
        }
        regions(out, "Treated in both", c.inBoth(), "diff-in-both");
        if (c.noDifference()) {
            Label same = none("Same products, amounts and regions in both visits.");
            same.setId("diff-none");
            out.add(1, same);
        }
        compareDiff.getChildren().setAll(out);
        compareDiffScroll.setVvalue(0);
    }

    private static boolean regions(List<javafx.scene.Node> out, String title, Set<Region> regions, String id) {
        if (regions.isEmpty()) {
            return false;
        }
        Label t = new Label(title);
        t.getStyleClass().add("compare-diff-change");
        Label list = new Label(regions.stream().map(Region::label).collect(Collectors.joining("\n")));
        list.setId(id);
        list.setWrapText(true);
        list.setMinHeight(Label.USE_PREF_SIZE);
        list.getStyleClass().add("compare-diff-regions");
        out.add(new VBox(2, t, list));
        return true;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.getStyleClass().add("compare-diff-heading");
        return l;
    }

    private static Label none(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.getStyleClass().add("compare-diff-none");
        return l;
    }

    private static Circle dot(String hex) {
        Color c;
        try {
            c = hex == null ? Color.GRAY : Color.web(hex);
        } catch (IllegalArgumentException e) {
            c = Color.GRAY;
        }
        Circle dot = new Circle(7, c);
        dot.setStroke(Color.WHITE);
        dot.setStrokeWidth(1.5);
        return dot;
    }

    /** A view with how many points each visit has on it: "Face, front — 7 and 9 points". */
    private final class ViewCell extends ListCell<DiagramView> {
        @Override
        protected void updateItem(DiagramView v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setText(null);
                return;
            }
            if (comparison == null) {
                setText(v.toString());
                return;
            }
            long a = VisitComparison.pointsOn(comparison.earlier(), v);
            long b = VisitComparison.pointsOn(comparison.later(), v);
            setText(v + "  \u2014  " + a + " and " + b + " points");
        }
    }
}
