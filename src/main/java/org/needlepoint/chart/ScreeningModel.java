package org.needlepoint.chart;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.PatientDetails;

/**
 * Screening and consent, without a window: the checklist for the products charted (questions the
 * patient's record answers come pre-flagged Yes), the consent and the off-label-use consent (shown
 * once Sculptra is charted off-label), and the clinical notes. A signed or redacted chart is locked.
 * Every change the injector makes is reported to {@link #setOnChange} (the chart then saves).
 */
public final class ScreeningModel {
    private final ObservableList<ScreeningEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty consent = new SimpleBooleanProperty(this, "consent");
    private final BooleanProperty offLabelConsent = new SimpleBooleanProperty(this, "offLabelConsent");
    private final ReadOnlyBooleanWrapper offLabelAsked = new ReadOnlyBooleanWrapper(this, "offLabelAsked");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private Runnable onChange = () -> { };
    private boolean loading;

    public ScreeningModel() {
        consent.addListener((o, was, is) -> changed());
        offLabelConsent.addListener((o, was, is) -> changed());
        notes.addListener((o, old, text) -> changed());
    }

    private void changed() {
        if (!loading) {
            onChange.run();
        }
    }

    /** Shows what the chart holds; a signed chart (or one the front desk reads) cannot change. */
    public void load(VisitChart chart) {
        loading = true;
        try {
            entries.setAll(chart.screening());
            notes.set(chart.visit().notes() == null ? "" : chart.visit().notes());
            consent.set(chart.visit().consentConfirmed());
            offLabelConsent.set(chart.visit().offLabelConsentConfirmed());
            offLabelAsked.set(chart.visit().offLabelConsentConfirmed());
            locked.set(chart.visit().signed() || chart.redacted());
        } finally {
            loading = false;
        }
    }

    /**
     * The checklist for the products now charted (answers kept, needed questions added and
     * pre-flagged from the patient's record) and whether the off-label consent is asked (Sculptra
     * off-label, or already confirmed). A locked chart keeps its checklist.
     */
    public void update(Collection<Product> products, PatientDetails patient, boolean pllaOffLabel) {
        if (locked.get()) {
            return;
        }
        List<ScreeningEntry> now = ChartRules.screening(products, patient, List.copyOf(entries));
        if (!now.equals(entries)) {
            entries.setAll(now);
        }
        offLabelAsked.set(pllaOffLabel || offLabelConsent.get());
    }

    /** The injector's answer to one question. */
    public void answer(ScreeningItem item, ScreeningAnswer answer) {
        if (locked.get()) {
            return;
        }
        entries.setAll(entries.stream().map(s -> s.item() == item ? s.answered(answer, s.note()) : s).toList());
        changed();
    }

    /** A Yes or No button pressed ({@code selected}) or released: released leaves the question open. */
    public void toggled(ScreeningItem item, boolean yes, boolean selected) {
        answer(item, !selected ? ScreeningAnswer.UNANSWERED : yes ? ScreeningAnswer.YES : ScreeningAnswer.NO);
    }

    /** "Answer the rest No": every open question answered No; Yes answers stay. */
    public void answerRestNo() {
        if (locked.get()) {
            return;
        }
        entries.setAll(entries.stream().map(s -> s.answer() == ScreeningAnswer.UNANSWERED
                ? s.answered(ScreeningAnswer.NO, s.note()) : s).toList());
        changed();
    }

    /** A question's line: its label, and where the record answered it. */
    public static String label(ScreeningEntry s) {
        return s.item().label() + (s.flaggedByRecord() ? "  (on the patient's record)" : "");
    }

    /** The checklist as it stands, for the draft. */
    public List<ScreeningEntry> answers() {
        return List.copyOf(entries);
    }

    public void setOnChange(Runnable handler) {
        this.onChange = Objects.requireNonNull(handler);
    }

    public ObservableList<ScreeningEntry> entries() {
        return entries;
    }

    public BooleanProperty consentProperty() {
        return consent;
    }

    public BooleanProperty offLabelConsentProperty() {
        return offLabelConsent;
    }

    /** Whether the off-label-use consent is asked: Sculptra charted off-label, or confirmed already. */
    public ReadOnlyBooleanProperty offLabelAskedProperty() {
        return offLabelAsked.getReadOnlyProperty();
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }
}
