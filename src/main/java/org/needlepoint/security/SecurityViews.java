package org.needlepoint.security;

import java.time.Clock;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/** Staff accounts and the audit log: their Admin tabs. (Sign-in and the lock screen are the window's flow, in app.) */
public final class SecurityViews {
    private SecurityViews() {
    }

    public static void register(Screens screens, Background background, UserService users, Audit audit, Clock clock) {
        screens.register(UserAdminController.class, () -> new UserAdminController(users, background, clock))
                .register(AuditLogController.class, () -> new AuditLogController(audit, users, background, clock))
                .adminTab(10, "usersTab", "Staff", "mdmz-people", UserAdminController.class)
                .adminTab(20, "auditTab", "Audit log", "mdal-history", AuditLogController.class);
    }

    /** My settings: the signed-in person's own signing PIN and theme. */
    public static void registerPersonal(Screens screens, Background background, Shell shell, AuthService auth) {
        screens.register(MySettingsController.class, () -> new MySettingsController(auth, background, shell));
    }
}
