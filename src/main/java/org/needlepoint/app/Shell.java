package org.needlepoint.app;

/** What controllers may ask of the main window: navigation and session actions. */
public interface Shell {
    void openPatient(long patientId);

    /** Opens an empty patient form, pre-filled from what was typed in the search box. */
    void newPatient(String searchText);

    void backToPatientSearch();

    /** Opens the charting screen: the patient's open draft or a new visit when {@code visitId} is null. */
    void openChart(org.needlepoint.patient.Patient patient, Long visitId);

    void signOut();

    void lockNow();

    /** A short confirmation shown in the status bar, e.g. "Saved". */
    void status(String message);
}
