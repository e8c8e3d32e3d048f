package org.needlepoint.ui;

/** What controllers may ask of the main window: navigation and session actions. */
public interface Shell {
    void openPatient(long patientId);

    /** Opens an empty patient form, pre-filled from what was typed in the search box. */
    void newPatient(String searchText);

    void backToPatientSearch();

    /** Opens the charting screen: the patient's open draft or a new visit when {@code visitId} is null. */
    void openChart(long patientId, Long visitId);

    void signOut();

    void lockNow();

    /** Switches the window to the dark theme (AtlantaFX Primer Dark), or back to the light one. */
    default void useDarkTheme(boolean dark) {
    }

    /** A short confirmation shown in the status bar, e.g. "Saved". */
    void status(String message);

    /**
     * Follow-up records changed (an adverse event recorded, an urgent alert closed, a report dealt
     * with): the urgent banner and the follow-up lists on screen reload.
     */
    default void followUpsChanged() {
    }

    /** Opens the side-effect form on a SIGNED visit of the patient: the injector selects the points on its map. */
    void reportSideEffect(long patientId, long visitId);

    /** Opens a recorded adverse event to read or change it. */
    void openAdverseEvent(long eventId);

    /**
     * Records an event from a patient's phoned-in report (the injectors' review list): asks which of
     * the patient's signed visits it follows, then the side-effect form; saving links the report.
     */
    void recordEventFromReport(long patientId, long reportId, int reportVersion);

    /** The Follow-ups section (the call worklist). */
    void showFollowUps();

    /** Inventory's stock list. */
    void showInventoryStock();

    /** The safety-signals view: adverse events by lot, product, injector and type, and the current signals. */
    void showSafetySignals();

    /** Inventory's lot recall view; the lot's list at once when {@code lotId} is given (a safety signal). */
    void showLotRecall(Long lotId);
}
