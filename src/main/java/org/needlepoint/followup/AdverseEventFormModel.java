package org.needlepoint.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.needlepoint.common.Dates;
import org.needlepoint.common.Decimals;

/**
 * The side-effect form's fields as typed, and what follows from them while they are typed: the
 * timing class, which rows show (the "Which?" of OTHER, the date of death, the outcome date), the
 * urgent hint, the grade's meaning; the problems only the screen can see (text that is no date or
 * number); which of the service's problems show on their field (those the person touched, all once
 * Save was pressed); whether anything changed. Also the red checklist panel and the event's history
 * shown at the form's top and bottom. No window needed.
 */
public final class AdverseEventFormModel {
    /** The fields a problem can be shown on, by the names the service's problems use. */
    public static final List<String> FIELDS = List.of("onsetDate", "reportedOn", "type", "otherDescription",
            "deathDate", "description", "actionsTaken", "relevantHistory", "weightKg", "outcome", "outcomeDate");

    private final StringProperty onsetDate = text("onsetDate");
    private final StringProperty reportedOn = text("reportedOn");
    private final ObjectProperty<AdverseEventType> type = new SimpleObjectProperty<>(this, "type");
    private final StringProperty otherDescription = text("otherDescription");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity");
    private final BooleanProperty visionChange = new SimpleBooleanProperty(this, "visionChange");
    private final BooleanProperty breathingDifficulty = new SimpleBooleanProperty(this, "breathingDifficulty");
    private final Map<SeriousOutcome, BooleanProperty> serious = new EnumMap<>(SeriousOutcome.class);
    private final StringProperty deathDate = text("deathDate");
    private final StringProperty description = text("description");
    private final StringProperty actionsTaken = text("actionsTaken");
    private final StringProperty relevantHistory = text("relevantHistory");
    private final StringProperty weightKg = text("weightKg");
    private final ObjectProperty<EventOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final StringProperty outcomeDate = text("outcomeDate");
    private final BooleanProperty notExpected = new SimpleBooleanProperty(this, "notExpected");

    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final ReadOnlyBooleanWrapper expectedFits = new ReadOnlyBooleanWrapper(this, "expectedFits");
    private final ReadOnlyStringWrapper expectedStatus = new ReadOnlyStringWrapper(this, "expectedStatus", "");
    private final ReadOnlyBooleanWrapper otherShown = new ReadOnlyBooleanWrapper(this, "otherShown");
    private final ReadOnlyStringWrapper urgentHint = new ReadOnlyStringWrapper(this, "urgentHint", "");
    private final ReadOnlyStringWrapper severityMeaning = new ReadOnlyStringWrapper(this, "severityMeaning", "");
    private final ReadOnlyBooleanWrapper deathShown = new ReadOnlyBooleanWrapper(this, "deathShown");
    private final ReadOnlyBooleanWrapper outcomeDateEnabled = new ReadOnlyBooleanWrapper(this, "outcomeDateEnabled");
    private final ObservableMap<String, String> shownProblems = FXCollections.observableMap(new LinkedHashMap<>());
    private final ReadOnlyStringWrapper seriousError = new ReadOnlyStringWrapper(this, "seriousError");
    private final ReadOnlyStringWrapper urgentTitle = new ReadOnlyStringWrapper(this, "urgentTitle", "");
    private final ReadOnlyStringWrapper urgentChecklist = new ReadOnlyStringWrapper(this, "urgentChecklist");
    private final ObservableList<String> history = FXCollections.observableArrayList();

    /** Fields the person has changed: their problems show as they type; the others once Save is pressed. */
    private final Set<String> touched = new HashSet<>();
    private LocalDate visitDate;
    private boolean urgentAlreadyRaised;
    private boolean loading;
    private List<Object> baseline;
    private Consumer<String> onEdited = f -> { };

    public AdverseEventFormModel() {
        for (SeriousOutcome s : SeriousOutcome.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, "serious-" + s.name());
            serious.put(s, p);
            watch(p, "serious");
        }
        watch(type, "type");
        watch(severity, "severity");
        watch(visionChange, "visionChange");
        watch(breathingDifficulty, "breathingDifficulty");
        watch(outcome, "outcome");
        watch(notExpected, "notExpected");
        refresh();
    }

    private StringProperty text(String field) {
        StringProperty p = new SimpleStringProperty(this, field, "");
        watch(p, field);
        return p;
    }

    private <T> void watch(ObservableValue<T> p, String field) {
        p.addListener((o, was, now) -> edited(field));
    }

    /** Told the field's name when the person changes one (not when {@link #fill} fills the form). */
    public void setOnEdited(Consumer<String> onEdited) {
        this.onEdited = Objects.requireNonNull(onEdited);
    }

    // ------------------------------------------------------------------------------ the fields

    public StringProperty onsetDateProperty() {
        return onsetDate;
    }

    public StringProperty reportedOnProperty() {
        return reportedOn;
    }

    public ObjectProperty<AdverseEventType> typeProperty() {
        return type;
    }

    public StringProperty otherDescriptionProperty() {
        return otherDescription;
    }

    /** The grade; once chosen, never cleared by the form (a second tap on the grade keeps it). */
    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    public BooleanProperty visionChangeProperty() {
        return visionChange;
    }

    public BooleanProperty breathingDifficultyProperty() {
        return breathingDifficulty;
    }

    /** The tick of one MedWatch B.2 outcome. */
    public BooleanProperty seriousProperty(SeriousOutcome s) {
        return serious.get(s);
    }

    public StringProperty deathDateProperty() {
        return deathDate;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty actionsTakenProperty() {
        return actionsTaken;
    }

    public StringProperty relevantHistoryProperty() {
        return relevantHistory;
    }

    public StringProperty weightKgProperty() {
        return weightKg;
    }

    public ObjectProperty<EventOutcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty outcomeDateProperty() {
        return outcomeDate;
    }

    /** The injector says the event is not the expected reaction: it is recorded as an adverse reaction. */
    public BooleanProperty notExpectedProperty() {
        return notExpected;
    }

    // ------------------------------------------------------------------------------ what follows

    /** Whether the event as typed fits the expected reactions ({@link ExpectedReaction#fits}): the tick box applies. */
    public ReadOnlyBooleanProperty expectedFitsProperty() {
        return expectedFits.getReadOnlyProperty();
    }

    /** How the event will be recorded: "Recorded as an expected reaction, ..." or as an adverse reaction. */
    public ReadOnlyStringProperty expectedStatusProperty() {
        return expectedStatus.getReadOnlyProperty();
    }

    /** "Early (< 14 days): onset 2 days after the visit of 21 Nov 2026", or what to type. */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    /** The "Which?" row, for type OTHER. */
    public ReadOnlyBooleanProperty otherShownProperty() {
        return otherShown.getReadOnlyProperty();
    }

    /** What saving an urgent event will do; empty when the event is not urgent or its alert is up already. */
    public ReadOnlyStringProperty urgentHintProperty() {
        return urgentHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityMeaningProperty() {
        return severityMeaning.getReadOnlyProperty();
    }

    /** The date-of-death row, once death is ticked. */
    public ReadOnlyBooleanProperty deathShownProperty() {
        return deathShown.getReadOnlyProperty();
    }

    /** The outcome date, for a resolved outcome only. */
    public ReadOnlyBooleanProperty outcomeDateEnabledProperty() {
        return outcomeDateEnabled.getReadOnlyProperty();
    }

    /** The problems to show now, by field ({@link #FIELDS}). */
    public ObservableMap<String, String> shownProblems() {
        return shownProblems;
    }

    /** The problem with the serious outcomes or the grade, shown under the outcomes, or null. */
    public ReadOnlyStringProperty seriousErrorProperty() {
        return seriousError.getReadOnlyProperty();
    }

    /** The red panel's title once an urgent event is saved and open. */
    public ReadOnlyStringProperty urgentTitleProperty() {
        return urgentTitle.getReadOnlyProperty();
    }

    /** The clinic's urgent checklist, while the red panel shows; null when it does not. */
    public ReadOnlyStringProperty urgentChecklistProperty() {
        return urgentChecklist.getReadOnlyProperty();
    }

    /** The recorded event's history, one line per change. */
    public ObservableList<String> history() {
        return history;
    }

    // ------------------------------------------------------------------------------ rules

    /** The day of the visit the event follows: the timing counts from it. */
    public void setVisitDate(LocalDate visitDate) {
        this.visitDate = visitDate;
        refresh();
    }

    /** True once the saved event's urgent alert is up: the hint then says nothing (the red panel does). */
    public void setUrgentAlreadyRaised(boolean raised) {
        this.urgentAlreadyRaised = raised;
        refresh();
    }

    /** Fills the fields from {@code d} as the unchanged state: nothing touched, no problem shown. */
    public void fill(AdverseEventDraft d) {
        loading = true;
        try {
            onsetDate.set(date(d.onsetDate()));
            reportedOn.set(date(d.reportedOn()));
            type.set(d.type());
            otherDescription.set(n(d.otherDescription()));
            severity.set(d.severity());
            visionChange.set(d.visionChange());
            breathingDifficulty.set(d.breathingDifficulty());
            serious.forEach((s, p) -> p.set(d.serious().contains(s)));
            deathDate.set(date(d.deathDate()));
            description.set(n(d.description()));
            actionsTaken.set(n(d.actionsTaken()));
            relevantHistory.set(n(d.relevantHistory()));
            weightKg.set(d.weightKg() == null ? "" : d.weightKg().stripTrailingZeros().toPlainString());
            outcome.set(d.outcome());
            outcomeDate.set(date(d.outcomeDate()));
            notExpected.set(d.notExpected());
        } finally {
            loading = false;
        }
        touched.clear();
        baseline = state();
        shownProblems.clear();
        seriousError.set(null);
        refresh();
    }

    /**
     * The draft as typed, for the patient, visit and points given; unreadable dates and weights are
     * null (their own messages say why, {@link #localProblems}), and so are the rows not shown.
     */
    public AdverseEventDraft draft(long patientId, long visitId, List<String> pointKeys) {
        Set<SeriousOutcome> ticked = EnumSet.noneOf(SeriousOutcome.class);
        serious.forEach((s, p) -> {
            if (p.get()) {
                ticked.add(s);
            }
        });
        boolean resolved = resolved();
        return new AdverseEventDraft(patientId, visitId, pointKeys, typed(reportedOn).orElse(null),
                typed(onsetDate).orElse(null), type.get(), type.get() == AdverseEventType.OTHER ? otherDescription.get()
                : null, severity.get(), visionChange.get(), breathingDifficulty.get(), ticked,
                ticked.contains(SeriousOutcome.DEATH) ? typed(deathDate).orElse(null) : null, description.get(),
                actionsTaken.get(), relevantHistory.get(), weight().orElse(null), outcome.get(),
                resolved ? typed(outcomeDate).orElse(null) : null, notExpected.get());
    }

    /** What only the screen can tell: text that is not a date or a number, by field. */
    public Map<String, String> localProblems() {
        Map<String, String> e = new LinkedHashMap<>();
        unreadable(e, "onsetDate", onsetDate.get());
        unreadable(e, "reportedOn", reportedOn.get());
        if (serious.get(SeriousOutcome.DEATH).get()) {
            unreadable(e, "deathDate", deathDate.get());
        }
        if (resolved()) {
            unreadable(e, "outcomeDate", outcomeDate.get());
        }
        if (!weightKg.get().isBlank() && weight().isEmpty()) {
            e.put("weightKg", "Not a number: type the weight in kg, e.g. 64.5, or leave it empty.");
        }
        return e;
    }

    /**
     * Shows the problems of the fields the person touched, or of all once Save was pressed; a
     * problem with the serious outcomes also shows once the grade was changed (a death is grade 5).
     */
    public void showProblems(Map<String, String> problems, boolean saveAttempted) {
        Map<String, String> shown = new LinkedHashMap<>();
        problems.forEach((field, message) -> {
            if (saveAttempted || touched.contains(field) || (field.equals("serious") && touched.contains("severity"))) {
                shown.put(field, message);
            }
        });
        Map<String, String> onFields = new LinkedHashMap<>(shown);
        onFields.keySet().retainAll(FIELDS);
        if (!shownProblems.equals(onFields)) {
            shownProblems.clear();
            shownProblems.putAll(onFields);
        }
        seriousError.set(shown.containsKey("serious") ? shown.get("serious") : shown.get("severity"));
    }

    /** Changed since {@link #fill}. */
    public boolean isDirty() {
        return baseline != null && !state().equals(baseline);
    }

    /** Takes what is typed as the unchanged state (the person chose to leave without saving it). */
    public void keepAsIs() {
        baseline = state();
    }

    /**
     * Shows the red panel with the clinic's checklist for a saved, open urgent event ({@code checklist}
     * not null), or hides it.
     */
    public void showUrgent(String checklist, String what, boolean vision, boolean breathing) {
        urgentTitle.set(checklist == null ? "" : "URGENT: " + what + (vision ? "; vision change" : "")
                + (breathing ? "; breathing or swallowing difficulty" : "") + ". Act now, in this order:");
        urgentChecklist.set(checklist);
    }

    public void showHistory(List<String> lines) {
        history.setAll(lines);
    }

    // ------------------------------------------------------------------------------ inside

    private void edited(String field) {
        refresh();
        if (!loading) {
            touched.add(field);
            onEdited.accept(field);
        }
    }

    private void refresh() {
        LocalDate onset = typed(onsetDate).orElse(null);
        if (onset == null || visitDate == null) {
            timing.set("Enter the onset: the timing class follows from it.");
        } else if (onset.isBefore(visitDate)) {
            timing.set("\u2013 (the onset is before the visit of " + AdverseEventModel.DAY.format(visitDate) + ")");
        } else {
            long days = ChronoUnit.DAYS.between(visitDate, onset);
            timing.set(TimingClass.of(visitDate, onset).label() + ": onset " + (days == 0 ? "on the day of"
                    : days == 1 ? "1 day after" : days + " days after") + " the visit of "
                    + AdverseEventModel.DAY.format(visitDate));
        }
        otherShown.set(type.get() == AdverseEventType.OTHER);
        List<String> signs = new ArrayList<>();
        if (type.get() != null && type.get().urgent()) {
            signs.add(type.get().label());
        }
        if (visionChange.get()) {
            signs.add("vision change");
        }
        if (breathingDifficulty.get()) {
            signs.add("breathing or swallowing difficulty");
        }
        // once an urgent event is saved, the red panel with the checklist says it all
        urgentHint.set(!signs.isEmpty() && !urgentAlreadyRaised ? "URGENT (" + String.join(", ", signs)
                + "): saving raises the red alert and shows the clinic's checklist. Do not wait to finish the form:"
                + " save now, complete it after." : "");
        Severity s = severity.get();
        severityMeaning.set(s == null ? "" : s.label() + ": " + s.meaning() + ".");
        deathShown.set(serious.get(SeriousOutcome.DEATH).get());
        outcomeDateEnabled.set(resolved());
        boolean fits = ExpectedReaction.fits(draft(0, 0, List.of()), visitDate);
        expectedFits.set(fits);
        expectedStatus.set(!fits ? "Recorded as an adverse reaction." : notExpected.get()
                ? "Recorded as an adverse reaction: you say it is not the expected one."
                : "Recorded as an expected reaction, not an adverse reaction.");
    }

    private boolean resolved() {
        return outcome.get() != null && outcome.get().resolved();
    }

    private List<Object> state() {
        List<Object> s = new ArrayList<>(Arrays.asList(onsetDate.get(), reportedOn.get(), type.get(),
                otherDescription.get(), severity.get(), visionChange.get(), breathingDifficulty.get(), deathDate.get(),
                description.get(), actionsTaken.get(), relevantHistory.get(), weightKg.get(), outcome.get(),
                outcomeDate.get(), notExpected.get()));
        serious.values().forEach(p -> s.add(p.get()));
        return Collections.unmodifiableList(s);
    }

    private static Optional<LocalDate> typed(StringProperty p) {
        return Dates.parse(p.get());
    }

    private Optional<BigDecimal> weight() {
        return Decimals.parse(weightKg.get());
    }

    private static void unreadable(Map<String, String> e, String field, String text) {
        String t = text == null ? "" : text.strip();
        if (!t.isEmpty() && Dates.parse(t).isEmpty()) {
            e.put(field, Dates.looksLikeDate(t) ? "There is no such date: " + t + "." : "Not a date: type MM/DD/YYYY.");
        }
    }

    private static String date(LocalDate d) {
        return d == null ? "" : AdverseEventModel.TYPED.format(d);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
