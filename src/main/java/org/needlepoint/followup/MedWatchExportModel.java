package org.needlepoint.followup;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The MedWatch export of a recorded side effect (a PDF, or text for the FDA's online form 3500):
 * offered once the event is recorded, possible only while what is on screen is what was saved (the
 * report shows the event as saved), and what the file is called. What an export says about itself
 * ("Making the PDF…", "MedWatch PDF saved: …") and its failures go to whoever shows the form's
 * status. No window needed.
 */
public final class MedWatchExportModel {
    static final String PDF_HINT = "The event as a MedWatch-ready report (FDA Form 3500), saved as a PDF";
    static final String SAVE_FIRST = "Save the changes first: the report shows the event as saved.";

    private final ObjectProperty<AdverseEvent> event = new SimpleObjectProperty<>(this, "event");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");
    private final BooleanBinding shown = event.isNotNull();
    private final BooleanBinding possible = shown.and(dirty.not()).and(saving.not());
    private final StringBinding pdfHint = Bindings.when(dirty).then(SAVE_FIRST).otherwise(PDF_HINT);
    private Consumer<String> onStatus = s -> { };
    private Consumer<String> onError = s -> { };

    /** The recorded event as last saved or opened; null while there is none. */
    public ObjectProperty<AdverseEvent> eventProperty() {
        return event;
    }

    /** The form has changes not saved. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    /** The form is being saved. */
    public BooleanProperty savingProperty() {
        return saving;
    }

    /** The export buttons show once an event is recorded. */
    public BooleanBinding shownProperty() {
        return shown;
    }

    /** An export is possible now: recorded, saved as shown, not being saved. */
    public BooleanBinding possibleProperty() {
        return possible;
    }

    /** What the PDF button's tooltip says: what it does, or why it cannot. */
    public StringBinding pdfHintProperty() {
        return pdfHint;
    }

    public boolean isPossible() {
        return possible.get();
    }

    /** The file name offered: medwatch-chart{chart}-event{id}-{onset}.pdf. */
    public String fileName() {
        AdverseEvent e = Objects.requireNonNull(event.get(), "no event");
        return "medwatch-chart" + e.chartNumber() + "-event" + e.id() + "-" + e.onsetDate() + ".pdf";
    }

    /** Where the export's progress is told (the form's status line). */
    public void setOnStatus(Consumer<String> onStatus) {
        this.onStatus = Objects.requireNonNull(onStatus);
    }

    /** Where an export's failure is told (the form's error line). */
    public void setOnError(Consumer<String> onError) {
        this.onError = Objects.requireNonNull(onError);
    }

    void makingPdf() {
        onStatus.accept("Making the PDF\u2026");
    }

    void pdfSaved(String fileName) {
        onStatus.accept("MedWatch PDF saved: " + fileName);
    }

    void failed(String message) {
        onError.accept(message);
    }
}
