package org.needlepoint.schedule;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.ScreeningItem;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.PatientDetails;

/**
 * The check-in screen without a window: the sheet the desk confirms ({@link #load}), the contact details and
 * rewards membership as typed, the identity tick, the screening answers (Yes / No per question, "the rest No"),
 * the consents on file per kind, and the form it sends ({@link #form}). What is still open is said in words for the
 * screen: how many questions are unanswered, which consent is missing.
 */
public final class CheckInModel {
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One kind of consent the planned products need: its label, and the consent on file or null. */
    public record ConsentLine(ConsentKind kind, SignedConsent onFile) {
        public boolean missing() {
            return onFile == null;
        }

        public String text() {
            return onFile == null ? kind.label() + ": no valid consent on file"
                    : kind.label() + ": on file \u00b7 version " + onFile.textVersion() + " \u00b7 signed "
                    + DAY.format(onFile.signedOn()) + " \u00b7 valid until " + DAY.format(onFile.validUntil());
        }
    }

    private final ReadOnlyObjectWrapper<CheckInSheet> sheet = new ReadOnlyObjectWrapper<>(this, "sheet");
    private final BooleanProperty identityConfirmed = new SimpleBooleanProperty(this, "identityConfirmed");
    private final StringProperty mobilePhone = new SimpleStringProperty(this, "mobilePhone", "");
    private final StringProperty otherPhone = new SimpleStringProperty(this, "otherPhone", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty addressLine = new SimpleStringProperty(this, "addressLine", "");
    private final StringProperty city = new SimpleStringProperty(this, "city", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty postalCode = new SimpleStringProperty(this, "postalCode", "");
    private final StringProperty rewardsProgramme = new SimpleStringProperty(this, "rewardsProgramme", "");
    private final StringProperty rewardsMember = new SimpleStringProperty(this, "rewardsMember", "");
    private final ObservableList<ScreeningEntry> screening = FXCollections.observableArrayList();
    private final ObjectProperty<ConsentCoverage> consents = new SimpleObjectProperty<>(this, "consents");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    /** Shows a fresh sheet: the record's contact details, no identity tick, the questionnaire as it stands. */
    public void load(CheckInSheet s) {
        PatientDetails d = s.patient().details();
        identityConfirmed.set(false);
        mobilePhone.set(text(d.mobilePhone()));
        otherPhone.set(text(d.otherPhone()));
        email.set(text(d.email()));
        addressLine.set(text(d.addressLine()));
        city.set(text(d.city()));
        region.set(text(d.region()));
        postalCode.set(text(d.postalCode()));
        rewardsProgramme.set(text(d.rewardsProgramme()));
        rewardsMember.set(text(d.rewardsMember()));
        screening.setAll(s.screening());
        consents.set(s.consents());
        sheet.set(s);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** "Smith, Ann" as the book names the patient. */
    public String patientName() {
        return sheet.get() == null ? "" : sheet.get().appointment().patientName();
    }

    /** "Born 14 Mar 1985 (41 years) · chart 12", what the desk compares with what the patient says. */
    public String identityLine(LocalDate today) {
        CheckInSheet s = sheet.get();
        if (s == null) {
            return "";
        }
        PatientDetails d = s.patient().details();
        String legal = d.firstName() + (d.middleName() == null ? "" : " " + d.middleName()) + " " + d.lastName()
                + (d.preferredName() == null ? "" : " (\u201c" + d.preferredName() + "\u201d)");
        return legal + " \u00b7 born " + DAY.format(d.birthDate()) + " (" + Period.between(d.birthDate(), today).getYears()
                + " years) \u00b7 chart " + s.patient().chartNumber();
    }

    /** "10:00–10:30 · Treatment with NP Ivy Injector · Room 1 · Dysport 300 U". */
    public String appointmentLine() {
        CheckInSheet s = sheet.get();
        if (s == null) {
            return "";
        }
        Appointment a = s.appointment();
        return HM.format(a.start()) + "\u2013" + HM.format(a.end()) + " \u00b7 " + a.kind().label() + " with "
                + a.injectorName() + (a.roomName() == null ? "" : " \u00b7 " + a.roomName())
                + (s.products().isEmpty() ? " \u00b7 no products planned"
                : " \u00b7 " + s.products().stream().map(Product::name).collect(Collectors.joining(", ")))
                + (a.checkedInAt() == null ? "" : " \u00b7 checked in before");
    }

    /** The desk's answer to one question ({@code UNANSWERED} leaves it to the injector). */
    public void answer(ScreeningItem item, ScreeningAnswer answer) {
        screening.setAll(screening.stream().map(e -> e.item() == item ? e.answered(answer, e.note()) : e).toList());
    }

    /** A Yes or No button pressed ({@code selected}) or released: released leaves the question open. */
    public void toggled(ScreeningItem item, boolean yes, boolean selected) {
        answer(item, !selected ? ScreeningAnswer.UNANSWERED : yes ? ScreeningAnswer.YES : ScreeningAnswer.NO);
    }

    /** "The rest No": every open question answered No; the Yes answers stay. */
    public void answerRestNo() {
        screening.setAll(screening.stream().map(e -> e.answer() == ScreeningAnswer.UNANSWERED
                ? e.answered(ScreeningAnswer.NO, e.note()) : e).toList());
    }

    /** "2 questions not answered: the injector will ask them." or "All answered: 1 Yes for the injector to review." */
    public String screeningSummary() {
        long open = screening.stream().filter(e -> e.answer() == ScreeningAnswer.UNANSWERED).count();
        long yes = screening.stream().filter(e -> e.answer() == ScreeningAnswer.YES).count();
        String yesText = yes == 0 ? "" : yes + " Yes for the injector to review.";
        if (open > 0) {
            return open + (open == 1 ? " question" : " questions") + " not answered: the injector will ask."
                    + (yes == 0 ? "" : " " + yesText);
        }
        return "All answered." + (yes == 0 ? "" : " " + yesText);
    }

    /** Per kind the planned products need, the consent on file or its absence, in the kinds' order. */
    public List<ConsentLine> consentLines() {
        ConsentCoverage c = consents.get();
        CheckInSheet s = sheet.get();
        if (c == null || s == null) {
            return List.of();
        }
        Set<ConsentKind> kinds = EnumSet.noneOf(ConsentKind.class);
        for (Product p : s.products()) {
            kinds.add(ConsentKind.of(p.kind()));
        }
        List<ConsentLine> out = new ArrayList<>();
        for (ConsentKind k : kinds) {
            out.add(new ConsentLine(k, c.onFile().get(k)));
        }
        return out;
    }

    /** The kinds to sign at the desk: those of the planned products with no valid consent. */
    public Set<ConsentKind> missingKinds() {
        return consentLines().stream().filter(ConsentLine::missing).map(ConsentLine::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsentKind.class)));
    }

    /** The product kinds the consents are looked up for. */
    public Set<ProductKind> productKinds() {
        CheckInSheet s = sheet.get();
        return s == null ? Set.of() : s.products().stream().map(Product::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProductKind.class)));
    }

    /** What the desk sends: the sheet's versions, the tick, the fields as typed, the answers. */
    public CheckInForm form() {
        CheckInSheet s = sheet.get();
        return new CheckInForm(s.appointment(), s.patient().id(), s.patient().version(),
                identityConfirmed.get(), mobilePhone.get(), otherPhone.get(), email.get(), addressLine.get(), city.get(),
                region.get(), postalCode.get(), rewardsProgramme.get(), rewardsMember.get(), List.copyOf(screening));
    }

    /** What the desk is told once the patient is checked in. */
    public static String doneMessage(CheckedIn done, java.time.ZoneId zone) {
        Appointment a = done.appointment();
        return a.patientName() + " is checked in" + (a.checkedInAt() == null ? ""
                : " (" + HM.format(a.checkedInAt().atZone(zone)) + ")")
                + ": the visit is ready for " + a.injectorName() + ".";
    }

    public ReadOnlyObjectProperty<CheckInSheet> sheetProperty() {
        return sheet.getReadOnlyProperty();
    }

    public BooleanProperty identityConfirmedProperty() {
        return identityConfirmed;
    }

    public StringProperty mobilePhoneProperty() {
        return mobilePhone;
    }

    public StringProperty otherPhoneProperty() {
        return otherPhone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty addressLineProperty() {
        return addressLine;
    }

    public StringProperty cityProperty() {
        return city;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty postalCodeProperty() {
        return postalCode;
    }

    public StringProperty rewardsProgrammeProperty() {
        return rewardsProgramme;
    }

    public StringProperty rewardsMemberProperty() {
        return rewardsMember;
    }

    public ObservableList<ScreeningEntry> screening() {
        return screening;
    }

    public ObjectProperty<ConsentCoverage> consentsProperty() {
        return consents;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
