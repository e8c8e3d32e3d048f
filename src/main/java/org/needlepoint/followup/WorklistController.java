package org.needlepoint.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.Shell;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;

/**
 * The call worklist: a role's open tasks in three sections (overdue, due today, upcoming), each row
 * with the patient, the phone numbers (large, copyable), the reason, due date, kind and the calls so
 * far. "Log call" (or Enter, or 1-4 on a selected row) opens the outcome choice docked under the
 * list ({@link TaskActionController}); S snoozes, O opens the patient. The list reloads after each
 * action, and when the task changed meanwhile the message says who changed it; it also reloads by
 * itself when follow-ups, patients or the clinic's settings change on another PC, the selected task kept.
 */
public final class WorklistController {
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final PseudoClass HEADER = PseudoClass.getPseudoClass("section-header");

    /** A line of the list: a section's header or one task. */
    sealed interface Item permits Header, Row {
    }

    record Header(WorklistSection section, int count, String note) implements Item {
    }

    record Row(WorklistRow row, WorklistSection section) implements Item {
    }

    private final FollowUpService followUps;
    private final Background background;
    private final User user;
    private final Shell shell;
    private final ZoneId zone;
    private final Changes changes;

    @FXML private VBox worklistRoot;
    @FXML private Label worklistTitle;
    @FXML private Label worklistHint;
    @FXML private ComboBox<Role> worklistRole;
    @FXML private Button worklistRefresh;
    @FXML private Label worklistStatus;
    @FXML private Label worklistError;
    @FXML private ListView<Item> worklistList;
    @FXML private TaskBookController taskBookController;
    @FXML private Label worklistEmpty;
    @FXML private TaskActionController taskActionController;

    private Worklist current;
    private long loads;
    private Consumer<Worklist> onLoaded = w -> { };

    public WorklistController(FollowUpService followUps, Background background, User user, Shell shell, ZoneId zone,
                              Changes changes) {
        this.followUps = Objects.requireNonNull(followUps);
        this.background = Objects.requireNonNull(background);
        this.user = Objects.requireNonNull(user);
        this.shell = Objects.requireNonNull(shell);
        this.zone = Objects.requireNonNull(zone);
        this.changes = Objects.requireNonNull(changes);
    }

    @FXML
    private void initialize() {
        worklistRole.getItems().setAll(Role.FRONT_DESK, Role.INJECTOR, Role.ADMIN);
        worklistRole.setValue(Role.FRONT_DESK);
        worklistRole.valueProperty().addListener((o, a, b) -> refresh());
        worklistList.setCellFactory(v -> new Cell());
        worklistList.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> skipHeader(was.intValue(),
                now.intValue()));
        worklistList.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        Forms.showStatus(worklistStatus, null);
        Forms.showError(worklistError, null);
        taskActionController.setOnDone(message -> {
            Forms.showError(worklistError, null);
            Forms.showStatus(worklistStatus, message);
            refresh();
        });
        taskActionController.setOnStale(message -> {
            Forms.showStatus(worklistStatus, null);
            Forms.showError(worklistError, message + " The list has been reloaded with their change.");
            refresh();
        });
        taskActionController.setOnHidden(worklistList::requestFocus);
        taskBookController.setOnDone(message -> {
            Forms.showError(worklistError, null);
            Forms.showStatus(worklistStatus, message);
            refresh();
        });
        taskBookController.setOnStale(message -> {
            Forms.showStatus(worklistStatus, null);
            Forms.showError(worklistError, message + " The list has been reloaded with their change.");
            refresh();
        });
        taskBookController.setOnHidden(worklistList::requestFocus);
        LiveRefresh.followLoads(worklistRoot, changes, Set.of(ChangeFeed.FOLLOWUP, ChangeFeed.PATIENT, ChangeFeed.CLINIC),
                this::refresh);
    }

    /** Called with each loaded worklist (the section's tab shows the count). */
    public void setOnLoaded(Consumer<Worklist> handler) {
        this.onLoaded = Objects.requireNonNull(handler);
    }

    /** Loads today's list again; a slower earlier load is ignored, the selected task stays selected when it is still there. */
    public void refresh() {
        refresh(() -> { });
    }

    /** As {@link #refresh()}; {@code done} runs once the list is shown or the load dropped. */
    private void refresh(Runnable done) {
        long mine = ++loads;
        Role role = worklistRole.getValue();
        LocalDate day = followUps.today();
        background.run(() -> followUps.worklist(day, role), w -> {
            if (mine == loads) {
                show(w);
            }
            done.run();
        }, error -> {
            if (mine == loads) {
                Forms.showError(worklistError, Forms.message(error));
            }
            done.run();
        });
    }

    /** The list on screen (tests, the tab title). */
    public Worklist worklist() {
        return current;
    }

    private void show(Worklist w) {
        if (w.equals(current)) {
            // nothing changed (the feed's look after this PC's own save, say): the rows, and the button under
            // someone's pointer, stay as they are
            onLoaded.accept(w);
            return;
        }
        Row selected = worklistList.getSelectionModel().getSelectedItem() instanceof Row r ? r : null;
        int selectedIndex = worklistList.getSelectionModel().getSelectedIndex();
        current = w;
        worklistTitle.setText("Calls for " + LONG_DAY.format(w.date()));
        List<Item> items = new ArrayList<>();
        add(items, WorklistSection.OVERDUE, w.overdue(), "Nothing overdue.", "Due before today: call these first.");
        add(items, WorklistSection.DUE_TODAY, w.dueToday(), "Nothing due today.", "Due today, " + TaskActionController.DAY
                .format(w.date()) + ".");
        add(items, WorklistSection.UPCOMING, w.upcoming(), "Nothing due in the next " + w.upcomingDays() + " days.",
                "Due in the next " + w.upcomingDays() + " days.");
        worklistList.getItems().setAll(items);
        int index = -1;
        if (selected != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Row r && r.row().taskId() == selected.row().taskId()) {
                    index = i;
                }
            }
        }
        if (index < 0 && selectedIndex >= 0) {
            index = nearestRow(Math.min(selectedIndex, items.size() - 1), 1);
        }
        if (index < 0) {
            index = nearestRow(0, 1);
        }
        if (index >= 0) {
            worklistList.getSelectionModel().select(index);
        }
        onLoaded.accept(w);
    }

    private static void add(List<Item> items, WorklistSection section, List<WorklistRow> rows, String none, String note) {
        items.add(new Header(section, rows.size(), rows.isEmpty() ? none : note));
        rows.forEach(r -> items.add(new Row(r, section)));
    }

    /** A header cannot stay selected: the selection moves on to the nearest task in the direction it moved. */
    private void skipHeader(int was, int now) {
        if (now < 0 || now >= worklistList.getItems().size() || !(worklistList.getItems().get(now) instanceof Header)) {
            return;
        }
        int step = now >= was ? 1 : -1;
        int to = nearestRow(now, step);
        if (to < 0) {
            to = nearestRow(now, -step);
        }
        if (to >= 0) {
            worklistList.getSelectionModel().select(to);
        } else {
            worklistList.getSelectionModel().clearSelection();
        }
    }

    private int nearestRow(int from, int step) {
        List<Item> items = worklistList.getItems();
        for (int i = from; i >= 0 && i < items.size(); i += step) {
            if (items.get(i) instanceof Row) {
                return i;
            }
        }
        return -1;
    }

    private WorklistRow selectedRow() {
        return worklistList.getSelectionModel().getSelectedItem() instanceof Row r ? r.row() : null;
    }

    private void key(KeyEvent e) {
        WorklistRow r = selectedRow();
        if (r == null) {
            return;
        }
        CallOutcome o = TaskActionController.outcomeKey(e.getCode());
        if (o != null) {
            logCall(r, o);
        } else if (e.getCode() == KeyCode.ENTER) {
            logCall(r, null);
        } else if (e.getCode() == KeyCode.B && !e.isShortcutDown()) {
            book(r);
        } else if (e.getCode() == KeyCode.S && !e.isShortcutDown()) {
            snooze(r);
        } else if (e.getCode() == KeyCode.O && !e.isShortcutDown()) {
            shell.openPatient(r.patientId());
        } else if (e.getCode() == KeyCode.C && e.isShortcutDown()) {
            copy(r.phone());
        } else {
            return;
        }
        e.consume();
    }

    private void select(WorklistRow r) {
        for (int i = 0; i < worklistList.getItems().size(); i++) {
            if (worklistList.getItems().get(i) instanceof Row row && row.row().taskId() == r.taskId()) {
                worklistList.getSelectionModel().select(i);
            }
        }
    }

    private void logCall(WorklistRow r, CallOutcome preselect) {
        select(r);
        taskBookController.hide();
        taskActionController.showCall(TaskActionController.Target.of(r), preselect);
    }

    private void book(WorklistRow r) {
        select(r);
        taskActionController.hide();
        taskBookController.show(r);
    }

    private void snooze(WorklistRow r) {
        select(r);
        taskBookController.hide();
        taskActionController.showSnooze(TaskActionController.Target.of(r));
    }

    private void copy(String phone) {
        if (phone == null) {
            return;
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(phone);
        Clipboard.getSystemClipboard().setContent(c);
        Forms.showStatus(worklistStatus, "Copied " + phone + ".");
    }

    @FXML
    private void reload() {
        Forms.showError(worklistError, null);
        Forms.showStatus(worklistStatus, null);
        refresh();
    }

    // ------------------------------------------------------------------ cells

    private String attempts(WorklistRow r) {
        if (r.attempts() == 0) {
            return "No calls yet";
        }
        Instant at = r.lastAttemptAt();
        return r.attempts() + (r.attempts() == 1 ? " call" : " calls") + " · last: " + r.lastOutcome().label()
                + (at == null ? "" : ", " + WHEN.format(at.atZone(zone)));
    }

    private final class Cell extends ListCell<Item> {
        Cell() {
            setPrefWidth(0);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof Row r) {
                    logCall(r.row(), null);
                }
            });
        }

        /** Wrapped labels need the row's width: a Labeled cell asks its graphic for its height without one. */
        @Override
        protected double computePrefHeight(double width) {
            return getGraphic() == null || width <= 0 ? super.computePrefHeight(width) : wrappedHeight(this, width);
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
            } else if (item instanceof Row r) {
                setGraphic(row(r.row(), r.section()));
            }
        }
    }

    private Node header(Header h) {
        Label title = new Label(h.section().toString());
        title.getStyleClass().add("section-header-title");
        Label count = new Label(Integer.toString(h.count()));
        count.getStyleClass().add("section-header-count");
        if (h.count() > 0) {
            count.getStyleClass().add("has-rows");
        }
        String key = switch (h.section()) {
            case OVERDUE -> "overdue";
            case DUE_TODAY -> "today";
            case UPCOMING -> "upcoming";
        };
        count.setId("count-" + key);
        Label note = new Label(h.note());
        note.getStyleClass().add("section-header-note");
        HBox box = new HBox(10, title, count, note);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("section-header", "section-" + key);
        box.setId("section-" + key);
        return box;
    }

    private Node row(WorklistRow r, WorklistSection section) {
        LocalDate day = current.date();
        Label name = new Label(r.patientName());
        name.getStyleClass().add("row-name");
        name.setWrapText(true);
        Label chart = new Label("Chart " + r.chartNumber());
        chart.getStyleClass().add("row-sub");
        VBox who = new VBox(2, name, chart);
        fixed(who, 190);

        VBox phones = new VBox(2);
        fixed(phones, 228);
        if (r.phone() == null) {
            Label none = new Label("No phone on file");
            none.getStyleClass().add("row-no-phone");
            phones.getChildren().add(none);
        } else {
            phones.getChildren().add(phoneLine(r.phone(), "row-phone", "phone-" + r.taskId()));
            if (r.mobilePhone() != null && r.otherPhone() != null) {
                phones.getChildren().add(phoneLine(r.otherPhone(), "row-phone-other", "otherPhone-" + r.taskId()));
            }
        }

        Label reason = new Label(r.reason());
        reason.getStyleClass().add("row-reason");
        reason.setWrapText(true);
        String due = r.kind().label() + " · due " + TaskActionController.DAY.format(r.due());
        Label details = new Label(due + (r.clinical() ? " · clinical" : "")
                + (r.assignee() != null && !r.assignee().equals(Role.FRONT_DESK.label()) ? " · for " + r.assignee() : ""));
        details.getStyleClass().add("row-sub");
        FlowPane detailLine = new FlowPane(8, 0);
        long late = r.daysOverdue(day);
        if (late > 0) {
            Label overdue = new Label(late + (late == 1 ? " day overdue" : " days overdue"));
            overdue.getStyleClass().add("row-overdue-tag");
            overdue.setId("overdue-" + r.taskId());
            detailLine.getChildren().add(overdue);
        }
        detailLine.getChildren().add(details);
        Label calls = new Label(attempts(r));
        calls.getStyleClass().add("row-attempts");
        calls.setId("attempts-" + r.taskId());
        VBox what = new VBox(2, reason, detailLine, calls);
        what.setMinWidth(0);
        HBox.setHgrow(what, Priority.ALWAYS);

        Button log = button("Log call", "mdmz-phone", "logCall-" + r.taskId(), "Log how the call went (Enter, or 1-4)");
        log.getStyleClass().add("accent");
        log.setOnAction(e -> logCall(r, null));
        Button book = button("Book", "mdal-event_available", "book-" + r.taskId(),
                "Book the visit at the first free time from the task's earliest day (B)");
        book.setOnAction(e -> book(r));
        Button snooze = button("Snooze", "mdmz-snooze", "snooze-" + r.taskId(), "Hide until a later day (S)");
        snooze.setOnAction(e -> snooze(r));
        Button open = button("Patient", "mdmz-person", "openPatient-" + r.taskId(), "Open the patient's record (O)");
        open.setOnAction(e -> shell.openPatient(r.patientId()));
        HBox actions = new HBox(8, log, book, snooze, open);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);

        HBox box = new HBox(16, who, phones, what, actions);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("followup-row");
        box.getStyleClass().add(switch (section) {
            case OVERDUE -> "row-overdue";
            case DUE_TODAY -> "row-today";
            case UPCOMING -> "row-upcoming";
        });
        box.setId("task-" + r.taskId());
        return box;
    }

    private static void fixed(Region r, double width) {
        r.setMinWidth(width);
        r.setPrefWidth(width);
        r.setMaxWidth(width);
    }

    private Node phoneLine(String phone, String style, String id) {
        Label l = new Label(phone);
        l.getStyleClass().add(style);
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        Button copy = new Button(null, new FontIcon("mdal-content_copy"));
        copy.getStyleClass().addAll("copy-button", "flat");
        copy.setTooltip(new Tooltip("Copy " + phone + " (Ctrl+C on the selected row)"));
        copy.setId("copy-" + id);
        copy.setFocusTraversable(false);
        copy.setOnAction(e -> copy(phone));
        HBox line = new HBox(4, l, copy);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** The height of a list cell whose graphic wraps text, at the cell's width. */
    static double wrappedHeight(ListCell<?> cell, double width) {
        Node g = cell.getGraphic();
        double inner = width - cell.snappedLeftInset() - cell.snappedRightInset();
        return g.prefHeight(inner) + cell.snappedTopInset() + cell.snappedBottomInset();
    }

    static Button button(String text, String icon, String id, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.getStyleClass().add("row-button");
        b.setId(id);
        b.setFocusTraversable(false);
        if (tip != null) {
            b.setTooltip(new Tooltip(tip));
        }
        return b;
    }
}
