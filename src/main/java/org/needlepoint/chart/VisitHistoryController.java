package org.needlepoint.chart;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.View;

/**
 * A patient's treatment timeline, newest first: date, injector, status, products with their totals,
 * point and addendum counts. Enter, a double-click or "Open visit" hands the visit's id to
 * {@link #setOnOpenVisit}; two visits selected (Ctrl- or Shift-click) can be compared side by side
 * in a window over the main one ({@link CompareVisitsController}).
 *
 * <p>The comparison window is modal to the main window. Input in it counts as activity for the main
 * window's idle lock, and it closes itself when the main window locks, signs out or drops this view,
 * so a patient's charts never stay on screen over the lock.
 */
public final class VisitHistoryController {
    private static final PseudoClass DRAFT = PseudoClass.getPseudoClass("draft");

    private final ChartService charts;
    private final Background background;
    private final Clock clock;
    private final Supplier<View<CompareVisitsController>> compareViews;

    @FXML private VBox historyRoot;
    @FXML private Label historyCount;
    @FXML private Label historyHint;
    @FXML private Label historyError;
    @FXML private Button openVisitButton;
    @FXML private Button compareButton;
    @FXML private ListView<VisitSummary> visitList;
    @FXML private Label visitListEmpty;

    private LongConsumer onOpenVisit;
    private Long patientId;
    private long loads;
    private Stage compareStage;
    private View<CompareVisitsController> compare;

    /**
     * @param compareViews loads a fresh comparison view (the app's view loader does)
     */
    public VisitHistoryController(ChartService charts, Background background, Clock clock,
                                  Supplier<View<CompareVisitsController>> compareViews) {
        this.charts = Objects.requireNonNull(charts, "charts");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.compareViews = Objects.requireNonNull(compareViews, "compareViews");
    }

    @FXML
    private void initialize() {
        visitList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        visitList.setCellFactory(list -> new VisitCell());
        visitList.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> selectionChanged());
        visitList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        Forms.showError(historyError, null);
        visitListEmpty.setText("Choose a patient to see their treatments.");
        selectionChanged();
    }

    // ------------------------------------------------------------------ public API

    /** Shows {@code patientId}'s visits, loaded in the background; a slower earlier load is ignored. */
    public void showPatient(long patientId) {
        this.patientId = patientId;
        load();
    }

    /** Loads the current patient's visits again (after a visit was started, signed or amended). */
    public void refresh() {
        if (patientId != null) {
            load();
        }
    }

    /** Called with a visit's id when it is opened: Enter, a double-click, or the "Open visit" button. */
    public void setOnOpenVisit(LongConsumer handler) {
        this.onOpenVisit = handler;
        selectionChanged();
    }

    /** The visits shown, newest first. */
    public List<VisitSummary> visits() {
        return List.copyOf(visitList.getItems());
    }

    /** The comparison on screen, if any. */
    public java.util.Optional<CompareVisitsController> openComparison() {
        return compareStage != null && compareStage.isShowing() ? java.util.Optional.of(compare.controller())
                : java.util.Optional.empty();
    }

    /** Opens the side-by-side comparison of two visits of this patient (the earlier on the left). */
    public void compare(long visitA, long visitB) {
        closeComparison();
        Window owner = historyRoot.getScene() == null ? null : historyRoot.getScene().getWindow();
        compare = compareViews.get();
        Stage stage = new Stage();
        stage.setTitle("Compare visits");
        Scene scene = new Scene(compare.root());
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            // cover the main window exactly: it was made to fit the screen, so this does too
            stage.setX(owner.getX());
            stage.setY(owner.getY());
            stage.setWidth(owner.getWidth());
            stage.setHeight(owner.getHeight());
            forwardActivity(scene, owner.getScene());
        } else {
            stage.setWidth(1280);
            stage.setHeight(720);
        }
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
        Stage shown = stage;
        compare.controller().setOnClose(shown::close);
        compareStage = stage;
        Runnable unwatch = closeWhenHidden(stage);
        stage.setOnHidden(e -> {
            unwatch.run();
            if (compareStage == shown) {
                compareStage = null;
            }
            visitList.requestFocus();
        });
        compare.controller().compare(visitA, visitB);
        stage.show();
    }

    /** Closes the comparison window, if one is open. */
    public void closeComparison() {
        if (compareStage != null) {
            compareStage.close();
            compareStage = null;
        }
    }

    // ------------------------------------------------------------------ actions

    @FXML
    private void openSelected() {
        List<VisitSummary> s = selected();
        if (s.size() == 1) {
            open(s.get(0));
        }
    }

    @FXML
    private void compareSelected() {
        List<VisitSummary> s = selected();
        if (s.size() == 2) {
            compare(s.get(0).id(), s.get(1).id());
        }
    }

    private void open(VisitSummary v) {
        if (onOpenVisit != null) {
            onOpenVisit.accept(v.id());
        }
    }

    private List<VisitSummary> selected() {
        List<VisitSummary> out = new ArrayList<>();
        for (Integer i : visitList.getSelectionModel().getSelectedIndices()) {
            if (i != null && i >= 0 && i < visitList.getItems().size()) {
                out.add(visitList.getItems().get(i));
            }
        }
        return out;
    }

    private void selectionChanged() {
        List<VisitSummary> s = selected();
        openVisitButton.setDisable(s.size() != 1 || onOpenVisit == null);
        compareButton.setDisable(s.size() != 2);
        ZoneId zone = clock.getZone();
        String hint;
        if (visitList.getItems().size() < 2) {
            hint = visitList.getItems().isEmpty() ? "" : "Double-click a visit or press Enter to open it.";
        } else if (s.size() == 2) {
            List<VisitSummary> byDate = new ArrayList<>(s);
            byDate.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
            hint = "Compare the maps of " + VisitText.day(byDate.get(0).startedAt(), zone) + " and "
                    + VisitText.day(byDate.get(1).startedAt(), zone) + " side by side.";
        } else if (s.size() > 2) {
            hint = s.size() + " visits selected: select exactly two to compare them.";
        } else if (s.size() == 1) {
            hint = "Ctrl+click (or Shift+click) a second visit to compare the two. Double-click or Enter opens it.";
        } else {
            hint = "Double-click a visit or press Enter to open it. Select two with Ctrl+click to compare them.";
        }
        historyHint.setText(hint);
    }

    // ------------------------------------------------------------------ loading

    private void load() {
        long id = patientId;
        long seq = ++loads;
        Forms.showError(historyError, null);
        visitList.getItems().clear();
        visitListEmpty.setText("Loading treatments\u2026");
        historyCount.setText("");
        background.run(() -> charts.history(id), list -> {
            if (seq != loads) {
                return;
            }
            visitList.getItems().setAll(list);
            visitListEmpty.setText("No treatments recorded yet");
            historyCount.setText(list.isEmpty() ? "" : VisitText.plural(list.size(), "visit", "visits"));
            if (!list.isEmpty()) {
                visitList.getSelectionModel().clearSelection();
                visitList.getFocusModel().focus(0);
            }
            selectionChanged();
        }, error -> {
            if (seq != loads) {
                return;
            }
            visitListEmpty.setText("The treatments could not be loaded.");
            Forms.showError(historyError, Forms.message(error));
            selectionChanged();
        });
    }

    // ------------------------------------------------------------------ the comparison window

    /** Input in the comparison window keeps the main window's idle lock from firing, as input there would. */
    private static void forwardActivity(Scene from, Scene to) {
        EventHandler<InputEvent> forward = e -> Event.fireEvent(to, new MouseEvent(MouseEvent.MOUSE_MOVED, 0, 0, 0, 0,
                MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
        from.addEventFilter(KeyEvent.KEY_PRESSED, forward);
        from.addEventFilter(MouseEvent.MOUSE_PRESSED, forward);
        from.addEventFilter(MouseEvent.MOUSE_MOVED, forward);
        from.addEventFilter(ScrollEvent.ANY, forward);
        from.addEventFilter(TouchEvent.ANY, forward);
    }

    /**
     * Closes {@code stage} as soon as this view stops being visible (the main window locked, signed
     * out, or showed another page); returns what stops the watching.
     */
    private Runnable closeWhenHidden(Stage stage) {
        List<Node> chain = new ArrayList<>();
        for (Node n = historyRoot; n != null; n = n.getParent()) {
            chain.add(n);
        }
        InvalidationListener check = o -> {
            if (stage.isShowing() && !onScreen()) {
                stage.close();
            }
        };
        chain.forEach(n -> {
            n.visibleProperty().addListener(check);
            n.sceneProperty().addListener(check);
        });
        return () -> chain.forEach(n -> {
            n.visibleProperty().removeListener(check);
            n.sceneProperty().removeListener(check);
        });
    }

    private boolean onScreen() {
        if (historyRoot.getScene() == null || historyRoot.getScene().getWindow() == null
                || !historyRoot.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = historyRoot; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ the rows

    /** A visit's row: when | products, counts, regions | status and who. At least 64 px tall. */
    private final class VisitCell extends ListCell<VisitSummary> {
        private final Label date = label("visit-date");
        private final Label when = label("visit-when");
        /** One label per product ("Dysport 300 U · 50 U"): a narrow row wraps between products, never inside one. */
        private final FlowPane products = new FlowPane(18, 2);
        private final Label counts = label("visit-counts");
        private final Label regions = label("visit-regions");
        private final Label status = label("visit-status");
        private final Label by = label("visit-by");
        private final Label signedAt = label("visit-signed-at");
        private final HBox row;

        VisitCell() {
            VBox dateBox = new VBox(2, date, when);
            dateBox.setMinWidth(160); // a fixed column: dates line up
            dateBox.setPrefWidth(160);
            dateBox.setMaxWidth(160);
            VBox main = new VBox(2, products, counts, regions);
            main.setMinWidth(0);
            HBox.setHgrow(main, Priority.ALWAYS);
            VBox statusBox = new VBox(3, status, by, signedAt);
            statusBox.setAlignment(Pos.TOP_RIGHT);
            statusBox.setMinWidth(190);
            statusBox.setPrefWidth(190);
            for (Label l : List.of(counts, regions, by, signedAt)) {
                l.setTextOverrun(OverrunStyle.ELLIPSIS);
                l.setMinWidth(0);
            }
            products.getStyleClass().add("visit-products");
            products.setMinWidth(0);
            products.setPrefWrapLength(200);
            row = new HBox(16, dateBox, main, statusBox);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinHeight(SiteMap.MARKER_HIT + 20);
            row.getStyleClass().add("visit-row");
            getStyleClass().add("visit-cell");
            // as wide as the list, never wider: no sideways scrolling; the products wrap instead
            setPrefWidth(0);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty() && getItem() != null
                        && !e.isShortcutDown() && !e.isShiftDown()) {
                    open(getItem());
                    e.consume();
                }
            });
        }

        private static Label label(String style) {
            Label l = new Label();
            l.getStyleClass().add(style);
            return l;
        }

        @Override
        protected void updateItem(VisitSummary v, boolean empty) {
            super.updateItem(v, empty);
            setText(null);
            if (empty || v == null) {
                setGraphic(null);
                setId(null);
                setTooltip(null);
                setAccessibleText(null);
                pseudoClassStateChanged(DRAFT, false);
                return;
            }
            ZoneId zone = clock.getZone();
            LocalDate day = v.startedAt().atZone(zone).toLocalDate();
            setId("visit-" + v.id());
            date.setText(VisitText.day(v.startedAt(), zone));
            when.setText(VisitText.ago(day, LocalDate.now(clock)) + " \u00b7 " + VisitText.time(v.startedAt(), zone));
            List<Label> items = new ArrayList<>();
            if (v.products().isEmpty()) {
                items.add(label("visit-product"));
                items.get(0).setText(VisitText.products(v.products()));
            }
            for (VisitSummary.ProductAmount p : v.products()) {
                Label l = label("visit-product");
                l.setText(VisitText.products(List.of(p)));
                l.setMinWidth(Label.USE_PREF_SIZE);
                items.add(l);
            }
            products.getChildren().setAll(items);
            String c = VisitText.points(v.points());
            if (v.addenda() > 0) {
                c += "  \u00b7  " + VisitText.addenda(v.addenda());
            }
            counts.setText(c);
            regions.setText(VisitText.regions(v.regions()));
            regions.setVisible(!v.regions().isEmpty());
            regions.setManaged(!v.regions().isEmpty());
            boolean draft = v.status() == VisitStatus.DRAFT;
            pseudoClassStateChanged(DRAFT, draft);
            status.getStyleClass().removeAll("status-draft", "status-signed");
            status.getStyleClass().add(draft ? "status-draft" : "status-signed");
            if (draft) {
                status.setText("DRAFT \u00b7 not signed");
                by.setText(v.injectorName());
                signedAt.setText("still being charted");
            } else {
                status.setText("SIGNED");
                by.setText("by " + v.injectorName());
                signedAt.setText(v.signedAt() == null ? ""
                        : VisitText.day(v.signedAt(), zone) + ", " + VisitText.time(v.signedAt(), zone));
            }
            String summary = date.getText() + ", " + (draft ? "draft by " : "signed by ") + v.injectorName() + ": "
                    + VisitText.products(v.products()) + "; " + counts.getText();
            setAccessibleText(summary);
            setTooltip(v.regions().isEmpty() ? null : new Tooltip(VisitText.regions(v.regions())));
            setGraphic(row);
        }
    }
}
