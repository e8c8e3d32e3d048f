package org.needlepoint.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Region;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.followup.AdverseEvent;
import org.needlepoint.followup.EventProduct;
import org.needlepoint.followup.SeriousOutcome;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.security.User;

/**
 * One adverse event laid out as FDA MedWatch Form 3500 (voluntary reporting) asks for it, as
 * sections of numbered items; {@link MedWatchPdf} and {@link #text()} print the same content.
 *
 * <ul>
 * <li><b>A. Patient</b>: the identifier is the chart number (the form asks for an identifier the
 * reporter can trace, never the name), age at the event's onset, sex, weight when the event form
 * recorded one.</li>
 * <li><b>B. Adverse event</b>: the B.2 outcomes, the dates of the event and of this report, the
 * description (type, timing class, grade, urgent signs, the injector's description, actions taken,
 * outcome), relevant tests and history (the event's own, then allergies, medications, conditions
 * and pregnancy from the patient's record).</li>
 * <li><b>D. Suspect products</b> (toxins: biologic drugs) and <b>E. Suspect devices</b> (Sculptra,
 * fillers): one per product and lot among the selected points, with lot, expiry, the total amount
 * of those points, the route from their depths, the therapy dates and the known GTINs.</li>
 * <li><b>F. Other products</b> used at the same visit but not selected.</li>
 * <li><b>G. Reporter</b>: the clinic (name, address, phone) and the injector who recorded the event
 * (name, title, licence).</li>
 * </ul>
 */
record MedWatchReport(Clinic clinic, AdverseEvent event, Patient patient, User reporter, List<EventProduct> others,
                      User preparedBy, Instant preparedAt, ZoneId zone) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final String TITLE = "MedWatch-ready adverse event report";
    static final String FORM = "FDA Form 3500 (voluntary reporting)";

    /** A numbered item of the form and what to enter. */
    record Item(String label, String value) {
    }

    /** A part of a section: an optional heading (one suspect product) and its items. */
    record Block(String heading, List<Item> items) {
    }

    record Section(String title, List<Block> blocks) {
    }

    LocalDate preparedOn() {
        return preparedAt.atZone(zone).toLocalDate();
    }

    /** "Chart 1001": the identifier the report uses instead of the name. */
    String identifier() {
        return "Chart " + patient.chartNumber();
    }

    String reporterName() {
        return reporter == null ? event.reportedByName() : reporter.displayName();
    }

    List<Section> sections() {
        List<Section> out = new ArrayList<>();
        out.add(patientSection());
        out.add(eventSection());
        List<EventProduct> drugs = event.products().stream().filter(p -> !p.device()).toList();
        List<EventProduct> devices = event.products().stream().filter(EventProduct::device).toList();
        if (!drugs.isEmpty()) {
            out.add(new Section("D. Suspect product(s)", products(drugs, false)));
        }
        if (!devices.isEmpty()) {
            out.add(new Section("E. Suspect medical device(s)", products(devices, true)));
        }
        out.add(othersSection());
        out.add(reporterSection());
        return out;
    }

    private Section patientSection() {
        PatientDetails d = patient.details();
        String weight = event.weightKg() == null ? "Not recorded"
                : event.weightKg().stripTrailingZeros().toPlainString() + " kg";
        return new Section("A. Patient information", List.of(new Block(null, List.of(
                new Item("A.1 Patient identifier (in confidence)", identifier()),
                new Item("A.2 Age at time of event", d.ageOn(event.onsetDate()) + " years"),
                new Item("A.3 Sex", d.sex() == null ? "Not recorded" : d.sex().toString()),
                new Item("A.4 Weight", weight)))));
    }

    private Section eventSection() {
        List<Item> items = new ArrayList<>();
        items.add(new Item("B.1 Type of report", "Adverse event"));
        items.add(new Item("B.2 Outcome attributed to adverse event", outcomes()));
        items.add(new Item("B.3 Date of event", event.onsetDate().toString()));
        items.add(new Item("B.4 Date of this report", preparedOn().toString()));
        items.add(new Item("B.5 Describe event or problem", description()));
        items.add(new Item("B.6 Relevant tests / laboratory data", event.relevantHistory() == null ? "None recorded"
                : event.relevantHistory()));
        items.add(new Item("B.7 Other relevant history, including pre-existing medical conditions", history()));
        return new Section("B. Adverse event", List.of(new Block(null, items)));
    }

    private String outcomes() {
        List<String> lines = new ArrayList<>();
        for (SeriousOutcome o : SeriousOutcome.values()) {
            boolean ticked = event.serious().contains(o);
            lines.add((ticked ? "[X] " : "[  ] ") + o.label()
                    + (o == SeriousOutcome.DEATH && ticked && event.deathDate() != null ? " (" + event.deathDate() + ")" : ""));
        }
        if (event.serious().isEmpty()) {
            lines.add("None of these: not a serious event.");
        }
        return String.join("\n", lines);
    }

    private String description() {
        List<String> lines = new ArrayList<>();
        long days = java.time.temporal.ChronoUnit.DAYS.between(event.visitDate(), event.onsetDate());
        lines.add(event.typeLabel() + ". " + event.severity().label() + " (" + event.severity().meaning() + ").");
        lines.add("Onset " + DAY.format(event.onsetDate()) + ", " + days + (days == 1 ? " day" : " days")
                + " after treatment on " + DAY.format(event.visitDate()) + ": " + event.timing().label().toLowerCase(Locale.ROOT)
                + ".");
        Set<Region> regions = EnumSet.noneOf(Region.class);
        event.products().forEach(p -> regions.addAll(p.regions()));
        if (!regions.isEmpty()) {
            lines.add("Sites concerned: " + regions.stream().map(Region::label).collect(Collectors.joining(", ")) + ".");
        }
        List<String> signs = new ArrayList<>();
        if (event.visionChange()) {
            signs.add("vision change");
        }
        if (event.breathingDifficulty()) {
            signs.add("breathing or swallowing difficulty");
        }
        if (!signs.isEmpty()) {
            lines.add("Urgent signs: " + String.join(", ", signs) + ".");
        }
        if (event.description() != null) {
            lines.add(event.description());
        }
        lines.add("Actions taken: " + (event.actionsTaken() == null ? "none recorded." : event.actionsTaken()));
        lines.add("Outcome: " + event.outcome().label()
                + (event.outcome().resolved() && event.outcomeDate() != null ? " on " + DAY.format(event.outcomeDate()) : "")
                + ".");
        return String.join("\n", lines);
    }

    private String history() {
        PatientDetails d = patient.details();
        List<String> lines = new ArrayList<>();
        lines.add("Allergies: " + (d.allergies() == null ? "none recorded" : d.allergies()));
        lines.add("Medications: " + (d.medications() == null ? "none recorded" : d.medications()));
        lines.add("Conditions: " + (d.conditions() == null ? "none recorded" : d.conditions()));
        if (d.pregnancy() != Pregnancy.NOT_APPLICABLE) {
            lines.add("Pregnancy / breastfeeding: " + d.pregnancy());
        }
        return String.join("\n", lines);
    }

    private List<Block> products(List<EventProduct> products, boolean devices) {
        List<Block> out = new ArrayList<>();
        int n = 1;
        for (EventProduct p : products) {
            List<Item> items = new ArrayList<>();
            String prefix = devices ? "E" : "D";
            if (devices) {
                items.add(new Item("E.1 Brand name", p.productName()));
                items.add(new Item("E.2 Common device name", commonName(p.kind())));
                items.add(new Item("E.3 Manufacturer (brand)", p.brand()));
            } else {
                items.add(new Item("D.1 Name and strength", p.productName()));
                items.add(new Item("D.1 Manufacturer / compounder (brand)", p.brand()));
            }
            items.add(new Item(prefix + " Lot number", p.lotNumber() == null ? "Not recorded" : p.lotNumber()));
            items.add(new Item(prefix + " Expiration date", p.expiry() == null ? "Not recorded" : p.expiry().toString()));
            items.add(new Item(devices ? "E UDI-DI (GTIN)" : "D NDC or unique ID (GTIN)", p.gtins().isEmpty()
                    ? "Not recorded" : String.join(", ", p.gtins())));
            items.add(new Item(prefix + " Dose or amount used", p.dose() + " in " + p.points()
                    + (p.points() == 1 ? " injection point" : " injection points")));
            items.add(new Item(prefix + " Route", route(p.depths())));
            items.add(new Item(prefix + (devices ? " Date(s) implanted" : " Therapy date(s)"),
                    p.therapyDates().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(", "))));
            items.add(new Item(prefix + " Sites", p.regions().stream().map(Region::label).collect(Collectors.joining(", "))));
            if (devices) {
                items.add(new Item("E Operator of device", "Health professional"));
            }
            out.add(new Block("#" + n++ + " " + p.productName() + (p.lotNumber() == null ? "" : ", lot " + p.lotNumber()),
                    items));
        }
        return out;
    }

    private Section othersSection() {
        if (others.isEmpty()) {
            return new Section("F. Other products used at the same visit", List.of(new Block(null, List.of(
                    new Item("F Products", "None: every product of the visit is listed above.")))));
        }
        List<Item> items = new ArrayList<>();
        for (EventProduct p : others) {
            items.add(new Item(p.productName(), (p.lotNumber() == null ? "" : "lot " + p.lotNumber() + ", exp. " + p.expiry()
                    + "; ") + p.dose() + ", " + route(p.depths()).toLowerCase(Locale.ROOT) + "; "
                    + p.therapyDates().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(", "))));
        }
        return new Section("F. Other products used at the same visit", List.of(new Block(null, items)));
    }

    private Section reporterSection() {
        String licence = reporter == null || reporter.licenceNumber() == null ? "Not recorded" : reporter.licenceNumber();
        String title = reporter == null || reporter.title() == null ? "Not recorded" : reporter.title();
        return new Section("G. Reporter", List.of(new Block(null, List.of(
                new Item("G.1 Name", reporterName()),
                new Item("G.1 Occupation / title", title),
                new Item("G.1 Licence", licence),
                new Item("G.1 Facility", clinic.name()),
                new Item("G.1 Address", clinic.address()),
                new Item("G.1 Phone", clinic.phone()),
                new Item("G.2 Health professional?", "Yes"),
                new Item("G Treating injector", event.injectorName())))));
    }

    /** The route of administration from the points' depths. */
    static String route(Set<Depth> depths) {
        if (depths.isEmpty()) {
            return "Injection (depth not charted)";
        }
        Set<String> routes = new java.util.LinkedHashSet<>();
        for (Depth d : EnumSet.copyOf(depths)) {
            routes.add(switch (d) {
                case INTRAMUSCULAR -> "Intramuscular";
                case SUBCUTANEOUS -> "Subcutaneous";
                case INTRADERMAL, DEEP_DERMIS -> "Intradermal";
                case SUPRAPERIOSTEAL -> "Supraperiosteal";
            });
        }
        return String.join(", ", routes);
    }

    private static String commonName(ProductKind kind) {
        return switch (kind) {
            case BIOSTIMULATOR -> "Injectable poly-L-lactic acid (PLLA) implant";
            case HA_FILLER -> "Hyaluronic-acid dermal filler";
            case TOXIN -> "Botulinum toxin";
            case CAHA -> "Calcium hydroxylapatite dermal filler";
            case DEOXYCHOLIC -> "Deoxycholic acid injection";
            case OTHER -> "Injectable product";
        };
    }

    /** The report as plain text: a heading, then each section with its items ("label: value", continued lines indented). */
    String text() {
        StringBuilder b = new StringBuilder();
        b.append(TITLE.toUpperCase(Locale.ROOT)).append('\n');
        b.append("Follows ").append(FORM).append(". Prepared ").append(DAY.format(preparedOn())).append(" by ")
                .append(preparedBy == null ? "unknown" : preparedBy.displayName()).append(", ").append(clinic.name())
                .append(". Adverse event no. ").append(event.id()).append(".\n");
        b.append("Confidential: patient information for FDA MedWatch or the manufacturer only.\n");
        for (Section s : sections()) {
            b.append('\n').append(s.title().toUpperCase(Locale.ROOT)).append('\n');
            for (Block k : s.blocks()) {
                if (k.heading() != null) {
                    b.append("  ").append(k.heading()).append('\n');
                }
                String indent = k.heading() == null ? "  " : "    ";
                for (Item i : k.items()) {
                    String[] lines = i.value().split("\n", -1);
                    b.append(indent).append(i.label()).append(": ").append(lines[0]).append('\n');
                    for (int x = 1; x < lines.length; x++) {
                        b.append(indent).append("    ").append(lines[x]).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }
}
