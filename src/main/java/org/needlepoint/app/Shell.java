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

    /**
     * Records a side effect for the patient: the adverse-event form, started from their phoned-in
     * report {@code reportId} (null when not from a report). Until the form is in the app, the
     * patient's record opens, where the injector finds the visit.
     */
    default void showAdverseEventForm(long patientId, Long reportId) {
        openPatient(patientId);
    }

    /**
     * Follow-up records changed (an adverse event recorded, an urgent alert closed, a report dealt
     * with): the urgent banner and the follow-up lists on screen reload.
     */
    default void followUpsChanged() {
    }
}
