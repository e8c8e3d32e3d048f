package org.needlepoint.checkout;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.common.Changes;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.ui.Shell;
import org.needlepoint.ui.TodayCard;

/**
 * The Today screen's "Ready for checkout": today's patients whose treatment the injector has signed, by
 * time, each with a big <i>Checkout</i>; below, those still with the injector (arrived or in treatment,
 * the chart not signed yet). It hides itself while nobody is here. It follows the book's and the charts' changes
 * on every PC.
 */
public final class ReadyForCheckoutCardController implements TodayCard {
    private final CheckoutService checkout;
    private final Background background;
    private final Changes changes;
    private final Shell shell;

    @FXML private VBox readyCheckoutCard;
    @FXML private Label readyCheckoutSummary;
    @FXML private Label readyCheckoutError;
    @FXML private VBox readyCheckoutRows;
    @FXML private Label readyCheckoutWaiting;

    private ReadyForCheckout shown;
    private final NewestLoad loads = new NewestLoad();

    public ReadyForCheckoutCardController(CheckoutService checkout, Background background, Changes changes, Shell shell) {
        this.checkout = Objects.requireNonNull(checkout);
        this.background = Objects.requireNonNull(background);
        this.changes = Objects.requireNonNull(changes);
        this.shell = Objects.requireNonNull(shell);
    }

    @FXML
    private void initialize() {
        Forms.showError(readyCheckoutError, null);
        readyCheckoutCard.setVisible(false);
        readyCheckoutCard.setManaged(false);
        LiveRefresh.follow(readyCheckoutCard, changes, Set.of(ChangeFeed.APPOINTMENT, ChangeFeed.CHART), this::refresh);
    }

    @Override
    public boolean wide() {
        return true;
    }

    @Override
    public void refresh() {
        loads.run(background, checkout::today, this::show, e -> {
            readyCheckoutCard.setVisible(true);
            readyCheckoutCard.setManaged(true);
            Forms.showError(readyCheckoutError, Forms.message(e));
        });
    }

    private void show(ReadyForCheckout r) {
        Forms.showError(readyCheckoutError, null);
        if (r.equals(shown)) {
            return;
        }
        shown = r;
        // nobody here today yet (or everybody gone): nothing to say, and the day's other cards keep the room
        boolean any = !r.ready().isEmpty() || !r.withInjector().isEmpty();
        readyCheckoutCard.setVisible(any);
        readyCheckoutCard.setManaged(any);
        int n = r.ready().size();
        readyCheckoutSummary.setText(n == 0 ? "nobody waiting" : n + (n == 1 ? " patient" : " patients"));
        if (r.ready().isEmpty()) {
            Label none = new Label("Nobody is ready for checkout: a patient appears here once the injector signs the chart.");
            none.getStyleClass().add("appt-empty");
            none.setWrapText(true);
            none.setId("readyCheckoutNone");
            readyCheckoutRows.getChildren().setAll(none);
        } else {
            readyCheckoutRows.getChildren().setAll(r.ready().stream().map(this::row).toList());
        }
        List<String> waiting = r.withInjector().stream().map(a -> CheckoutModel.HM.format(a.start()) + " "
                + a.patientName() + (a.visitId() == null ? " (not checked in)" : "")).toList();
        readyCheckoutWaiting.setText(waiting.isEmpty() ? "" : "Still with the injector: " + String.join(" \u00b7 ", waiting));
        readyCheckoutWaiting.setVisible(!waiting.isEmpty());
        readyCheckoutWaiting.setManaged(!waiting.isEmpty());
    }

    private Node row(Appointment a) {
        Label time = new Label(CheckoutModel.HM.format(a.start()));
        time.getStyleClass().add("appt-time");
        time.setMinWidth(64);
        Label name = new Label(a.patientName());
        name.getStyleClass().add("appt-name");
        name.setId("readyCheckoutPatient-" + a.id());
        Label sub = new Label(a.kind().label() + " \u00b7 chart " + a.chartNumber() + " \u00b7 " + a.injectorName());
        sub.getStyleClass().add("appt-sub");
        VBox who = new VBox(2, name, sub);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);
        Button go = new Button("Checkout", new FontIcon("mdal-how_to_reg"));
        go.getStyleClass().addAll("accent", "appt-big-button");
        go.setId("checkout-" + a.id());
        go.setMinWidth(Region.USE_PREF_SIZE);
        go.setOnAction(e -> shell.checkout(a.id()));
        HBox box = new HBox(12, time, who, go);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("appt-row");
        box.setId("readyCheckout-" + a.id());
        return box;
    }
}
