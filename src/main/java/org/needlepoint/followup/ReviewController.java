package org.needlepoint.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.ui.Shell;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StaleRecordException;

/**
 * The injectors' review list ({@link AdverseEventService#reviewList}): urgent alerts still open
 * (close with a note), patients' phoned-in reports waiting (record as a side effect, or dismiss
 * with a note) and side effects not yet resolved. Notes are typed in the panel docked under the
 * list. INJECTOR and ADMIN only: the section leaves the tab out for the front desk. The list reloads
 * by itself when another PC changes what it shows; the selected line and a note being typed stay.
 */
public final class ReviewController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final PseudoClass HEADER = PseudoClass.getPseudoClass("section-header");

    sealed interface Item permits Header, ReportItem, UrgentItem, EventItem {
    }

    record Header(String key, String title, int count, String note) implements Item {
    }

    record ReportItem(PatientReport report) implements Item {
    }

    record UrgentItem(AdverseEventSummary event) implements Item {
    }

    record EventItem(AdverseEventSummary event) implements Item {
    }

    /** What the note panel is open for. */
    private record Pending(String verb, long id, int version, String who, boolean urgent) {
    }

    private final AdverseEventService events;
    private final Background background;
    private final Shell shell;
    private final Clock clock;
    private final Changes changes;

    @FXML private VBox reviewRoot;
    @FXML private Label reviewStatus;
    @FXML private Label reviewError;
    @FXML private ListView<Item> reviewList;
    @FXML private Label reviewEmpty;
    @FXML private VBox reviewNotePane;
    @FXML private Label reviewNoteTitle;
    @FXML private Label reviewNoteSub;
    @FXML private TextField reviewNote;
    @FXML private Button reviewNoteConfirm;
    @FXML private Label reviewNoteError;

    private ReviewList current;
    private Pending pending;
    private final NewestLoad loads = new NewestLoad();
    private boolean busy;
    private Consumer<ReviewList> onLoaded = r -> { };

    public ReviewController(AdverseEventService events, Background background, Shell shell, Clock clock, Changes changes) {
        this.events = Objects.requireNonNull(events);
        this.background = Objects.requireNonNull(background);
        this.shell = Objects.requireNonNull(shell);
        this.clock = Objects.requireNonNull(clock);
        this.changes = Objects.requireNonNull(changes);
    }

    @FXML
    private void initialize() {
        reviewList.setCellFactory(v -> new Cell());
        reviewList.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            if (i >= 0 && i < reviewList.getItems().size() && reviewList.getItems().get(i) instanceof Header) {
                int step = i >= was.intValue() ? 1 : -1;
                int to = i + step;
                if (to >= 0 && to < reviewList.getItems().size() && !(reviewList.getItems().get(to) instanceof Header)) {
                    reviewList.getSelectionModel().select(to);
                } else {
                    reviewList.getSelectionModel().clearSelection();
                }
            }
        });
        reviewNote.setOnAction(e -> confirmNote());
        reviewNotePane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelNote();
                e.consume();
            }
        });
        Forms.showStatus(reviewStatus, null);
        Forms.showError(reviewError, null);
        cancelNote();
        LiveRefresh.followLoads(reviewRoot, changes, Set.of(ChangeFeed.FOLLOWUP, ChangeFeed.ADVERSE_EVENT,
                ChangeFeed.PATIENT), this::refresh);
    }

    /** Called with each loaded list (the section's tab shows the count). */
    public void setOnLoaded(Consumer<ReviewList> handler) {
        this.onLoaded = Objects.requireNonNull(handler);
    }

    /** Loads the list again; a slower earlier load is ignored. */
    public void refresh() {
        refresh(() -> { });
    }

    /** As {@link #refresh()}; {@code done} runs once the list is shown or the load dropped. */
    private void refresh(Runnable done) {
        loads.run(background, events::reviewList, this::show, error -> Forms.showError(reviewError, Forms.message(error)),
                done);
    }

    /** The list on screen (tests). */
    public ReviewList reviewList() {
        return current;
    }

    private void show(ReviewList r) {
        current = r;
        List<Item> items = new ArrayList<>();
        items.add(new Header("urgent", "Urgent alerts open", r.openUrgent().size(), r.openUrgent().isEmpty()
                ? "No urgent alert is open." : "Close an alert once the patient is safe and the follow-up is planned."));
        r.openUrgent().forEach(e -> items.add(new UrgentItem(e)));
        items.add(new Header("reports", "Patients' reports waiting", r.waitingReports().size(), r.waitingReports().isEmpty()
                ? "No report is waiting." : "Record each as a side effect on the visit it follows, or dismiss it with a note."));
        r.waitingReports().forEach(p -> items.add(new ReportItem(p)));
        items.add(new Header("events", "Side effects not resolved", r.openEvents().size(), r.openEvents().isEmpty()
                ? "Every recorded side effect is resolved." : "Newest onset first."));
        r.openEvents().forEach(e -> items.add(new EventItem(e)));
        String selected = key(reviewList.getSelectionModel().getSelectedItem());
        reviewList.getItems().setAll(items);
        for (int i = 0; selected != null && i < items.size(); i++) {
            if (selected.equals(key(items.get(i)))) {
                reviewList.getSelectionModel().select(i);
            }
        }
        onLoaded.accept(r);
    }

    /** What a line is about, whatever changed in it: the selection stays on it across a reload. */
    private static String key(Item item) {
        if (item instanceof Header h) {
            return "header " + h.key();
        } else if (item instanceof ReportItem r) {
            return "report " + r.report().id();
        } else if (item instanceof UrgentItem u) {
            return "urgent " + u.event().id();
        } else if (item instanceof EventItem e) {
            return "event " + e.event().id();
        }
        return null;
    }

    @FXML
    private void reload() {
        Forms.showError(reviewError, null);
        Forms.showStatus(reviewStatus, null);
        refresh();
    }

    // ------------------------------------------------------------------ the note panel

    private void askNote(Pending p, String title, String sub, String prompt, String confirm) {
        pending = p;
        for (int i = 0; i < reviewList.getItems().size(); i++) {
            Item item = reviewList.getItems().get(i);
            if (p.urgent() ? item instanceof UrgentItem u && u.event().id() == p.id()
                    : item instanceof ReportItem r && r.report().id() == p.id()) {
                reviewList.getSelectionModel().select(i);
            }
        }
        reviewNoteTitle.setText(title);
        reviewNoteSub.setText(sub);
        reviewNote.clear();
        reviewNote.setPromptText(prompt);
        reviewNoteConfirm.setText(confirm);
        reviewNoteConfirm.setDisable(false);
        Forms.showError(reviewNoteError, null);
        reviewNotePane.setVisible(true);
        reviewNotePane.setManaged(true);
        Platform.runLater(reviewNote::requestFocus);
    }

    @FXML
    private void cancelNote() {
        pending = null;
        reviewNotePane.setVisible(false);
        reviewNotePane.setManaged(false);
    }

    @FXML
    private void confirmNote() {
        Pending p = pending;
        if (p == null || busy) {
            return;
        }
        String note = reviewNote.getText();
        busy = true;
        reviewNoteConfirm.setDisable(true);
        background.run(() -> p.urgent() ? events.closeUrgent(p.id(), p.version(), note)
                : events.dismissReport(p.id(), p.version(), note), done -> {
            busy = false;
            cancelNote();
            Forms.showError(reviewError, null);
            Forms.showStatus(reviewStatus, (p.urgent() ? "Closed the urgent alert for " : "Dismissed the report of ")
                    + p.who() + ".");
            refresh();
            shell.followUpsChanged();
        }, error -> {
            busy = false;
            reviewNoteConfirm.setDisable(false);
            if (error instanceof StaleRecordException || error instanceof ValidationException v
                    && (v.fieldErrors().containsKey("report") || v.fieldErrors().containsKey("event"))) {
                cancelNote();
                Forms.showStatus(reviewStatus, null);
                Forms.showError(reviewError, Forms.message(error) + " The list has been reloaded.");
                refresh();
                shell.followUpsChanged();
            } else {
                Forms.showError(reviewNoteError, Forms.message(error));
            }
        });
    }

    // ------------------------------------------------------------------ cells

    private String when(Instant at) {
        return WHEN.format(at.atZone(clock.getZone()));
    }

    private final class Cell extends ListCell<Item> {
        Cell() {
            setPrefWidth(0);
        }

        @Override
        protected double computePrefHeight(double width) {
            return getGraphic() == null || width <= 0 ? super.computePrefHeight(width)
                    : WorklistController.wrappedHeight(this, width);
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(HEADER, item instanceof Header);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
            } else if (item instanceof Header h) {
                setGraphic(header(h));
            } else if (item instanceof ReportItem r) {
                setGraphic(report(r.report()));
            } else if (item instanceof UrgentItem u) {
                setGraphic(event(u.event(), true));
            } else if (item instanceof EventItem e) {
                setGraphic(event(e.event(), false));
            }
        }
    }

    private Node header(Header h) {
        Label title = new Label(h.title());
        title.getStyleClass().add("section-header-title");
        Label count = new Label(Integer.toString(h.count()));
        count.getStyleClass().add("section-header-count");
        count.setId("reviewCount-" + h.key());
        if (h.count() > 0) {
            count.getStyleClass().add("has-rows");
        }
        Label note = new Label(h.note());
        note.getStyleClass().add("section-header-note");
        HBox box = new HBox(10, title, count, note);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("section-header", h.key().equals("urgent") ? "section-overdue" : "section-today");
        return box;
    }

    private Node report(PatientReport r) {
        VBox who = who(r.patientName(), "Chart " + r.chartNumber() + (r.phone() == null ? "" : "  ·  " + r.phone()));
        Label text = new Label("“" + r.text() + "”");
        text.getStyleClass().add("row-text");
        text.setWrapText(true);
        Label meta = new Label("Phoned " + when(r.phonedAt()) + " · taken by " + r.takenByName());
        meta.getStyleClass().add("row-sub");
        VBox what = new VBox(3, text, meta);
        what.setMinWidth(0);
        HBox.setHgrow(what, Priority.ALWAYS);
        Button record = WorklistController.button("Record as side effect", "mdal-healing", "recordReport-" + r.id(),
                "Record an adverse event from this report on the visit it follows");
        record.getStyleClass().add("accent");
        record.setOnAction(e -> shell.recordEventFromReport(r.patientId(), r.id(), r.version()));
        Button dismiss = WorklistController.button("Dismiss…", "mdal-close", "dismissReport-" + r.id(),
                "No event to record: dismiss with a note");
        dismiss.setOnAction(e -> askNote(new Pending("dismiss", r.id(), r.version(), r.patientName(), false),
                "Dismiss the report of " + r.patientName(), "“" + r.text() + "”",
                "Why no side effect is recorded, e.g. expected mild bruising, reassured, no action needed",
                "Dismiss the report"));
        Button open = patientButton(r.patientId(), "reportPatient-" + r.id());
        return row(r.id(), "report", false, who, what, record, dismiss, open);
    }

    private Node event(AdverseEventSummary e, boolean urgent) {
        VBox who = who(e.patientName(), "Chart " + e.chartNumber());
        Label headline = new Label(e.headline());
        headline.getStyleClass().add("row-reason");
        headline.setWrapText(true);
        Label meta = new Label(e.severity().label() + " · onset " + TaskActionController.DAY.format(e.onsetDate()) + " ("
                + e.timing().label() + ") after the visit of " + TaskActionController.DAY.format(e.visitDate()) + " · "
                + e.outcome().label() + (e.serious() ? " · serious" : ""));
        meta.getStyleClass().add("row-sub");
        meta.setWrapText(true);
        Label by = new Label("Recorded " + when(e.createdAt()) + " by " + e.reportedByName());
        by.getStyleClass().add("row-sub");
        VBox what = new VBox(3, headline, meta, by);
        what.setMinWidth(0);
        HBox.setHgrow(what, Priority.ALWAYS);
        Button open = patientButton(e.patientId(), (urgent ? "urgentPatient-" : "eventPatient-") + e.id());
        if (!urgent) {
            return row(e.id(), "event", false, who, what, open);
        }
        Button close = WorklistController.button("Close alert…", "mdal-check", "closeUrgent-" + e.id(),
                "The patient is safe and the follow-up is planned: close with a note");
        close.getStyleClass().add("danger");
        close.setOnAction(a -> askNote(new Pending("close", e.id(), e.version(), e.patientName(), true),
                "Close the urgent alert for " + e.patientName(), e.headline() + " · " + e.severity().label(),
                "What was done, e.g. hyaluronidase given 14:10, blanching resolved, review tomorrow 9:00", "Close the alert"));
        return row(e.id(), "urgent", true, who, what, close, open);
    }

    private static VBox who(String name, String sub) {
        Label n = new Label(name);
        n.getStyleClass().add("row-name");
        n.setWrapText(true);
        Label s = new Label(sub);
        s.getStyleClass().add("row-sub");
        VBox box = new VBox(2, n, s);
        box.setMinWidth(230);
        box.setPrefWidth(230);
        box.setMaxWidth(230);
        return box;
    }

    private Button patientButton(long patientId, String id) {
        Button b = WorklistController.button("Patient", "mdmz-person", id, "Open the patient's record");
        b.setOnAction(e -> shell.openPatient(patientId));
        return b;
    }

    private static Node row(long id, String kind, boolean urgent, VBox who, VBox what, Button... buttons) {
        HBox actions = new HBox(8, buttons);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(16, who, what, actions);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("followup-row", urgent ? "row-urgent" : "row-today");
        box.setId(kind + "-" + id);
        return box;
    }
}
