package org.needlepoint.chart;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.schedule.ConsentCoverage;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.schedule.SignedConsent;

/**
 * Screening and consent, without a window: the checklist for the products charted (questions the
 * patient's record answers come pre-flagged Yes), the signed consents on file for the kinds of product
 * charted ({@link #coverageQuery} says what to look up, {@link #showCoverage} shows it: each consent's
 * kind, text version, day and last valid day, or what is missing), and the clinical notes. The draft's
 * consent and off-label-consent flags follow the consents on file (the Sculptra consent carries the
 * off-label-use section); the service checks them again when the chart is signed. A signed or
 * redacted chart is locked. Every change is reported to {@link #setOnChange} (the chart then saves).
 */
public final class ScreeningModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * What the consent step looks up: the signed consents for these kinds, on this visit's day. Before anything is
     * charted ({@code charted} false) it looks up every treatment kind, to show the consents already on file (signed
     * at the desk's check-in, say) without calling any missing.
     */
    public record CoverageQuery(long visitId, Set<ProductKind> kinds, boolean charted) {
        public CoverageQuery {
            kinds = Set.copyOf(kinds);
        }

        public CoverageQuery(long visitId, Set<ProductKind> kinds) {
            this(visitId, kinds, true);
        }
    }

    private final ObservableList<ScreeningEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty consent = new SimpleBooleanProperty(this, "consent");
    private final BooleanProperty offLabelConsent = new SimpleBooleanProperty(this, "offLabelConsent");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ReadOnlyObjectWrapper<CoverageQuery> coverageQuery = new ReadOnlyObjectWrapper<>(this, "coverageQuery");
    private final ReadOnlyObjectWrapper<ConsentCoverage> coverage = new ReadOnlyObjectWrapper<>(this, "coverage");
    private long visitId;
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
            locked.set(chart.visit().signed() || chart.redacted());
            if (visitId != chart.visit().id()) {
                coverage.set(null);
            }
            visitId = chart.visit().id();
            CoverageQuery was = coverageQuery.get();
            coverageQuery.set(was == null ? new CoverageQuery(visitId, Set.of()) : new CoverageQuery(visitId, was.kinds(),
                    was.charted()));
        } finally {
            loading = false;
        }
    }

    /**
     * The checklist for the products now charted (answers kept, needed questions added and
     * pre-flagged from the patient's record), and the kinds whose consents the consent step looks up.
     * A locked chart keeps its checklist.
     */
    public void update(Collection<Product> products, PatientDetails patient) {
        Set<ProductKind> kinds = products.stream().map(Product::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProductKind.class)));
        CoverageQuery q = kinds.isEmpty() ? new CoverageQuery(visitId, EnumSet.allOf(ProductKind.class), false)
                : new CoverageQuery(visitId, kinds);
        if (!q.equals(coverageQuery.get())) {
            coverageQuery.set(q);
        }
        if (locked.get()) {
            return;
        }
        List<ScreeningEntry> now = ChartRules.screening(products, patient, List.copyOf(entries));
        if (!now.equals(entries)) {
            entries.setAll(now);
        }
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

    /**
     * The signed consents found for {@link #coverageQuery} {@code q} (a late answer to an older query is
     * dropped). An open chart's consent flags follow them: the treatment consent when every kind charted
     * has one, the off-label-use consent when the Sculptra consent is among them.
     */
    public void showCoverage(CoverageQuery q, ConsentCoverage found) {
        if (!q.equals(coverageQuery.get())) {
            return;
        }
        coverage.set(found);
        if (!locked.get()) {
            consent.set(q.charted() && found.complete() && !q.kinds().isEmpty());
            offLabelConsent.set(q.charted() && found.onFile().containsKey(ConsentKind.BIOSTIMULATOR));
        }
    }

    /** One line per consent on file: "Botulinum toxin (neuromodulator) · text version 1 · signed 7 Dec 2026 · valid until 6 Dec 2027". */
    public List<String> consentLines() {
        ConsentCoverage c = coverage.get();
        if (c == null) {
            return List.of();
        }
        return c.consents().stream().map(ScreeningModel::line).toList();
    }

    private static String line(SignedConsent s) {
        return s.kind().label() + " \u00b7 text version " + s.textVersion() + " \u00b7 signed " + DAY.format(s.signedOn())
                + " \u00b7 valid until " + DAY.format(s.validUntil());
    }

    /**
     * What is missing, for the consent step: "No valid consent on file for ..." (the kinds), or null when every
     * kind charted has a valid consent, or nothing is charted yet.
     */
    public String consentMissing() {
        ConsentCoverage c = coverage.get();
        CoverageQuery q = coverageQuery.get();
        if (q == null || q.kinds().isEmpty() || !q.charted()) {
            return null;
        }
        if (c == null) {
            return "Looking for the patient's signed consents…";
        }
        return c.complete() ? null : "No valid consent on file for " + c.missing().stream().sorted()
                .map(ConsentKind::label).collect(Collectors.joining(" and ")) + ".";
    }

    /** The consent kinds the treatment needs (those of the products charted), to tick on the consent screen. */
    public Set<ConsentKind> neededKinds() {
        CoverageQuery q = coverageQuery.get();
        return q == null || !q.charted() ? Set.of() : q.kinds().stream().map(ConsentKind::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsentKind.class)));
    }

    public ReadOnlyObjectProperty<CoverageQuery> coverageQueryProperty() {
        return coverageQuery.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConsentCoverage> coverageProperty() {
        return coverage.getReadOnlyProperty();
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


    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }
}
