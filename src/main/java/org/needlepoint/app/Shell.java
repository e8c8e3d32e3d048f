package org.needlepoint.app;

/** What controllers may ask of the main window: navigation and session actions. */
public interface Shell {
    void openPatient(long patientId);

    /** Opens an empty patient form, pre-filled from what was typed in the search box. */
    void newPatient(String searchText);

    void backToPatientSearch();

    void signOut();

    void lockNow();

    /** A short confirmation shown in the status bar, e.g. "Saved". */
    void status(String message);
}
