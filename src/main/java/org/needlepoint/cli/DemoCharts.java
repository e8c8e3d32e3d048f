package org.needlepoint.cli;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartPattern;
import org.needlepoint.chart.ChartRules;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.DiagramGeometry;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Visit;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.Text;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotStatus;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.RecallResult;
import org.needlepoint.inventory.ReceiptDraft;
import org.needlepoint.inventory.Vial;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.schedule.ConsentService;
import org.needlepoint.schedule.Signature;

/**
 * seed-demo's charted history and stock: lots for every product received through the receiving
 * service with their synthetic GTINs (some expired long ago, some close to expiry, one quarantined,
 * one recalled with its recall notices), restocked on clinic mornings, and, for about a third of the
 * first {@link #CHARTED_PATIENTS} patients, one to three signed visits over the last two years:
 * Dysport glabella (with crow's feet and forehead for some) every four months or so, or a Sculptra
 * course of temple and malar fans six weeks apart, built from the built-in patterns and skipping
 * patients whose record contraindicates them. Toxin and Sculptra points are charted from reconstituted
 * vials opened as the day goes (a new one when the last is empty or past its usable hours; the rest
 * discarded at the end of the day), so signing deducts one pack per vial. A few packs are wasted,
 * one vial is discarded unused, and one stock count finds a pack missing.
 *
 * <p>Everything goes through the real services, back-dated by a clock of its own: the demo injector
 * charts each visit at its time and signs each clinic day's visits at the end of that day with their
 * password (one password check per day keeps the production hashing factor affordable). The demo
 * injector holds a clinic day every fourth Wednesday. Only the first {@link #CHARTED_PATIENTS}
 * patients are considered, so a 100,000-patient benchmark seed stays fast. One draft visit is left
 * open today, as a chart interrupted mid-visit would be.
 */
final class DemoCharts {
    static final int CHARTED_PATIENTS = 1500;
    private static final String[] FOLLOW_UPS = {
        "Patient phoned on day 3: mild bruising at one injection site, resolving. Reassured; arnica advised.",
        "Two-week review: good, symmetrical result. No touch-up needed.",
        "Correction: the patient also takes vitamin E occasionally (not on the screening answers); no change to treatment.",
        "Patient phoned on day 2: slight headache, settled with paracetamol.",
    };

    private final Services services;
    private final SeedClock clock;
    private final ChartService charts;
    private final InventoryService inventory;
    private final Random rnd;
    private final LocalDate today;
    private final List<Lot> lots = new ArrayList<>();
    private final Map<String, ChartPattern> patterns = new LinkedHashMap<>();
    private final List<VisitChart> signedVisits = new ArrayList<>();
    private Product dysport300;
    private Product dysport500;
    private Product sculptra;

    /**
     * What was seeded; {@code visits} counts the signed ones and the one draft; {@code signed} are
     * the signed visits as signed, oldest first.
     */
    record Result(int visits, int points, int patients, int lots, int addenda, int receipts, int vials,
                  String recalledLot, int recallNotices, List<VisitChart> signed, int consents) {
    }

    /** A reconstituted vial being charted from, with what is left in it in the charting unit. */
    private static final class OpenVial {
        final Vial vial;
        BigDecimal left;

        OpenVial(Vial vial, BigDecimal left) {
            this.vial = vial;
            this.left = left;
        }
    }

    private final Map<Long, OpenVial> openVials = new LinkedHashMap<>();
    private final List<OpenVial> retired = new ArrayList<>();
    private int receipts;
    private int vialsOpened;
    private int consentsSigned;

    private record Planned(Patient patient, Instant at, Plan plan) {
    }

    private enum Plan { GLABELLA, GLABELLA_CROWS_FEET, FULL_UPPER_FACE, SCULPTRA_TEMPLE_MALAR, SCULPTRA_MALAR }

    DemoCharts(Services s, Random rnd) {
        this.clock = new SeedClock(s.clock().instant(), s.clock().getZone());
        this.services = s.withClock(clock);
        this.charts = services.charts();
        this.inventory = services.inventory();
        this.rnd = rnd;
        this.today = LocalDate.now(s.clock());
    }

    /** Seeds lots and visits; {@code patients} in creation order. Leaves nobody signed in. */
    Result seed(List<Patient> patients, char[] injectorPassword, char[] adminPassword) {
        List<Planned> plan = plan(patients);
        clock.set(at(today.minusMonths(27), LocalTime.of(8, 0)));
        services.auth().signIn("injector", injectorPassword);
        try {
            products();
            receiveLots();
            int[] counts = chart(plan, injectorPassword);
            stockEvents();
            RecallResult recalled = recallOne();
            services.auth().signIn("admin", adminPassword);
            quarantineOne();
            return new Result(counts[0], counts[1], (int) plan.stream().map(Planned::patient).distinct().count(),
                    lots.size(), counts[2], receipts, vialsOpened, recalled.lot().lotNumber(),
                    recalled.patientIds().size(), List.copyOf(signedVisits), consentsSigned);
        } finally {
            services.auth().signOut();
        }
    }

    private void products() {
        for (Product p : inventory.products()) {
            switch (p.name()) {
                case "Dysport 300 U" -> dysport300 = p;
                case "Dysport 500 U" -> dysport500 = p;
                case "Sculptra" -> sculptra = p;
                default -> {
                    // stocked, not charted by the demo
                }
            }
        }
        for (ChartPattern p : charts.patterns()) {
            if (p.builtIn()) {
                patterns.put(p.name(), p);
            }
        }
    }

    /** Three lots per product: long expired, near expiry (valid), fresh; received by scanning their packs. */
    private void receiveLots() {
        int[][] receivedExpiry = {{-27, -8}, {-16, 0}, {-2, 16}};
        for (Product p : inventory.products()) {
            for (int[] re : receivedExpiry) {
                LocalDate received = today.plusMonths(re[0]).plusDays(rnd.nextInt(10));
                LocalDate expiry = re[1] == 0 ? today.plusDays(20 + rnd.nextInt(20)) : today.plusMonths(re[1]);
                clock.set(at(received, LocalTime.of(8, 30)));
                int quantity = p.kind() == ProductKind.HA_FILLER ? 20 : p.kind() == ProductKind.BIOSTIMULATOR ? 8 : 10;
                lots.add(receive(p, lotNumber(p, received), expiry, received, quantity));
            }
        }
    }

    private Lot receive(Product p, String lotNumber, LocalDate expiry, LocalDate received, int quantity) {
        Gs1Code code = new Gs1Code(p.gtins().get(0), expiry, lotNumber, null, expiry.minusYears(2));
        ReceiptDraft d = ReceiptDraft.of(code, received).withQuantity(quantity)
                .withDelivery("Demo Medical Supply", String.format("INV-%d-%04d", received.getYear() % 100,
                        rnd.nextInt(10_000)), received);
        receipts++;
        return inventory.receive(d).lot();
    }

    private String lotNumber(Product p, LocalDate received) {
        String code = Text.fold(p.brand()).replaceAll("[^a-z]", "").toUpperCase(java.util.Locale.ROOT);
        return code.substring(0, Math.min(2, code.length())) + (received.getYear() % 100)
                + (char) ('A' + rnd.nextInt(26)) + String.format("%03d", rnd.nextInt(1000));
    }

    /** Waste, a vial discarded unused and a stock count that finds a pack missing, in the last days. */
    private void stockEvents() {
        Lot filler = usableLot(named("HA filler 1 mL"), today);
        clock.set(at(today.minusDays(6), LocalTime.of(12, 10)));
        inventory.recordWaste(filler.id(), 1, "Syringe dropped; blister pack broken");
        Product botox = named("Botox Cosmetic 100 U");
        clock.set(at(today.minusDays(5), LocalTime.of(10, 0)));
        Vial v = inventory.openVial(usableLot(botox, today).id(), null, new BigDecimal("2.5"));
        vialsOpened++;
        clock.set(at(today.minusDays(5), LocalTime.of(10, 20)));
        inventory.discardVial(v.id(), "Reconstituted for a patient who then cancelled");
        Lot xeomin = usableLot(named("Xeomin 100 U"), today);
        clock.set(at(today.minusDays(4), LocalTime.of(17, 30)));
        Lot counted = inventory.lot(xeomin.id());
        inventory.countStock(counted.id(), counted.onHand() - 1, "Monthly stock count: one vial missing");
    }

    /** The Dysport 500 U lot charted most recently is recalled yesterday: every patient who had it gets a notice. */
    private RecallResult recallOne() {
        Lot lot = usableLot(dysport500, today.minusDays(1));
        clock.set(at(today.minusDays(1), LocalTime.of(12, 0)));
        return inventory.markRecalled(lot.id(), "Manufacturer's recall notice DEMO-2026-01 (demo data)");
    }

    private void quarantineOne() {
        LocalDate received = today.minusDays(5);
        clock.set(at(received, LocalTime.of(9, 0)));
        Lot lot = receive(dysport300, lotNumber(dysport300, received), today.plusMonths(18), received, 10);
        clock.set(at(today.minusDays(2), LocalTime.of(12, 0)));
        lots.add(inventory.quarantine(lot.id(), "Delivery arrived warm: cold chain under review with the supplier"));
    }

    private Product named(String name) {
        return inventory.products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------- planning

    private List<Planned> plan(List<Patient> patients) {
        List<Planned> out = new ArrayList<>();
        LocalDate lastClinicDay = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        for (int i = 0; i < Math.min(patients.size(), CHARTED_PATIENTS); i++) {
            Patient p = patients.get(i);
            if (rnd.nextInt(3) != 0 || p.details().pregnancy().alert()) {
                continue;
            }
            PatientDetails d = p.details();
            String conditions = Text.fold(d.conditions());
            boolean toxinOk = !Text.fold(d.allergies()).contains("milk") && !conditions.contains("myasthenia");
            boolean pllaOk = !conditions.contains("keloid") && !conditions.contains("immunosuppress");
            boolean pllaCourse = pllaOk && (!toxinOk || rnd.nextInt(4) == 0);
            if (!toxinOk && !pllaCourse) {
                continue;
            }
            int visits = 1 + rnd.nextInt(3);
            LocalDate day = today.minusDays(pllaCourse ? 60 + rnd.nextInt(600) : 120 + rnd.nextInt(600));
            for (int v = 0; v < visits && day.isBefore(today); v++) {
                LocalDate clinicDay = clinicDayOnOrBefore(day, lastClinicDay);
                Plan kind = pllaCourse ? (rnd.nextInt(3) == 0 ? Plan.SCULPTRA_MALAR : Plan.SCULPTRA_TEMPLE_MALAR)
                        : switch (rnd.nextInt(20)) {
                            case 0, 1, 2, 3, 4, 5, 6, 7, 8 -> Plan.GLABELLA;
                            case 9, 10, 11, 12, 13, 14 -> Plan.GLABELLA_CROWS_FEET;
                            default -> Plan.FULL_UPPER_FACE;
                        };
                out.add(new Planned(p, at(clinicDay, LocalTime.of(9, 0)), kind));
                day = day.plusDays(pllaCourse ? 42 + rnd.nextInt(15) : 120 + rnd.nextInt(60));
            }
        }
        out.sort(Comparator.comparing(Planned::at).thenComparing(x -> x.patient().id()));
        // give each visit of a clinic day its own 20-minute slot from 09:00
        List<Planned> timed = new ArrayList<>();
        LocalDate current = null;
        int slot = 0;
        for (Planned p : out) {
            LocalDate d = p.at().atZone(clock.getZone()).toLocalDate();
            slot = d.equals(current) ? slot + 1 : 0;
            current = d;
            timed.add(new Planned(p.patient(), at(d, LocalTime.of(9, 0).plusMinutes(20L * (slot % 24))), p.plan()));
        }
        return timed;
    }

    /** The demo injector's clinic days fall every fourth Wednesday, counting back from the last one. */
    private static LocalDate clinicDayOnOrBefore(LocalDate day, LocalDate lastClinicDay) {
        long weeksBack = (ChronoUnit.DAYS.between(day, lastClinicDay) + 27) / 28 * 4;
        return lastClinicDay.minusWeeks(Math.max(0, weeksBack));
    }

    // ------------------------------------------------------------------------------- charting

    /** Charts and signs the planned visits day by day; returns visits, points, addenda. */
    private int[] chart(List<Planned> plan, char[] password) {
        int visits = 0;
        int points = 0;
        int addenda = 0;
        Map<LocalDate, List<Planned>> byDay = new LinkedHashMap<>();
        for (Planned p : plan) {
            byDay.computeIfAbsent(p.at().atZone(clock.getZone()).toLocalDate(), d -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<LocalDate, List<Planned>> day : byDay.entrySet()) {
            restock(day.getKey(), day.getValue().size());
            List<Visit> drafts = new ArrayList<>();
            for (Planned p : day.getValue()) {
                clock.set(p.at());
                VisitChart saved = draft(p, day.getKey());
                drafts.add(saved.visit());
                points += saved.points().size();
            }
            clock.set(at(day.getKey(), LocalTime.of(17, 45)));
            discardOpenVials("End of the clinic day");
            clock.set(at(day.getKey(), LocalTime.of(18, 0)));
            List<VisitChart> signed = charts.signDrafts(drafts, password);
            signedVisits.addAll(signed);
            visits += signed.size();
            for (VisitChart s : signed) {
                LocalDate followUp = day.getKey().plusDays(2 + rnd.nextInt(12));
                if (rnd.nextInt(8) == 0 && followUp.isBefore(today)) {
                    clock.set(at(followUp, LocalTime.of(11, 15)));
                    charts.addAddendum(s.visit().id(), FOLLOW_UPS[rnd.nextInt(FOLLOW_UPS.length)], null);
                    addenda++;
                }
            }
        }
        if (!plan.isEmpty()) {
            // a chart interrupted this morning: saved as a draft, never signed
            clock.set(at(today, LocalTime.of(9, 30)));
            Planned first = plan.get(0);
            VisitChart started = charts.startVisit(first.patient().id());
            List<InjectionPoint> glabella = apply("Dysport glabellar lines (label, 5 x 10 U)", dysport300, today);
            openVials.clear(); // this morning's vial is opened for this chart and left open
            charts.saveDraft(started.visit(), ChartDraft.of(started).withPoints(glabella)
                    .withNotes("Glabellar lines; started, not yet finished."));
            visits++;
            points += glabella.size();
        }
        return new int[] {visits, points, addenda};
    }

    /**
     * Before the treatment, the patient signs (with a synthetic drawn signature, the injector as witness)
     * the consent its products need when none is valid today, and the photography consent with the first.
     */
    private void consentOnFile(Planned p, long visitId, LocalDate day) {
        ProductKind kind = switch (p.plan()) {
            case GLABELLA, GLABELLA_CROWS_FEET, FULL_UPPER_FACE -> ProductKind.TOXIN;
            case SCULPTRA_TEMPLE_MALAR, SCULPTRA_MALAR -> ProductKind.BIOSTIMULATOR;
        };
        ConsentService consents = services.consents();
        long patientId = p.patient().id();
        if (consents.validConsentFor(patientId, List.of(kind), day).complete()) {
            return;
        }
        List<ConsentKind> kinds = new ArrayList<>(List.of(ConsentKind.of(kind)));
        if (consents.signedConsents(patientId).stream().noneMatch(c -> c.kind() == ConsentKind.PHOTOGRAPHY)) {
            kinds.add(ConsentKind.PHOTOGRAPHY);
        }
        consentsSigned += consents.sign(patientId, kinds, demoSignature(rnd), visitId).size();
    }

    /** A signature as a hand draws it on the pad: a capital loop, a run of joined waves, an underline. */
    static Signature demoSignature(Random rnd) {
        int w = 600;
        int h = 220;
        List<List<Signature.Point>> strokes = new ArrayList<>();
        int x0 = 40 + rnd.nextInt(40);
        int base = 130 + rnd.nextInt(20);
        List<Signature.Point> capital = new ArrayList<>();
        for (int i = 0; i <= 24; i++) {
            double t = i / 24.0 * 2 * Math.PI;
            capital.add(new Signature.Point(x0 + (int) (25 * Math.sin(t)), base - 40 + (int) (45 * Math.cos(t) * -1)));
        }
        strokes.add(capital);
        List<Signature.Point> run = new ArrayList<>();
        double height = 18 + rnd.nextInt(14);
        double freq = 0.08 + rnd.nextDouble() * 0.05;
        int length = 220 + rnd.nextInt(180);
        for (int dx = 0; dx <= length; dx += 6) {
            run.add(new Signature.Point(x0 + 40 + dx, base - (int) (height * Math.abs(Math.sin(dx * freq)))));
        }
        strokes.add(run);
        List<Signature.Point> underline = new ArrayList<>();
        for (int dx = 0; dx <= length + 30; dx += 20) {
            underline.add(new Signature.Point(x0 + dx, base + 22 + (int) (3 * Math.sin(dx / 40.0))));
        }
        strokes.add(underline);
        return new Signature(w, h, strokes);
    }

    private VisitChart draft(Planned p, LocalDate day) {
        VisitChart started = charts.startVisit(p.patient().id());
        consentOnFile(p, started.visit().id(), day);
        List<InjectionPoint> points = new ArrayList<>();
        String notes;
        Product toxin = rnd.nextInt(5) == 0 ? dysport500 : dysport300;
        switch (p.plan()) {
            case GLABELLA -> {
                points.addAll(apply("Dysport glabellar lines (label, 5 x 10 U)", toxin, day));
                notes = "Moderate to severe glabellar lines at maximum frown. Dysport 50 U per label, 5 x 10 U."
                        + " Aftercare given: stay upright 4 h, no massage of the area.";
            }
            case GLABELLA_CROWS_FEET -> {
                points.addAll(apply("Dysport glabellar lines (label, 5 x 10 U)", toxin, day));
                points.addAll(apply("Dysport crow's feet (3 points per side)", toxin, day));
                notes = "Glabellar lines and lateral canthal lines. Glabella per label; crow's feet 3 x 10 U per side,"
                        + " superficial, 1 cm lateral to the orbital rim. Aftercare given.";
            }
            case FULL_UPPER_FACE -> {
                points.addAll(apply("Dysport glabellar lines (label, 5 x 10 U)", toxin, day));
                points.addAll(apply("Dysport forehead (5 points)", toxin, day));
                points.addAll(apply("Dysport crow's feet (3 points per side)", toxin, day));
                notes = "Upper face: glabella, forehead (conservative, 2 cm above the brows) and crow's feet."
                        + " Review in 2 weeks. Aftercare given.";
            }
            case SCULPTRA_TEMPLE_MALAR -> {
                points.addAll(apply("Sculptra temple fan", sculptra, day));
                points.addAll(apply("Sculptra malar fan", sculptra, day));
                notes = "Sculptra session: temples and malar/submalar, subcutaneous by cannula, vial reconstituted"
                        + " to 9 mL (7 mL water + 2 mL lidocaine). 5-5-5 massage explained; ice for 24 h.";
            }
            default -> {
                points.addAll(apply("Sculptra malar fan", sculptra, day));
                notes = "Sculptra session: malar/submalar fans, subcutaneous by cannula. 5-5-5 massage explained.";
            }
        }
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> screening = charts.screening(p.patient().id(), productIds, started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        clock.set(p.at().plusSeconds(15 * 60));
        VisitChart saved = charts.saveDraft(started.visit(), new ChartDraft(notes, points, screening, true, false));
        discardRetired();
        return saved;
    }

    /**
     * A built-in pattern with the lot first to expire among those usable that day, placed a little by
     * hand; toxin and Sculptra points are drawn from the open vial of that lot (a new one is opened
     * when it is empty or past its usable hours, and the old one discarded).
     */
    private List<InjectionPoint> apply(String pattern, Product product, LocalDate day) {
        Lot lot = usableLot(product, day);
        List<InjectionPoint> out = new ArrayList<>();
        for (InjectionPoint p : charts.applyPattern(patterns.get(pattern).id(), product.id(), lot.id())) {
            Long vial = product.reconstituted() ? vialFor(product, lot, p.amount()) : null;
            double x = jitter(p.x());
            double y = jitter(p.y());
            // a hand that slips off every region is not charted there (the service refuses it): keep the pattern's spot
            boolean onRegion = DiagramGeometry.standard().shapeAt(p.view(), x, y, ChartRules.preferredKind(product))
                    .isPresent();
            out.add(new InjectionPoint(p.key(), p.view(), onRegion ? x : p.x(), onRegion ? y : p.y(), p.region(),
                    p.side(), p.productId(), p.lotId(), vial, p.amount(), p.unit(), p.depth(), p.technique(), null, null));
        }
        return out;
    }

    /** The lot of {@code product} first to expire that is active, unexpired and already received on {@code day}. */
    private Lot usableLot(Product product, LocalDate day) {
        return lots.stream().filter(l -> l.productId() == product.id() && l.status() == LotStatus.ACTIVE
                        && !l.expiredOn(day) && !l.receivedOn().isAfter(day))
                .min(Comparator.comparing(Lot::expiry)).orElseThrow(() -> new IllegalStateException(
                        "no lot of " + product.name() + " for " + day));
    }

    /** The vial a point of {@code amount} is drawn from: the lot's open one if it holds enough and is usable, else a new one. */
    private long vialFor(Product product, Lot lot, BigDecimal amount) {
        OpenVial v = openVials.get(lot.id());
        // the draft is saved 15 minutes after the visit's slot begins: the vial must still be usable then
        Instant saved = clock.instant().plusSeconds(15 * 60);
        if (v != null && (v.left.compareTo(amount) < 0 || !v.vial.usableAt(saved))) {
            // discarded once the chart that emptied it is saved
            retired.add(v);
            openVials.remove(lot.id());
            v = null;
        }
        if (v == null) {
            BigDecimal ml = product.isPlla() ? new BigDecimal("9") : new BigDecimal("2.5");
            String diluent = product.isPlla() ? "Sterile water 7 mL + lidocaine 2% 2 mL" : null;
            Vial opened = inventory.openVial(lot.id(), diluent, ml);
            vialsOpened++;
            v = new OpenVial(opened, product.isPlla() ? ml : product.packSize());
            openVials.put(lot.id(), v);
        }
        v.left = v.left.subtract(amount);
        return v.vial.id();
    }

    private void discardRetired() {
        for (OpenVial v : retired) {
            inventory.discardVial(v.vial.id(), v.left.signum() == 0 ? "Empty" : "Too little left, or usable hours over");
        }
        retired.clear();
    }

    private void discardOpenVials(String reason) {
        for (OpenVial v : openVials.values()) {
            inventory.discardVial(v.vial.id(), reason);
        }
        openVials.clear();
    }

    /**
     * On a clinic morning, each lot to be charted from gets a delivery when it holds fewer packs than
     * the day's visits could need (a vial per visit at most, and a few to spare).
     */
    private void restock(LocalDate day, int visits) {
        clock.set(at(day, LocalTime.of(8, 30)));
        int need = visits + 4;
        for (Product p : List.of(dysport300, dysport500, sculptra)) {
            Lot lot = usableLot(p, day);
            int onHand = inventory.lot(lot.id()).onHand();
            if (onHand < need) {
                receive(p, lot.lotNumber(), lot.expiry(), day, need - onHand + 10);
            }
        }
    }

    private double jitter(double v) {
        return Math.min(1, Math.max(0, Math.round((v + (rnd.nextDouble() - 0.5) * 0.01) * 10_000) / 10_000.0));
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(clock.getZone()).toInstant();
    }
}
