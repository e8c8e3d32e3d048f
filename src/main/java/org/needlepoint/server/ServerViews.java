package org.needlepoint.server;

import java.time.Clock;
import org.needlepoint.store.Database;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/**
 * The clinic server's Admin tab (Admin ▸ Clinic server). First run's "Join this clinic's server"
 * is the window's flow: the window registers {@link JoinController} itself, before any records
 * are open.
 */
public final class ServerViews {
    private ServerViews() {
    }

    /**
     * {@code turnIntoServer} is the window's part of turning this PC into the clinic server: close the
     * records, start the server ({@link ServerLauncher}), open them through it and sign in again.
     */
    public static void register(Screens screens, Background background, ClinicPcs pcs, Database db, Clock clock,
                                Runnable turnIntoServer) {
        screens.register(ServerAdminController.class, () -> new ServerAdminController(new ServerAdminModel(db, pcs, clock),
                        background, turnIntoServer))
                .adminTab(55, "clinicServerTab", "Clinic server", "mdal-dns", ServerAdminController.class);
    }
}
