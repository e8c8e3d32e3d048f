package org.needlepoint.clinic;

import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/** The clinic's profile and settings: its Admin tab. (First-run setup is the window's flow, in app.) */
public final class ClinicViews {
    private ClinicViews() {
    }

    public static void register(Screens screens, Background background, ClinicService clinics) {
        screens.register(SettingsController.class, () -> new SettingsController(clinics, background))
                .adminTab(60, "settingsTab", "Clinic", "mdal-business", SettingsController.class);
    }
}
