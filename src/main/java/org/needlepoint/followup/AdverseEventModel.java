package org.needlepoint.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.chart.VisitSummary;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.store.StaleRecordException;

/**
 * The side-effect form as a whole: which event, visit and phoned-in report it is about, what its
 * header says (title, patient and visit, saved or not, the error), whether it asks for the visit
 * first or shows the form, and the save: what is sent, what comes back, what a refusal shows where.
 * Its three parts keep their own state and rules: the fields ({@link AdverseEventFormModel}), the
 * points on the map ({@link AdverseEventPointsModel}) and the MedWatch export
 * ({@link MedWatchExportModel}). Service calls are the controller's; this class gets their results.
 * No window needed.
 */
public final class AdverseEventModel {
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    static final String OPENING = "Opening\u2026";

    /** What a save sends: the draft, the problems only the screen sees, and what it updates or records from. */
    public record Save(AdverseEventDraft draft, Map<String, String> localProblems, AdverseEvent before,
                       PatientReport report, int reportVersion) {
        /** Refuses the save with every problem, the service's ({@code found}) and the screen's, by field. */
        public void refuseIfProblems(Map<String, String> found) {
            Map<String, String> all = new LinkedHashMap<>(found);
            all.putAll(localProblems);
            if (!all.isEmpty()) {
                throw new ValidationException(all);
            }
        }
    }

    /** A check of the form as typed, numbered so that a slower earlier check's answer is ignored. */
    public record Check(long number, AdverseEventDraft draft, Map<String, String> localProblems) {
    }

    private final Clock clock;
    private final ZoneId zone;
    private final AdverseEventFormModel form;
    private final AdverseEventPointsModel points;
    private final MedWatchExportModel export;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Report a side effect");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper reloadShown = new ReadOnlyBooleanWrapper(this, "reloadShown");
    private final ReadOnlyBooleanWrapper chooserShown = new ReadOnlyBooleanWrapper(this, "chooserShown");
    private final ReadOnlyBooleanWrapper formShown = new ReadOnlyBooleanWrapper(this, "formShown");
    private final ReadOnlyStringWrapper reportHeading = new ReadOnlyStringWrapper(this, "reportHeading", "");
    private final ReadOnlyStringWrapper reportText = new ReadOnlyStringWrapper(this, "reportText", "");
    private final ReadOnlyBooleanWrapper reportShown = new ReadOnlyBooleanWrapper(this, "reportShown");
    private final ReadOnlyStringWrapper visitChoicesEmpty =
            new ReadOnlyStringWrapper(this, "visitChoicesEmpty", "Loading the treatments\u2026");
    private final ObservableList<VisitSummary> visitChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    private long patientId;
    private String patientLabel = "";
    private VisitChart chart;
    private LocalDate visitDate;
    private AdverseEvent event;
    /** The phoned-in report being recorded, with the version the review list saw; null once recorded. */
    private PatientReport report;
    private int reportVersion;
    private boolean saveAttempted;
    private Map<String, String> problems = Map.of();
    private long checks;
    private Runnable onChange = () -> { };

    /** @param clock its zone gives the visit's day, as the service counts it; its day starts a new event */
    public AdverseEventModel(Clock clock, AdverseEventFormModel form, AdverseEventPointsModel points,
                             MedWatchExportModel export) {
        this.clock = clock;
        this.zone = clock.getZone();
        this.form = form;
        this.points = points;
        this.export = export;
        form.setOnEdited(f -> edited());
        points.setOnEdited(f -> edited());
        export.savingProperty().bind(saving);
        export.setOnStatus(saveStatus::set);
        export.setOnError(this::failed);
    }

    /** Called after every change that the service should check ({@link #check}): an edit, a form filled. */
    public void setOnChange(Runnable onChange) {
        this.onChange = Objects.requireNonNull(onChange);
    }

    public AdverseEventFormModel form() {
        return form;
    }

    public AdverseEventPointsModel points() {
        return points;
    }

    public MedWatchExportModel export() {
        return export;
    }

    // ------------------------------------------------------------------------------ the ways in

    /** A new event on a signed visit of this patient ({@code label}: "Marrowby, Zoë · chart 1001"); its visit loads next. */
    public void startOnVisit(long patientId, String label) {
        this.patientId = patientId;
        this.patientLabel = label;
        title.set("Report a side effect");
        subtitle.set(OPENING);
    }

    /** A new event from a phoned-in report: the report and the patient's signed visits load next. */
    public void startFromReport(long patientId, int reportVersion) {
        this.patientId = patientId;
        this.reportVersion = reportVersion;
        title.set("Record a side effect from a patient's call");
        subtitle.set(OPENING);
        showChooser(true);
    }

    /**
     * The report and the patient's signed visits, newest first, to choose from. False when the report
     * is no longer waiting: nothing to record, and the error says so.
     */
    public boolean reportLoaded(PatientReport r, List<VisitSummary> signedVisits) {
        report = r;
        patientLabel = r.patientName() + " \u00b7 chart " + r.chartNumber();
        subtitle.set(patientLabel);
        showReport();
        if (r.status() != ReportStatus.WAITING) {
            error.set("This report was already dealt with (" + r.status() + ").");
            report = null;
            visitChoicesEmpty.set("Nothing to record: the report is no longer waiting.");
            return false;
        }
        visitChoices.setAll(signedVisits);
        visitChoicesEmpty.set("This patient has no signed treatment. A side effect is recorded on the points of a"
                + " signed visit: sign the chart first, or dismiss the report with a note.");
        return true;
    }

    /** A recorded event is opening. */
    public void openingEvent() {
        title.set("Side effect");
        subtitle.set(OPENING);
    }

    /** A visit is opening. */
    public void openingVisit() {
        subtitle.set(OPENING);
    }

    /**
     * Shows the visit's points and the form: the recorded {@code event} with its history and, while its
     * urgent alert is open, the clinic's {@code checklist}; or, with no event, a new one (from the
     * report, if there is one). False, and an error, when the visit is not signed.
     */
    public boolean show(VisitChart chart, Catalog catalog, AdverseEvent event, List<AuditEntry> history,
                        String checklist) {
        if (!chart.visit().signed()) {
            error.set("This visit's chart is not signed yet: sign it, then record the side effect on its points.");
            subtitle.set(patientLabel);
            return false;
        }
        this.chart = chart;
        visitDate = chart.visit().startedAt().atZone(zone).toLocalDate();
        points.load(chart, catalog);
        form.setVisitDate(visitDate);
        showChooser(false);
        if (event != null) {
            showEvent(event, history, checklist);
        } else {
            patientId = chart.visit().patientId();
            fill(newDraft());
            subtitle.set(subtitle());
            saveStatus.set(report == null ? "Not saved yet" : "Not saved yet: the report waits until you save");
        }
        return true;
    }

    /** A new event's starting draft: today, grade 1, ongoing; from a phoned report, that day and the patient's words. */
    AdverseEventDraft newDraft() {
        if (report == null) {
            return AdverseEventDraft.start(patientId, chart.visit().id(), List.of(), LocalDate.now(clock));
        }
        // reported (and at the latest begun) the day the patient phoned; their words start the description
        LocalDate phoned = report.phonedAt().atZone(zone).toLocalDate();
        return new AdverseEventDraft(patientId, chart.visit().id(), List.of(), phoned, phoned, null, null,
                Severity.GRADE_1, false, false, Set.of(), null, "Patient phoned " + WHEN.format(report.phonedAt()
                .atZone(zone)) + ": " + report.text(), null, null, null, EventOutcome.ONGOING, null);
    }

    private void showEvent(AdverseEvent e, List<AuditEntry> history, String checklist) {
        event = e;
        export.eventProperty().set(e);
        patientId = e.patientId();
        patientLabel = e.patientName() + " \u00b7 chart " + e.chartNumber();
        title.set("Side effect: " + e.typeLabel());
        form.setUrgentAlreadyRaised(e.urgentOpen());
        fill(e.toDraft());
        subtitle.set(subtitle());
        saveStatus.set("Recorded " + WHEN.format(e.createdAt().atZone(zone)) + " by " + e.reportedByName()
                + (e.urgent() && e.urgentClosedAt() != null ? " \u00b7 urgent alert closed "
                + WHEN.format(e.urgentClosedAt().atZone(zone)) + " by " + e.urgentClosedByName() : ""));
        form.showUrgent(checklist, e.typeLabel(), e.visionChange(), e.breathingDifficulty());
        form.showHistory(history.stream().map(a -> WHEN.format(a.at().atZone(zone)) + " \u00b7 " + a.username() + ": "
                + a.summary()).toList());
    }

    private void fill(AdverseEventDraft d) {
        points.select(d.pointKeys());
        form.fill(d);
        saveAttempted = false;
        problems = Map.of();
        error.set(null);
        reloadShown.set(false);
        updateDirty();
        onChange.run();
    }

    private String subtitle() {
        return patientLabel + " \u00b7 visit of " + DAY.format(visitDate) + " by " + chart.visit().injectorName();
    }

    private void showChooser(boolean on) {
        chooserShown.set(on);
        formShown.set(!on && chart != null);
    }

    private void showReport() {
        reportShown.set(report != null);
        if (report != null) {
            reportHeading.set("Patient called " + WHEN.format(report.phonedAt().atZone(zone)) + " (taken by "
                    + report.takenByName() + ")" + (report.phone() == null ? "" : " \u00b7 " + report.phone()));
            reportText.set("\u201c" + report.text() + "\u201d");
        }
    }

    // ------------------------------------------------------------------------------ checking and saving

    private void edited() {
        if (chart == null) {
            return;
        }
        updateDirty();
        onChange.run();
    }

    private void updateDirty() {
        boolean dirty = isDirty();
        export.dirtyProperty().set(dirty);
        if (formShown.get() && dirty && !saving.get()) {
            saveStatus.set(event == null ? "Not saved yet" : "Changes not saved");
        }
    }

    /** The form as typed, to check with the service; null while no visit is shown. */
    public Check check() {
        if (chart == null) {
            return null;
        }
        return new Check(++checks, draft(), form.localProblems());
    }

    /** The service's problems with {@code check}'s draft: shown on the fields unless a newer check is under way. */
    public void checked(Check check, Map<String, String> found) {
        if (check.number() != checks) {
            return;
        }
        Map<String, String> all = new LinkedHashMap<>(found);
        all.putAll(check.localProblems());
        problems = all;
        showProblems();
    }

    /** A check failed (the database, say): the error says so, unless a newer check is under way. */
    public void checkFailed(Check check, String message) {
        if (check.number() == checks) {
            error.set(message);
        }
    }

    private void showProblems() {
        form.showProblems(problems, saveAttempted);
        points.showProblems(problems, saveAttempted);
        if (problems.containsKey("visit") || problems.containsKey("patient")) {
            String general = problems.containsKey("visit") ? problems.get("visit") : problems.get("patient");
            if (saveAttempted) {
                error.set(general);
            }
        }
    }

    /** The draft as typed, with the points selected in the chart's order. */
    public AdverseEventDraft draft() {
        return form.draft(patientId, chart == null ? 0 : chart.visit().id(), points.selectedKeys());
    }

    /** Starts saving what is typed; null when there is nothing to save now (no form, or a save under way). */
    public Save save() {
        if (saving.get() || chart == null || !formShown.get()) {
            return null;
        }
        saveAttempted = true;
        Save s = new Save(draft(), form.localProblems(), event, report, reportVersion);
        saving.set(true);
        saveStatus.set("Saving\u2026");
        return s;
    }

    /**
     * The save went through: {@code saved} as it is now, its history and (urgent and open) the clinic's
     * checklist. Returns what the status bar says.
     */
    public String saved(Save s, AdverseEvent saved, List<AuditEntry> history, String checklist) {
        saving.set(false);
        if (s.report() != null) {
            reportHeading.set("Recorded from the patient's call of " + WHEN.format(s.report().phonedAt().atZone(zone))
                    + " (taken by " + s.report().takenByName() + ")");
            report = null;
        }
        showEvent(saved, history, checklist);
        saveStatus.set("Saved " + WHEN.format(saved.updatedAt().atZone(zone)));
        return (s.before() == null ? "Recorded the side effect " : "Saved the side effect ") + saved.typeLabel() + " for "
                + saved.patientName();
    }

    /**
     * The save was refused or failed; {@code message} is what the error tells a person. Returns the
     * fields with a problem, in order, to put the focus on the first.
     */
    public Set<String> saveFailed(Throwable failure, String message) {
        saving.set(false);
        saveStatus.set(event == null ? "Not saved" : "Changes not saved");
        Set<String> fields = Set.of();
        if (failure instanceof ValidationException v) {
            problems = new LinkedHashMap<>(v.fieldErrors());
            showProblems();
            fields = v.fieldErrors().keySet();
        } else if (failure instanceof StaleRecordException) {
            // the message names who changed it and says what to do: reload, then make the changes again
            reloadShown.set(true);
        }
        error.set(message);
        updateDirty();
        return fields;
    }

    /** Loading or exporting failed: the error says why. */
    public void failed(String message) {
        if (subtitle.get().endsWith("\u2026")) {
            subtitle.set(patientLabel);
        }
        saveStatus.set("");
        error.set(message);
    }

    /** "Reload the saved event": the event to open again, or null (a report's form just drops the error). */
    public Long reload() {
        reloadShown.set(false);
        if (event != null) {
            return event.id();
        }
        if (report != null) {
            error.set(null);
        }
        return null;
    }

    /** Typing not saved, in the fields or the points. */
    public boolean isDirty() {
        return chart != null && (form.isDirty() || points.isDirty());
    }

    /** The person chose to leave without saving: what is typed counts as unchanged. */
    public void keepAsIs() {
        form.keepAsIs();
        points.select(points.selectedKeys());
        export.dirtyProperty().set(false);
    }

    // ------------------------------------------------------------------------------ for the view

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** "Not saved yet", "Saving…", "Saved 21 Nov 2026 09:00", an export's progress. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    /** The form's error line: a refusal, a failure, a conflict; null when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** After a conflicting change elsewhere: offer to reload the saved event. */
    public ReadOnlyBooleanProperty reloadShownProperty() {
        return reloadShown.getReadOnlyProperty();
    }

    /** The list of signed visits to choose from (a phoned-in report). */
    public ReadOnlyBooleanProperty chooserShownProperty() {
        return chooserShown.getReadOnlyProperty();
    }

    /** The map and the fields: a visit is shown and no visit is being chosen. */
    public ReadOnlyBooleanProperty formShownProperty() {
        return formShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reportShownProperty() {
        return reportShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportHeadingProperty() {
        return reportHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportTextProperty() {
        return reportText.getReadOnlyProperty();
    }

    public ObservableList<VisitSummary> visitChoices() {
        return visitChoices;
    }

    /** What the visit list says while it is empty. */
    public ReadOnlyStringProperty visitChoicesEmptyProperty() {
        return visitChoicesEmpty.getReadOnlyProperty();
    }

    /** A save is under way. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The recorded event as last saved or opened; null before. */
    public AdverseEvent event() {
        return event;
    }
}
