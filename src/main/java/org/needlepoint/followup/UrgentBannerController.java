package org.needlepoint.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;

/**
 * The red banner across the top of the main window while an urgent adverse event is open
 * ({@link AdverseEventService#openUrgentEvents}): the patient, the event and how long ago it was
 * recorded, the clinic's action checklist (expandable), and for injectors and administrators
 * "Close…" with a required note. It takes its own room above the section (it never covers it),
 * rereads every {@link #POLL} while on screen (the times it shows), at once when {@link #refresh} is
 * called after a change in the app, and when side effects change on another PC (the change feed).
 */
public final class UrgentBannerController {
    /** How often the banner rereads the open urgent events while it is on screen. */
    public static final javafx.util.Duration POLL = javafx.util.Duration.seconds(60);

    private record Snapshot(List<AdverseEventSummary> events, String checklist) {
    }

    private final AdverseEventService events;
    private final Background background;
    private final User user;
    private final Clock clock;
    private final Runnable onChanged;
    private final Changes changes;
    private final Timeline poll = new Timeline(new KeyFrame(POLL, e -> tick()));

    @FXML private VBox urgentBanner;
    @FXML private VBox urgentRows;
    @FXML private Button urgentChecklistToggle;
    @FXML private VBox urgentChecklistBox;
    @FXML private Label urgentChecklistText;
    @FXML private HBox urgentClosePane;
    @FXML private Label urgentCloseLabel;
    @FXML private TextField urgentCloseNote;
    @FXML private Button urgentCloseConfirm;
    @FXML private Label urgentCloseError;

    private List<AdverseEventSummary> shown = List.of();
    private AdverseEventSummary closing;
    private final NewestLoad loads = new NewestLoad();
    private boolean busy;

    /**
     * @param onChanged called after an alert is closed here, so other screens showing it reload
     */
    public UrgentBannerController(AdverseEventService events, Background background, User user, Clock clock,
                                  Runnable onChanged, Changes changes) {
        this.events = Objects.requireNonNull(events);
        this.background = Objects.requireNonNull(background);
        this.user = Objects.requireNonNull(user);
        this.clock = Objects.requireNonNull(clock);
        this.onChanged = Objects.requireNonNull(onChanged);
        this.changes = Objects.requireNonNull(changes);
        poll.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        show(urgentBanner, false);
        show(urgentChecklistBox, false);
        show(urgentClosePane, false);
        Forms.showError(urgentCloseError, null);
        urgentCloseNote.setOnAction(e -> confirmClose());
        urgentCloseNote.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelClose();
                e.consume();
            }
        });
        // poll while the banner is in a window: a signed-out main window stops reading
        urgentBanner.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                poll.stop();
            } else {
                poll.play();
                refresh();
            }
        });
        LiveRefresh.follow(urgentBanner, changes, Set.of(ChangeFeed.ADVERSE_EVENT, ChangeFeed.CLINIC), this::refresh);
    }

    /** Rereads the open urgent events in the background and shows them (nothing when there are none). */
    public void refresh() {
        loads.run(background, () -> {
            List<AdverseEventSummary> open = events.openUrgentEvents();
            return new Snapshot(open, open.isEmpty() ? null : events.urgentChecklist());
        }, this::show, error -> {
            // a failed poll (signed out meanwhile, say) keeps what is on screen; the next one tries again
        });
    }

    private void tick() {
        var scene = urgentBanner.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            poll.stop(); // the window closed: nothing to show, and its store may be closed
            return;
        }
        refresh();
    }

    /** Stops polling (the main window is going away). */
    public void stop() {
        poll.stop();
    }

    /** When the rows were last built (their "N minutes ago" is rebuilt each minute). */
    private Instant renderedAt;

    /** The events on the banner (tests). */
    public List<AdverseEventSummary> shown() {
        return shown;
    }

    private void show(Snapshot s) {
        Instant now = clock.instant();
        boolean same = s.events().equals(shown) && renderedAt != null && now.isBefore(renderedAt.plusSeconds(60));
        shown = s.events();
        if (closing != null && shown.stream().noneMatch(e -> e.id() == closing.id())) {
            cancelClose();
        }
        if (same && urgentRows.getChildren().size() == shown.size()) {
            return; // nothing changed: the rows (and the button under someone's pointer) stay as they are
        }
        renderedAt = now;
        urgentRows.getChildren().clear();
        for (AdverseEventSummary e : shown) {
            urgentRows.getChildren().add(row(e, now));
        }
        if (s.checklist() != null) {
            urgentChecklistText.setText(s.checklist());
        }
        show(urgentBanner, !shown.isEmpty());
    }

    private Node row(AdverseEventSummary e, Instant now) {
        FontIcon icon = new FontIcon("mdmz-warning");
        Label tag = new Label("URGENT");
        tag.getStyleClass().add("urgent-tag");
        tag.setMinWidth(Region.USE_PREF_SIZE);
        Label who = new Label(e.patientName() + " (chart " + e.chartNumber() + ")");
        who.getStyleClass().add("urgent-who");
        who.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label(e.headline() + " · " + e.severity().label());
        what.getStyleClass().add("urgent-what");
        what.setId("urgentWhat-" + e.id());
        what.setMinWidth(0);
        what.setTooltip(new javafx.scene.control.Tooltip(e.headline() + " · " + e.severity().label()));
        Label when = new Label(ago(e.createdAt(), now) + " · " + e.reportedByName());
        when.setTooltip(new javafx.scene.control.Tooltip("Recorded " + ago(e.createdAt(), now) + " by " + e.reportedByName()));
        when.getStyleClass().add("urgent-when");
        when.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(10, icon, tag, who, what, when, gap);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("urgent-" + e.id());
        if (user.role() == Role.INJECTOR || user.role() == Role.ADMIN) {
            Button close = new Button("Close…", new FontIcon("mdal-check"));
            close.setId("urgentClose-" + e.id());
            close.setOnAction(a -> askClose(e));
            close.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(close);
        }
        return row;
    }

    /** "just now", "12 min ago", "3 h 5 min ago", "2 days ago". */
    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            long m = d.toMinutesPart();
            return d.toHours() + " h" + (m == 0 ? "" : " " + m + " min") + " ago";
        }
        return d.toDays() == 1 ? "1 day ago" : d.toDays() + " days ago";
    }

    @FXML
    private void toggleChecklist() {
        boolean open = !urgentChecklistBox.isVisible();
        show(urgentChecklistBox, open);
        urgentChecklistToggle.setText(open ? "Hide the checklist" : "What to do: checklist");
        ((FontIcon) urgentChecklistToggle.getGraphic()).setIconLiteral(open ? "mdal-expand_less" : "mdal-expand_more");
    }

    private void askClose(AdverseEventSummary e) {
        closing = e;
        urgentCloseLabel.setText("Close the alert for " + e.patientName() + " — what was done?");
        urgentCloseNote.clear();
        urgentCloseConfirm.setDisable(false);
        Forms.showError(urgentCloseError, null);
        show(urgentClosePane, true);
        Platform.runLater(urgentCloseNote::requestFocus);
    }

    @FXML
    private void cancelClose() {
        closing = null;
        show(urgentClosePane, false);
        Forms.showError(urgentCloseError, null);
    }

    @FXML
    private void confirmClose() {
        AdverseEventSummary e = closing;
        if (e == null || busy) {
            return;
        }
        String note = urgentCloseNote.getText();
        busy = true;
        urgentCloseConfirm.setDisable(true);
        background.run(() -> events.closeUrgent(e.id(), e.version(), note), done -> {
            busy = false;
            cancelClose();
            refresh();
            onChanged.run();
        }, error -> {
            busy = false;
            urgentCloseConfirm.setDisable(false);
            Forms.showError(urgentCloseError, Forms.message(error));
            refresh();
        });
    }

    private static void show(Node n, boolean show) {
        n.setVisible(show);
        n.setManaged(show);
    }
}
