package org.needlepoint.followup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;
import org.needlepoint.common.Dates;
import org.needlepoint.common.ValidationException;

/**
 * Safety signals (injectors and admins): today's signals in red at the top, each leading to its
 * lot's recall view, and the adverse events with onset in a date range (the last 90 days at first)
 * counted by lot, product, injector or type. Read again each time the view is shown.
 */
public final class SafetySignalsController {
    /** The range shown at first: the last 90 days, today included. */
    public static final int DEFAULT_DAYS = 90;
    private static final DateTimeFormatter TYPED = AdverseEventController.TYPED;
    private static final DateTimeFormatter DAY = AdverseEventController.DAY;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final AdverseEventService events;
    private final FollowUpService followUps;
    private final Background background;
    private final Shell shell;

    @FXML private Label thresholdLabel;
    @FXML private VBox signalsBox;
    @FXML private Label noSignals;
    @FXML private DatePicker safetyFrom;
    @FXML private DatePicker safetyTo;
    @FXML private HBox dimensionBox;
    @FXML private Label safetyError;
    @FXML private TableView<EventCount> safetyTable;
    @FXML private TableColumn<EventCount, String> labelColumn;
    @FXML private TableColumn<EventCount, Long> countColumn;
    @FXML private TableColumn<EventCount, Double> barColumn;
    @FXML private Label safetyPlaceholder;
    @FXML private Label safetySummary;

    private final ToggleGroup dimensions = new ToggleGroup();
    private boolean datesSet;
    private long signalLoads;
    private long countLoads;

    public SafetySignalsController(AdverseEventService events, FollowUpService followUps, Background background,
                                   Shell shell) {
        this.events = events;
        this.followUps = followUps;
        this.background = background;
        this.shell = shell;
    }

    @FXML
    private void initialize() {
        for (EventDimension d : EventDimension.values()) {
            ToggleButton b = new ToggleButton(d.toString());
            b.setId("safetyBy-" + d.name());
            b.setUserData(d);
            b.setToggleGroup(dimensions);
            b.getStyleClass().addAll("big", "dimension-toggle");
            dimensionBox.getChildren().add(b);
        }
        dimensions.selectToggle(dimensions.getToggles().get(0));
        dimensions.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                loadCounts();
            }
        });
        for (DatePicker p : List.of(safetyFrom, safetyTo)) {
            p.setConverter(new StringConverter<>() {
                @Override
                public String toString(LocalDate d) {
                    return d == null ? "" : TYPED.format(d);
                }

                @Override
                public LocalDate fromString(String s) {
                    return s == null || s.isBlank() ? null : Dates.parse(s).orElse(null);
                }
            });
            // typed dates count once committed (Enter, leaving the field) or picked from the calendar
            p.valueProperty().addListener((o, a, b) -> {
                if (datesSet) {
                    loadCounts();
                }
            });
        }
        labelColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        countColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().events()));
        barColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(share(c.getValue())));
        barColumn.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add("share-bar");
            }

            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                    setGraphic(null);
                } else {
                    bar.setProgress(v);
                    setGraphic(bar);
                }
            }
        });
    }

    private double share(EventCount c) {
        long max = safetyTable.getItems().stream().mapToLong(EventCount::events).max().orElse(1);
        return max == 0 ? 0 : (double) c.events() / max;
    }

    /** Reads the signals and the counts again (each time the view is shown). */
    @FXML
    public void refresh() {
        long seq = ++signalLoads;
        background.run(() -> new Signals(events.today(), followUps.settings(), events.signals(events.today())), s -> {
            if (seq != signalLoads) {
                return;
            }
            if (!datesSet) {
                setDate(safetyFrom, s.today().minusDays(DEFAULT_DAYS - 1L));
                setDate(safetyTo, s.today());
                datesSet = true;
            }
            showSignals(s);
            loadCounts();
        }, error -> Forms.showError(safetyError, Forms.message(error)));
    }

    private record Signals(LocalDate today, FollowUpSettings settings, List<SafetySignal> signals) {
    }

    private static void setDate(DatePicker p, LocalDate d) {
        p.setValue(d);
        p.getEditor().setText(TYPED.format(d));
    }

    private void showSignals(Signals s) {
        FollowUpSettings st = s.settings();
        thresholdLabel.setText("A signal: one lot with " + st.signalEvents() + " or more events of one type with onset"
                + " within " + st.signalDays() + " days (Admin \u25b8 Follow-up rules).");
        List<Node> rows = new ArrayList<>();
        for (SafetySignal g : s.signals()) {
            FontIcon icon = new FontIcon("mdmz-warning");
            icon.getStyleClass().add("signal-icon");
            Label text = new Label(describe(g));
            text.getStyleClass().add("signal-text");
            text.setWrapText(true);
            Label when = new Label("Onset " + SHORT.format(g.from()) + " \u2013 " + DAY.format(g.to())
                    + " \u00b7 lot expires " + DAY.format(g.expiry()));
            when.getStyleClass().add("signal-when");
            VBox words = new VBox(2, text, when);
            words.setMinWidth(0);
            HBox.setHgrow(words, Priority.ALWAYS);
            Button open = new Button("Open lot recall view");
            open.setId("signalRecall-" + g.lotId() + "-" + g.type().name());
            open.getStyleClass().add("big");
            open.setMinWidth(Region.USE_PREF_SIZE);
            open.setOnAction(e -> shell.showLotRecall(g.lotId()));
            HBox row = new HBox(12, icon, words, open);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("signal-row");
            row.setId("signal-" + g.lotId() + "-" + g.type().name());
            rows.add(row);
        }
        signalsBox.getChildren().setAll(rows);
        boolean none = s.signals().isEmpty();
        noSignals.setText(none ? "No safety signal today: no lot has " + st.signalEvents() + " events of one type within the last "
                + st.signalDays() + " days." : "");
        noSignals.setVisible(none);
        noSignals.setManaged(none);
    }

    /** "Lot ABC123 of Dysport 300 U: 3 × eyelid ptosis within 30 days". */
    static String describe(SafetySignal g) {
        String type = g.type().label();
        type = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        return "Lot " + g.lotNumber() + " of " + g.productName() + ": " + g.events() + " \u00d7 " + type + " within "
                + g.windowDays() + " days";
    }

    private void loadCounts() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = read(safetyFrom, "from", errors);
        LocalDate to = read(safetyTo, "to", errors);
        if (errors.isEmpty() && from.isAfter(to)) {
            errors.put("to", "The last day (" + TYPED.format(to) + ") is before the first (" + TYPED.format(from) + ").");
        }
        Forms.markAll(Map.of("from", safetyFrom, "to", safetyTo), errors);
        if (!errors.isEmpty()) {
            Forms.showError(safetyError, new ValidationException(errors).getMessage());
            return;
        }
        Forms.showError(safetyError, null);
        EventDimension dim = dimension();
        labelColumn.setText(dim.toString());
        long seq = ++countLoads;
        background.run(() -> events.eventsBy(from, to, dim), counts -> {
            if (seq != countLoads) {
                return;
            }
            safetyTable.getItems().setAll(counts);
            long total = counts.stream().mapToLong(EventCount::events).sum();
            String[] noun = switch (dim) {
                case LOT -> new String[] {"lot", "lots"};
                case PRODUCT -> new String[] {"product", "products"};
                case INJECTOR -> new String[] {"injector", "injectors"};
                case TYPE -> new String[] {"type", "types"};
            };
            boolean split = dim == EventDimension.LOT || dim == EventDimension.PRODUCT;
            safetySummary.setText(counts.isEmpty() ? "" : counts.size() + " " + noun[counts.size() == 1 ? 0 : 1] + ", "
                    + total + (total == 1 ? " event" : " events") + " with onset " + DAY.format(from) + " to "
                    + DAY.format(to) + (split ? " (an event with points of two " + noun[1] + " counts for each)." : "."));
            safetyTable.refresh();
        }, error -> Forms.showError(safetyError, Forms.message(error)));
    }

    private static LocalDate read(DatePicker p, String field, Map<String, String> errors) {
        String t = p.getEditor().getText().strip();
        if (t.isEmpty()) {
            errors.put(field, field.equals("from") ? "Choose the first day." : "Choose the last day.");
            return null;
        }
        return Dates.parse(t).orElseGet(() -> {
            errors.put(field, "\"" + t + "\" is not a date: type MM/DD/YYYY or pick one.");
            return null;
        });
    }

    private EventDimension dimension() {
        return (EventDimension) dimensions.getSelectedToggle().getUserData();
    }
}
