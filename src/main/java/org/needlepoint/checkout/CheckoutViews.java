package org.needlepoint.checkout;

import java.util.function.Supplier;
import javafx.stage.Window;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.PagePrinter;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/**
 * The checkout feature's screens: the Today screen's "Ready for checkout" card and the checkout screen,
 * which the card and the appointment book open through {@link Shell#checkout} ({@link #open}).
 */
public final class CheckoutViews {
    private CheckoutViews() {
    }

    public static void register(Screens screens, Background background, Shell shell, CheckoutService checkout,
                                Supplier<PagePrinter> printer, Supplier<SaveDialog> saveDialog) {
        screens.register(CheckoutController.class, () -> new CheckoutController(checkout, background, printer, saveDialog,
                        screens.changes()))
                .register(ReadyForCheckoutCardController.class, () -> new ReadyForCheckoutCardController(checkout, background,
                        screens.changes(), shell))
                .todayCard(4, ReadyForCheckoutCardController.class);
    }

    /** Opens the checkout of an appointment in a window over {@code owner}. */
    public static void open(Screens screens, Window owner, long appointmentId) {
        CheckoutController c = screens.load(CheckoutController.class).controller();
        c.openWindow(owner);
        c.show(appointmentId);
    }
}
