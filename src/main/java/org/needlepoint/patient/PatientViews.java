package org.needlepoint.patient;

import org.needlepoint.security.Session;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/** The patient registry's screens: the search and the patient's record. */
public final class PatientViews {
    private PatientViews() {
    }

    public static void register(Screens screens, Background background, Shell shell, PatientService patients,
                                Session session) {
        screens.register(PatientSearchController.class, () -> new PatientSearchController(patients, background, shell,
                        screens.changes()))
                .register(PatientController.class, () -> new PatientController(patients, session, background, shell));
    }
}
