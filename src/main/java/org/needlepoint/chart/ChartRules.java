package org.needlepoint.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.needlepoint.chart.ChartTotals.ProductTotal;
import org.needlepoint.chart.ChartTotals.RegionTotal;
import org.needlepoint.chart.ChartTotals.UnitTotal;
import org.needlepoint.chart.ChartWarning.Severity;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotState;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.inventory.Vial;
import org.needlepoint.patient.PatientDetails;

/**
 * The charting rules, pure and without a database, so the UI can run them on every edit: live
 * totals, warnings, the screening checklist, what stops a chart from being signed, and patterns.
 */
public final class ChartRules {
    /**
     * Sculptra's on-label regions, from domain.md's "best regions" (temples, malar/submalar cheek,
     * chin and jawline, décolletage) plus the nasolabial fold, commonly on-label. Every other face
     * region, and every body region, needs the off-label-use consent.
     */
    public static final Set<Region> PLLA_ON_LABEL = Set.copyOf(EnumSet.of(Region.TEMPLE, Region.MALAR,
            Region.SUBMALAR, Region.CHIN, Region.JAWLINE, Region.DECOLLETAGE, Region.NASOLABIAL_FOLD));

    /** The planes PLLA belongs in: deep dermis, subcutaneous, supraperiosteal; never muscle. */
    public static final Set<Depth> PLLA_DEPTHS = Set.copyOf(EnumSet.of(Depth.DEEP_DERMIS, Depth.SUBCUTANEOUS,
            Depth.SUPRAPERIOSTEAL));

    private ChartRules() {
    }

    // ------------------------------------------------------------------------------ brush defaults

    /**
     * The planes a product's usual point (its brush default) may name: toxins intramuscular,
     * intradermal or subcutaneous; PLLA only its {@link #PLLA_DEPTHS}; HA fillers and CaHA any plane but
     * muscle; deoxycholic acid subcutaneous (into the fat); a product of another kind any plane.
     */
    public static Set<Depth> depthsFor(ProductKind kind) {
        return switch (kind) {
            case TOXIN -> EnumSet.of(Depth.INTRAMUSCULAR, Depth.INTRADERMAL, Depth.SUBCUTANEOUS);
            case BIOSTIMULATOR -> EnumSet.copyOf(PLLA_DEPTHS);
            case HA_FILLER, CAHA -> EnumSet.complementOf(EnumSet.of(Depth.INTRAMUSCULAR));
            case DEOXYCHOLIC -> EnumSet.of(Depth.SUBCUTANEOUS);
            case OTHER -> EnumSet.allOf(Depth.class);
        };
    }

    /**
     * The techniques a product's usual point may name: toxins and deoxycholic acid by needle only
     * (deoxycholic acid as boluses on a grid); fillers, PLLA, CaHA and other products any.
     */
    public static Set<Technique> techniquesFor(ProductKind kind) {
        return switch (kind) {
            case TOXIN -> EnumSet.of(Technique.NEEDLE_BOLUS, Technique.NEEDLE_SERIAL_PUNCTURE,
                    Technique.NEEDLE_MICRODROPLET);
            case DEOXYCHOLIC -> EnumSet.of(Technique.NEEDLE_BOLUS, Technique.NEEDLE_SERIAL_PUNCTURE);
            case BIOSTIMULATOR, HA_FILLER, CAHA, OTHER -> EnumSet.allOf(Technique.class);
        };
    }

    /**
     * The kind of region a product's points are charted on where muscles and areas overlap (the
     * diagram's layer): a toxin goes into a muscle, a filler, PLLA, CaHA or deoxycholic acid into an
     * area; a product of another kind into a muscle when charted in units, else an area. The screen's
     * editor and the service's re-derivation of each point's region use the same preference, so they
     * name the same region.
     */
    public static Region.Kind preferredKind(Product product) {
        if (product == null) {
            return Region.Kind.MUSCLE;
        }
        return switch (product.kind()) {
            case TOXIN -> Region.Kind.MUSCLE;
            case BIOSTIMULATOR, HA_FILLER, CAHA, DEOXYCHOLIC -> Region.Kind.AREA;
            case OTHER -> product.unit() == Unit.U ? Region.Kind.MUSCLE : Region.Kind.AREA;
        };
    }

    // ------------------------------------------------------------------------------------ totals

    /** Totals per product (with packs), per region and product, and overall per unit scale. */
    public static ChartTotals totals(Collection<InjectionPoint> points, Catalog catalog) {
        Map<Long, BigDecimal> byProduct = new LinkedHashMap<>();
        Map<Long, Integer> pointsByProduct = new LinkedHashMap<>();
        Map<Region, Map<Long, BigDecimal>> byRegion = new EnumMap<>(Region.class);
        Map<Region, Map<Long, Integer>> pointsByRegion = new EnumMap<>(Region.class);
        Map<String, UnitTotal> overall = new LinkedHashMap<>();
        int counted = 0;
        for (InjectionPoint p : points) {
            Optional<Product> found = catalog.product(p.productId());
            if (found.isEmpty() || p.amount() == null) {
                continue;
            }
            Product product = found.get();
            counted++;
            byProduct.merge(product.id(), p.amount(), BigDecimal::add);
            pointsByProduct.merge(product.id(), 1, Integer::sum);
            if (p.region() != null) {
                byRegion.computeIfAbsent(p.region(), r -> new LinkedHashMap<>()).merge(product.id(), p.amount(), BigDecimal::add);
                pointsByRegion.computeIfAbsent(p.region(), r -> new LinkedHashMap<>()).merge(product.id(), 1, Integer::sum);
            }
            String scale = product.unit() == Unit.U ? product.brand() : null;
            overall.merge(product.unit() + "|" + scale, new UnitTotal(product.unit(), scale, p.amount()),
                    (a, b) -> new UnitTotal(a.unit(), a.scale(), a.amount().add(b.amount())));
        }
        List<ProductTotal> products = new ArrayList<>();
        byProduct.forEach((id, amount) -> {
            Product product = catalog.product(id).orElseThrow();
            products.add(new ProductTotal(id, product.name(), amount, product.unit(), product.packsFor(amount),
                    product.packWord(), pointsByProduct.get(id)));
        });
        List<RegionTotal> regions = new ArrayList<>();
        byRegion.forEach((region, amounts) -> amounts.forEach((id, amount) -> {
            Product product = catalog.product(id).orElseThrow();
            regions.add(new RegionTotal(region, id, product.name(), amount, product.unit(),
                    pointsByRegion.get(region).get(id)));
        }));
        return new ChartTotals(products, regions, new ArrayList<>(overall.values()), counted);
    }

    // ---------------------------------------------------------------------------------- warnings

    /**
     * Everything worth seeing about the points: PLLA where it must not go or at the wrong depth,
     * off-label PLLA without consent, implausible amounts, per-visit maxima, mixed toxins, and lot
     * problems (missing is a warning; unknown, of another product, expired, recalled or
     * quarantined is an error). Errors first.
     */
    public static List<ChartWarning> warnings(Collection<InjectionPoint> points, Catalog catalog, LocalDate today,
                                              boolean offLabelConsent) {
        List<ChartWarning> out = new ArrayList<>();
        for (InjectionPoint p : points) {
            Optional<Product> found = catalog.product(p.productId());
            if (found.isEmpty() || p.amount() == null || p.region() == null) {
                continue;
            }
            Product product = found.get();
            lotWarning(p, product, catalog, today).ifPresent(out::add);
            if (product.isPlla()) {
                if (p.region().avoidForPlla()) {
                    out.add(new ChartWarning(Severity.WARNING, ChartWarning.PLLA_AVOID_REGION, product.brand()
                            + " point in " + p.place() + ": PLLA must not go into the lips or the periorbital area,"
                            + " where thin skin and a hyperdynamic muscle cause nodules.", p.key()));
                }
                if (p.depth() != null && !PLLA_DEPTHS.contains(p.depth())) {
                    out.add(new ChartWarning(Severity.WARNING, ChartWarning.PLLA_DEPTH, product.brand() + " point at "
                            + p.depth().toString().toLowerCase(Locale.ROOT) + " depth (" + p.place()
                            + "): PLLA goes into the deep dermis, subcutaneous or supraperiosteal plane, never into"
                            + " muscle.", p.key()));
                }
            }
            amountWarning(p, product).ifPresent(out::add);
        }
        ChartTotals totals = totals(points, catalog);
        for (ProductTotal t : totals.byProduct()) {
            Product product = catalog.product(t.productId()).orElseThrow();
            if (product.visitMax() != null && t.amount().compareTo(product.visitMax()) > 0) {
                out.add(new ChartWarning(Severity.WARNING, ChartWarning.VISIT_ABOVE_MAX, product.name() + ": "
                        + product.unit().format(t.amount()) + " charted in this visit, above the per-visit maximum of "
                        + product.unit().format(product.visitMax()) + " set for this product.", null));
            }
        }
        Set<String> toxinBrands = new LinkedHashSet<>();
        for (ProductTotal t : totals.byProduct()) {
            Product product = catalog.product(t.productId()).orElseThrow();
            if (product.kind() == ProductKind.TOXIN) {
                toxinBrands.add(product.brand());
            }
        }
        if (toxinBrands.size() > 1) {
            out.add(new ChartWarning(Severity.INFO, ChartWarning.MIXED_TOXINS, "Two toxins in one visit ("
                    + String.join(", ", toxinBrands) + "): their units are not interchangeable; check each amount"
                    + " against its own product.", null));
        }
        Set<Region> offLabel = offLabelPllaRegions(points, catalog);
        if (!offLabel.isEmpty() && !offLabelConsent) {
            out.add(new ChartWarning(Severity.WARNING, ChartWarning.PLLA_OFF_LABEL, offLabelMessage(offLabel), null));
        }
        out.sort((a, b) -> a.severity().compareTo(b.severity()));
        return out;
    }

    /** Warnings for the screening answers: a YES to any question, and (for signing) questions left open. */
    public static List<ChartWarning> screeningWarnings(List<ScreeningEntry> screening, Collection<Product> products) {
        List<ChartWarning> out = new ArrayList<>();
        for (ScreeningEntry e : screening) {
            if (e.answer() == ScreeningAnswer.YES) {
                out.add(new ChartWarning(Severity.WARNING, ChartWarning.SCREENING_YES, "Screening: " + e.item().label()
                        + (e.note() == null ? "." : " (" + e.note() + ")."), null));
            }
        }
        List<ScreeningItem> open = unanswered(screening, products);
        if (!open.isEmpty()) {
            out.add(new ChartWarning(Severity.INFO, ChartWarning.SCREENING_UNANSWERED, unansweredMessage(open), null));
        }
        return out;
    }

    /** The warnings of a whole draft: points, then screening. */
    public static List<ChartWarning> warnings(ChartDraft d, Catalog catalog, LocalDate today) {
        List<ChartWarning> out = new ArrayList<>(warnings(d.points(), catalog, today, d.offLabelConsentConfirmed()));
        out.addAll(screeningWarnings(d.screening(), productsOf(d.points(), catalog)));
        out.sort((a, b) -> a.severity().compareTo(b.severity()));
        return out;
    }

    private static Optional<ChartWarning> amountWarning(InjectionPoint p, Product product) {
        BigDecimal amount = p.amount();
        String typed = product.unit().format(amount);
        if (product.pointMin() != null && amount.compareTo(product.pointMin()) < 0) {
            String message = product.speywoodUnits()
                    ? product.brand() + " doses run about 2.5–3× Botox units: is " + typed + " meant as " + product.brand()
                    + " units? (" + p.place() + "; the usual smallest " + product.brand() + " point is "
                    + product.unit().format(product.pointMin()) + ".)"
                    : typed + " is below the usual smallest " + product.brand() + " point ("
                    + product.unit().format(product.pointMin()) + ") in " + p.place() + ": check the amount and its unit.";
            return Optional.of(new ChartWarning(Severity.WARNING, ChartWarning.AMOUNT_BELOW_PLAUSIBLE, message, p.key()));
        }
        if (product.pointMax() != null && amount.compareTo(product.pointMax()) > 0) {
            String message = typed + " of " + product.name() + " in one point (" + p.place()
                    + ") is above its per-point maximum of " + product.unit().format(product.pointMax()) + ".";
            if (product.kind() == ProductKind.TOXIN && !product.speywoodUnits()) {
                message += " Dysport units run about 2.5–3× Botox units: was this typed as a Dysport dose?";
            }
            return Optional.of(new ChartWarning(Severity.WARNING, ChartWarning.AMOUNT_ABOVE_POINT_MAX, message, p.key()));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a point's lot, if anything: missing (warning); unknown, of another product,
     * expired, quarantined or recalled (error, quoting the lot's refusal: "Lot DY1 of Dysport 300 U
     * was recalled on 3 Nov 2026 by Alex Admin: supplier notice."); no packs left on the books
     * (warning: the chart is still the truth, and a stock count will follow).
     */
    public static Optional<ChartWarning> lotWarning(InjectionPoint p, Product product, Catalog catalog, LocalDate today) {
        if (p.lotId() == null) {
            return Optional.of(new ChartWarning(Severity.WARNING, ChartWarning.LOT_MISSING, p.place()
                    + ": pick the lot of " + product.name() + " used; a chart is signed only with every point's lot.",
                    p.key()));
        }
        Optional<Lot> found = catalog.lot(p.lotId());
        if (found.isEmpty()) {
            return Optional.of(new ChartWarning(Severity.ERROR, ChartWarning.LOT_UNKNOWN, p.place()
                    + ": the lot is not in the clinic's stock.", p.key()));
        }
        Lot lot = found.get();
        if (lot.productId() != product.id()) {
            String other = catalog.product(lot.productId()).map(Product::name).orElse("another product");
            return Optional.of(new ChartWarning(Severity.ERROR, ChartWarning.LOT_WRONG_PRODUCT, p.place() + ": lot "
                    + lot.lotNumber() + " is a lot of " + other + ", not of " + product.name() + ".", p.key()));
        }
        LotState state = lot.state(today);
        String refusal = lot.refusal(product.name(), today);
        if (state == LotState.EXPIRED) {
            return Optional.of(new ChartWarning(Severity.ERROR, ChartWarning.LOT_EXPIRED, p.place() + ": " + refusal
                    + " Do not use it.", p.key()));
        }
        if (refusal != null) {
            return Optional.of(new ChartWarning(Severity.ERROR, ChartWarning.LOT_NOT_ACTIVE, p.place() + ": " + refusal
                    + " Do not use it.", p.key()));
        }
        if (state == LotState.DEPLETED) {
            return Optional.of(new ChartWarning(Severity.WARNING, ChartWarning.LOT_NEEDS_COUNT, p.place() + ": lot "
                    + lot.lotNumber() + " of " + product.name() + " shows no " + product.packWord() + " left on the books;"
                    + " chart what was used, then count the stock.", p.key()));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with charting a point from its vial at {@code now}, if anything (an error): the
     * vial was discarded, or is past its usable hours without an override for this visit
     * ({@code overridden} holds the vials overridden). Points without a vial have nothing to check;
     * that the vial belongs to the point's lot is {@link #pointProblems}'s.
     */
    public static Optional<ChartWarning> vialWarning(InjectionPoint p, Catalog catalog, Instant now,
                                                     Set<Long> overridden) {
        if (p.vialId() == null) {
            return Optional.empty();
        }
        Optional<Vial> found = catalog.vial(p.vialId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Vial v = found.get();
        return switch (v.state(now)) {
            case OPEN -> Optional.empty();
            case DISCARDED -> Optional.of(new ChartWarning(Severity.ERROR, ChartWarning.VIAL_DISCARDED, p.place()
                    + ": vial " + v.id() + " of " + v.productName() + " (lot " + v.lotNumber() + ") was discarded"
                    + (v.discardReason() == null ? "" : " (" + v.discardReason() + ")") + ": chart from another vial.",
                    p.key()));
            case EXPIRED_AFTER_RECONSTITUTION -> overridden.contains(v.id()) ? Optional.empty()
                    : Optional.of(new ChartWarning(Severity.ERROR, ChartWarning.VIAL_EXPIRED_AFTER_RECONSTITUTION,
                    p.place() + ": vial " + v.id() + " of " + v.productName() + " (lot " + v.lotNumber()
                    + ") was reconstituted " + ago(v.openedAt(), now) + " ago and its usable hours are over: open a"
                    + " new vial, or record an override with the reason.",
                    p.key()));
        };
    }

    /** "5 h 10 min", "45 min", "2 d 3 h". */
    static String ago(Instant from, Instant now) {
        long minutes = Math.max(0, java.time.Duration.between(from, now).toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + mins + " min" : mins + " min";
    }

    /** {@link #vialWarning} of each point, by field key "points.KEY.vial". */
    public static Map<String, String> vialProblems(Collection<InjectionPoint> points, Catalog catalog, Instant now,
                                                   Set<Long> overridden) {
        Map<String, String> e = new LinkedHashMap<>();
        for (InjectionPoint p : points) {
            vialWarning(p, catalog, now, overridden).ifPresent(w -> e.putIfAbsent("points." + p.key() + ".vial", w.message()));
        }
        return e;
    }

    // --------------------------------------------------------------------------------- off-label

    /** Whether a point is Sculptra (PLLA) outside its on-label regions. */
    public static boolean offLabelPlla(InjectionPoint p, Product product) {
        return product.isPlla() && p.region() != null && !PLLA_ON_LABEL.contains(p.region());
    }

    /** The regions where PLLA is charted off-label, in region order. */
    public static Set<Region> offLabelPllaRegions(Collection<InjectionPoint> points, Catalog catalog) {
        Set<Region> out = EnumSet.noneOf(Region.class);
        for (InjectionPoint p : points) {
            catalog.product(p.productId()).filter(product -> offLabelPlla(p, product)).ifPresent(x -> out.add(p.region()));
        }
        return out;
    }

    private static String offLabelMessage(Set<Region> regions) {
        return "Sculptra in " + regions.stream().map(Region::label).collect(Collectors.joining(", "))
                + " is off-label: the patient's signed Sculptra consent, with its off-label-use section, must be on file"
                + " before signing.";
    }

    // --------------------------------------------------------------------------------- screening

    /** The distinct products the points use, in catalogue order. */
    public static List<Product> productsOf(Collection<InjectionPoint> points, Catalog catalog) {
        Set<Long> ids = new HashSet<>();
        points.forEach(p -> ids.add(p.productId()));
        return catalog.products().stream().filter(p -> ids.contains(p.id())).toList();
    }

    /**
     * The checklist for {@code products}: the current answers are kept (also for questions no
     * longer needed), each needed question not yet present is added, and a question still
     * unanswered is pre-flagged YES, quoting the record, when the patient's record matches it.
     */
    public static List<ScreeningEntry> screening(Collection<Product> products, PatientDetails patient,
                                                 List<ScreeningEntry> current) {
        Map<ScreeningItem, ScreeningEntry> have = new EnumMap<>(ScreeningItem.class);
        for (ScreeningEntry e : current) {
            have.put(e.item(), e);
        }
        List<ScreeningEntry> out = new ArrayList<>();
        for (ScreeningItem item : ScreeningItem.values()) {
            ScreeningEntry e = have.get(item);
            boolean needed = item.appliesToAny(products);
            if (e == null && !needed) {
                continue;
            }
            if (e == null || e.answer() == ScreeningAnswer.UNANSWERED) {
                Optional<String> flag = item.flagFrom(patient, products);
                if (flag.isPresent()) {
                    e = new ScreeningEntry(item, ScreeningAnswer.YES, true,
                            clip("From the patient's record, " + flag.get(), ScreeningEntry.MAX_NOTE));
                } else if (e == null) {
                    e = new ScreeningEntry(item, ScreeningAnswer.UNANSWERED, false, null);
                }
            }
            out.add(e);
        }
        return out;
    }

    /** Questions {@code products} need that are not answered yes or no. */
    public static List<ScreeningItem> unanswered(List<ScreeningEntry> screening, Collection<Product> products) {
        Map<ScreeningItem, ScreeningAnswer> answers = new EnumMap<>(ScreeningItem.class);
        screening.forEach(e -> answers.put(e.item(), e.answer()));
        List<ScreeningItem> open = new ArrayList<>();
        for (ScreeningItem item : ScreeningItem.values()) {
            if (item.appliesToAny(products) && answers.getOrDefault(item, ScreeningAnswer.UNANSWERED) == ScreeningAnswer.UNANSWERED) {
                open.add(item);
            }
        }
        return open;
    }

    private static String unansweredMessage(List<ScreeningItem> open) {
        return "Answer every screening question before signing: " + open.size() + " still open ("
                + open.stream().map(ScreeningItem::label).collect(Collectors.joining("; ")) + ").";
    }

    // ---------------------------------------------------------------------------- validation

    /**
     * What makes a list of points unsavable, by field key ("points", "points.KEY.amount", ...):
     * keys, view, region and side present, coordinates within 0..1, a known product in its own
     * unit, an amount above zero with at most 3 decimals, a lot from the clinic's stock, and a vial
     * (when given) on record and of the point's lot.
     */
    public static Map<String, String> pointProblems(List<InjectionPoint> points, Catalog catalog) {
        Map<String, String> e = new LinkedHashMap<>();
        if (points.size() > ChartDraft.MAX_POINTS) {
            e.put("points", "A chart holds at most " + ChartDraft.MAX_POINTS + " points.");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            InjectionPoint p = points.get(i);
            if (p == null) {
                e.putIfAbsent("points", "Point " + (i + 1) + " is empty.");
                continue;
            }
            String f = "points." + (p.key() == null || p.key().isEmpty() ? "#" + (i + 1) : p.key()) + ".";
            if (p.key() == null || p.key().isEmpty()) {
                e.put(f + "key", "Point " + (i + 1) + " has no key.");
            } else if (p.key().length() > InjectionPoint.MAX_KEY) {
                e.put(f + "key", "A point key is at most " + InjectionPoint.MAX_KEY + " characters.");
            } else if (!keys.add(p.key())) {
                e.put(f + "key", "Two points share the key " + p.key() + ".");
            }
            if (p.view() == null) {
                e.put(f + "view", "Point " + (i + 1) + " has no diagram view.");
            }
            if (p.region() == null || p.side() == null) {
                e.put(f + "region", "Point " + (i + 1) + " has no region or side.");
            }
            if (!inUnitRange(p.x()) || !inUnitRange(p.y())) {
                e.put(f + "position", "Point " + (i + 1) + " lies outside the diagram.");
            }
            Optional<Product> product = catalog.product(p.productId());
            if (product.isEmpty()) {
                e.put(f + "product", "Choose the product of point " + (i + 1) + ".");
            } else if (p.unit() != product.get().unit()) {
                e.put(f + "unit", product.get().name() + " is charted in " + product.get().unit().symbol()
                        + (p.unit() == null ? "." : ", not " + p.unit().symbol() + "."));
            }
            BigDecimal amount = p.amount();
            if (amount == null || amount.signum() <= 0) {
                e.put(f + "amount", "Enter an amount above zero.");
            } else if (amount.scale() > Amounts.SCALE) {
                e.put(f + "amount", "Use at most " + Amounts.SCALE + " decimals.");
            } else if (amount.compareTo(Amounts.MAX) > 0) {
                e.put(f + "amount", "The amount is too large.");
            }
            if (p.lotId() != null && catalog.lot(p.lotId()).isEmpty()) {
                e.put(f + "lot", "This lot is not in the clinic's stock.");
            }
            if (p.vialId() != null) {
                Optional<Vial> vial = catalog.vial(p.vialId());
                if (vial.isEmpty()) {
                    e.put(f + "vial", "This vial is not on record.");
                } else if (p.lotId() == null || vial.get().lotId() != p.lotId()) {
                    e.put(f + "vial", "Vial " + vial.get().id() + " is of " + vial.get().productName() + " lot "
                            + vial.get().lotNumber() + ": the point's lot must be the vial's.");
                }
            }
            if (p.note() != null && p.note().length() > InjectionPoint.MAX_NOTE) {
                e.put(f + "note", "A point note is at most " + InjectionPoint.MAX_NOTE + " characters.");
            }
        }
        return e;
    }

    /**
     * The points with the region and side the diagram gives where each lands, whatever the caller
     * sent: a point's region is never typed (the Sculptra lips and eyes warning and the off-label
     * consent depend on it). A toxin point is read on a muscle, a filler or PLLA point on an area
     * ({@link #preferredKind}). A point inside no region of its view is kept as it is and named in
     * {@code problems} under "points.KEY.region": it cannot be saved. A point {@link #pointProblems}
     * already refuses (no view, outside 0..1) is left to it.
     */
    public static List<InjectionPoint> located(List<InjectionPoint> points, Catalog catalog, DiagramGeometry geometry,
                                               Map<String, String> problems) {
        List<InjectionPoint> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            InjectionPoint p = points.get(i);
            if (p == null || p.view() == null || !inUnitRange(p.x()) || !inUnitRange(p.y())) {
                out.add(p);
                continue;
            }
            Optional<Product> product = catalog.product(p.productId());
            Optional<RegionShape> shape = geometry.shapeAt(p.view(), p.x(), p.y(), preferredKind(product.orElse(null)));
            if (shape.isEmpty()) {
                String key = p.key() == null || p.key().isEmpty() ? "#" + (i + 1) : p.key();
                problems.putIfAbsent("points." + key + ".region", "A " + product.map(Product::name).map(n -> n + " ")
                        .orElse("") + "point on the diagram \"" + p.view() + "\" lies on no region: place it on a named"
                        + " region of the face or body, or delete it.");
                out.add(p);
            } else {
                out.add(p.withSite(shape.get().region(), shape.get().side()));
            }
        }
        return out;
    }

    private static boolean inUnitRange(double v) {
        return !Double.isNaN(v) && v >= 0 && v <= 1;
    }

    /**
     * Why a draft cannot be signed, by field key; empty when it can: at least one point, consent
     * confirmed, the off-label consent when PLLA is off-label, every needed screening question
     * answered, and every point's lot present, of its product, active and not expired on {@code today}.
     */
    public static Map<String, String> signProblems(ChartDraft d, Catalog catalog, LocalDate today) {
        Map<String, String> e = new LinkedHashMap<>(pointProblems(d.points(), catalog));
        if (d.points().isEmpty()) {
            e.put("points", "Chart at least one injection point before signing.");
        }
        if (!d.consentConfirmed()) {
            e.put("consent", "No valid signed consent is on file for this treatment: have the patient sign it"
                    + " (Screening & consent) before signing.");
        }
        Set<Region> offLabel = offLabelPllaRegions(d.points(), catalog);
        if (!offLabel.isEmpty() && !d.offLabelConsentConfirmed()) {
            e.put("offLabelConsent", offLabelMessage(offLabel));
        }
        List<ScreeningItem> open = unanswered(d.screening(), productsOf(d.points(), catalog));
        if (!open.isEmpty()) {
            e.put("screening", unansweredMessage(open));
        }
        e.putAll(lotProblems(d.points(), catalog, today));
        return e;
    }

    /**
     * Every point's lot must be present and usable: by field key "points.KEY.lot". A lot whose books
     * show no packs left does not stop a signature (the chart is the truth of what was injected).
     */
    public static Map<String, String> lotProblems(List<InjectionPoint> points, Catalog catalog, LocalDate today) {
        Map<String, String> e = new LinkedHashMap<>();
        for (InjectionPoint p : points) {
            Optional<Product> product = catalog.product(p.productId());
            if (product.isEmpty()) {
                continue;
            }
            lotWarning(p, product.get(), catalog, today).filter(w -> !w.code().equals(ChartWarning.LOT_NEEDS_COUNT))
                    .ifPresent(w -> e.putIfAbsent("points." + p.key() + ".lot", w.message()));
        }
        return e;
    }

    // ---------------------------------------------------------------------------------- patterns

    /**
     * The pattern's points as new points of {@code product} (and {@code lotId}, which may be null),
     * each on the region and side where it lands for that product.
     */
    public static List<InjectionPoint> apply(ChartPattern pattern, Product product, Long lotId, Supplier<String> keys) {
        if (!pattern.fits(product)) {
            throw new ValidationException("product", "The pattern \"" + pattern.name() + "\" is charted in "
                    + (pattern.brand() != null ? pattern.brand() + " " : "") + pattern.unit().symbol() + " for "
                    + pattern.kind() + " products; " + product.name() + " does not fit it.");
        }
        DiagramGeometry geometry = DiagramGeometry.standard();
        List<InjectionPoint> out = new ArrayList<>();
        for (PatternPoint pp : pattern.points()) {
            // where the point lands names its region, as for a click (the stored names may be older)
            Site site = geometry.shapeAt(pp.view(), pp.x(), pp.y(), preferredKind(product)).map(RegionShape::site)
                    .orElse(new Site(pp.region(), pp.side()));
            out.add(new InjectionPoint(keys.get(), pp.view(), pp.x(), pp.y(), site.region(), site.side(), product.id(),
                    lotId, pp.amount(), product.unit(), pp.depth(), pp.technique(), null, null));
        }
        return out;
    }

    /**
     * Points of an earlier visit as the starting point of a new one: new keys, no lot (today's
     * vial is another), no notes, no addendum.
     */
    public static List<InjectionPoint> copyForNewVisit(Collection<InjectionPoint> points, Supplier<String> keys) {
        List<InjectionPoint> out = new ArrayList<>();
        for (InjectionPoint p : points) {
            out.add(new InjectionPoint(keys.get(), p.view(), p.x(), p.y(), p.region(), p.side(), p.productId(), null,
                    p.amount(), p.unit(), p.depth(), p.technique(), null, null));
        }
        return out;
    }

    /** Whether two drafts hold the same content (the screening in any order). */
    static boolean sameContent(ChartDraft a, ChartDraft b) {
        return Objects.equals(a.notes(), b.notes()) && a.consentConfirmed() == b.consentConfirmed()
                && a.offLabelConsentConfirmed() == b.offLabelConsentConfirmed() && a.points().equals(b.points())
                && byItem(a.screening()).equals(byItem(b.screening()));
    }

    private static Map<ScreeningItem, ScreeningEntry> byItem(List<ScreeningEntry> entries) {
        Map<ScreeningItem, ScreeningEntry> m = new TreeMap<>();
        entries.forEach(e -> m.put(e.item(), e));
        return m;
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
