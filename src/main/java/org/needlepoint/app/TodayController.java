package org.needlepoint.app;

import org.needlepoint.ui.TodayCard;
import org.needlepoint.ui.ViewLoader;
import org.needlepoint.ui.View;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.needlepoint.security.User;

/**
 * The home screen: today's date, then one card per feature that has something for the signed-in
 * user (what expires, who to call, what failed). The cards are registered in {@link AppWindow}.
 */
public final class TodayController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private final ViewLoader loader;
    private final Clock clock;
    private final User user;
    private final List<Class<? extends TodayCard>> cardTypes;
    private static final double SIDE_WIDTH = 440;
    private final List<TodayCard> cards = new ArrayList<>();

    @FXML private Label todayTitle;
    @FXML private Label todayGreeting;
    @FXML private FlowPane todayCards;

    public TodayController(ViewLoader loader, Clock clock, User user, List<Class<? extends TodayCard>> cardTypes) {
        this.loader = loader;
        this.clock = clock;
        this.user = user;
        this.cardTypes = List.copyOf(cardTypes);
    }

    @FXML
    private void initialize() {
        todayGreeting.setText("Signed in as " + user.displayName() + " (" + user.role().label() + ")");
        VBox dayColumn = new VBox(16);
        dayColumn.setId("todayDayColumn");
        VBox sideColumn = new VBox(16);
        sideColumn.setId("todaySideColumn");
        sideColumn.setPrefWidth(SIDE_WIDTH); // beside the day's cards on a 1366-pixel screen; below them on a narrower one
        for (Class<? extends TodayCard> type : cardTypes) {
            View<? extends TodayCard> card = loader.load(type);
            cards.add(card.controller());
            (card.controller().wide() ? dayColumn : sideColumn).getChildren().add(card.root());
        }
        for (VBox column : List.of(dayColumn, sideColumn)) {
            if (!column.getChildren().isEmpty()) {
                todayCards.getChildren().add(column);
            }
        }
    }

    /** Called each time the screen is shown: the date may have changed and the figures certainly have. */
    public void refresh() {
        todayTitle.setText("Today, " + DAY.format(LocalDate.now(clock)));
        cards.forEach(TodayCard::refresh);
    }
}
