package org.needlepoint.followup;

import java.util.Objects;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.ui.TodayCard;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;

/**
 * The Today screen's follow-up card: the front desk's calls (overdue, due today, upcoming), for
 * injectors and administrators also the reports waiting for review and the side effects not
 * resolved, and any urgent alert still open, in red. A click opens the Follow-ups section. The
 * figures follow the other PCs' changes while the card is on screen.
 */
public final class FollowUpsCardController implements TodayCard {
    private record Figures(WorklistCounts counts, int upcomingDays) {
    }

    private final FollowUpService followUps;
    private final Background background;
    private final User user;
    private final Runnable openFollowUps;
    private final Changes changes;

    @FXML private VBox followUpsCard;
    @FXML private Label cardOverdue;
    @FXML private Label cardDueToday;
    @FXML private Label cardUpcoming;
    @FXML private Label cardUpcomingLabel;
    @FXML private HBox cardClinical;
    @FXML private Label cardWaiting;
    @FXML private Label cardOpenEvents;
    @FXML private Label cardUrgent;
    @FXML private Label cardError;
    @FXML private Button cardOpen;

    private WorklistCounts counts;
    private final NewestLoad loads = new NewestLoad();

    public FollowUpsCardController(FollowUpService followUps, Background background, User user, Runnable openFollowUps,
                                   Changes changes) {
        this.followUps = Objects.requireNonNull(followUps);
        this.background = Objects.requireNonNull(background);
        this.user = Objects.requireNonNull(user);
        this.openFollowUps = Objects.requireNonNull(openFollowUps);
        this.changes = Objects.requireNonNull(changes);
    }

    @FXML
    private void initialize() {
        boolean clinical = user.role() == Role.INJECTOR || user.role() == Role.ADMIN;
        cardClinical.setVisible(clinical);
        cardClinical.setManaged(clinical);
        cardUrgent.setVisible(false);
        cardUrgent.setManaged(false);
        Forms.showError(cardError, null);
        followUpsCard.setOnMouseClicked(e -> openFollowUps.run());
        cardOpen.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.event.Event::consume);
        followUpsCard.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                openFollowUps.run();
                e.consume();
            }
        });
        LiveRefresh.follow(followUpsCard, changes, Set.of(ChangeFeed.FOLLOWUP, ChangeFeed.ADVERSE_EVENT,
                ChangeFeed.CLINIC), this::refresh);
    }

    @Override
    public void refresh() {
        loads.run(background, () -> new Figures(followUps.worklistCounts(followUps.today()), followUps.settings().upcomingDays()),
                this::show, error -> Forms.showError(cardError, Forms.message(error)));
    }

    /** The figures on the card (tests). */
    public WorklistCounts counts() {
        return counts;
    }

    private void show(Figures f) {
        counts = f.counts();
        Forms.showError(cardError, null);
        figure(cardOverdue, counts.overdue(), true);
        figure(cardDueToday, counts.dueToday(), false);
        figure(cardUpcoming, counts.upcoming(), false);
        cardUpcomingLabel.setText("next " + f.upcomingDays() + " days");
        figure(cardWaiting, counts.waitingReports(), false);
        figure(cardOpenEvents, counts.openEvents(), false);
        boolean urgent = counts.openUrgent() > 0;
        cardUrgent.setText(counts.openUrgent() == 1 ? "1 urgent side effect is open: see the red banner"
                : counts.openUrgent() + " urgent side effects are open: see the red banner");
        cardUrgent.setVisible(urgent);
        cardUrgent.setManaged(urgent);
    }

    private static void figure(Label l, int n, boolean alarmWhenAny) {
        l.setText(Integer.toString(n));
        l.getStyleClass().remove("alarm");
        if (alarmWhenAny && n > 0) {
            l.getStyleClass().add("alarm");
        }
    }

    @FXML
    private void open() {
        openFollowUps.run();
    }
}
