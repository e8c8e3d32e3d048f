package org.needlepoint.chart;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.needlepoint.common.Text;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.PatientDetails;

/**
 * The pre-treatment screening questions of domain.md, each asked when one of the chosen products
 * needs it. The stored code is the constant's name. A question is pre-flagged when the patient's
 * record already lists a matching allergy, medication, condition or pregnancy.
 */
public enum ScreeningItem {
    // every product
    ANTICOAGULANTS("Anticoagulants or antiplatelets, or a bleeding disorder", Applies.ALL,
            null, "\\b(warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|edoxaban|heparin|enoxaparin"
            + "|clopidogrel|plavix|ticagrelor|prasugrel|anticoagul|antiplatelet)",
            "\\b(bleeding disorder|ha?emophilia|von willebrand|thrombocytopenia)"),
    NSAIDS_SUPPLEMENTS("NSAIDs, aspirin, fish oil, vitamin E or ginkgo in the last 7 days", Applies.ALL,
            null, "\\b(aspirin|ibuprofen|naproxen|diclofenac|celecoxib|nsaid|fish oil|omega-3|vitamin e\\b|ginkgo)", null),
    PREGNANCY("Pregnant or breastfeeding", Applies.ALL, null, null, null),
    SITE_INFECTION("Active infection or inflammation at the treatment site", Applies.ALL, null, null, null),
    COMPONENT_ALLERGY("Allergy to a component of the chosen products", Applies.ALL, null, null, null),
    COLD_SORES("Cold-sore history (consider an antiviral)", Applies.ALL,
            null, null, "\\b(cold[- ]sores?|herpes|hsv)"),
    // toxins
    NEUROMUSCULAR("Neuromuscular disease (myasthenia gravis, Lambert-Eaton, ALS)", Applies.TOXIN,
            null, null, "\\b(myasthenia|lambert|als\\b|amyotrophic|motor neuron|neuromuscular)"),
    SWALLOWING_BREATHING("Swallowing or breathing problems", Applies.TOXIN,
            null, null, "\\b(dysphagia|swallow|breath|respiratory|copd)"),
    PTOSIS("Pre-existing eyelid or brow ptosis", Applies.TOXIN, null, null, "\\b(ptosis|droop)"),
    AMINOGLYCOSIDES("Aminoglycoside antibiotics", Applies.TOXIN,
            null, "\\b(gentamicin|tobramycin|amikacin|neomycin|streptomycin|aminoglycoside)", null),
    COWS_MILK_ALLERGY("Cow's-milk protein allergy (Dysport)", Applies.MILK_PROTEIN,
            "\\b(milk|dairy|lactose|casein|whey)", null, null),
    // PLLA and fillers
    KELOIDS("Keloid or hypertrophic-scar history", Applies.FILLER_OR_PLLA,
            null, null, "\\b(keloid|hypertrophic scar)"),
    IMMUNOSUPPRESSION("Immunosuppression", Applies.FILLER_OR_PLLA,
            null, "\\b(immunosuppress|methotrexate|tacrolimus|ciclosporin|cyclosporine|azathioprine|mycophenol"
            + "|prednis)", "\\b(immunosuppress|immunocompromis|transplant|hiv)"),
    AUTOIMMUNE("Autoimmune disease", Applies.FILLER_OR_PLLA,
            null, null, "\\b(autoimmune|lupus|rheumatoid|scleroderma|sjogren|dermatomyositis)"),
    LIDOCAINE_ALLERGY("Lidocaine allergy (when lidocaine is added or in the product)", Applies.FILLER_OR_PLLA,
            "\\b(lidocaine|lignocaine|local ana?esthetic|amide ana?esthetic)", null, null);

    /** Which products make a question necessary. */
    public enum Applies { ALL, TOXIN, MILK_PROTEIN, FILLER_OR_PLLA }

    /** Allergy words per product kind for {@link #COMPONENT_ALLERGY}. */
    private static final Pattern TOXIN_COMPONENTS = Pattern.compile("\\b(botulinum|toxin|botox|dysport|xeomin|jeuveau"
            + "|daxxify|albumin|lactose|sucrose)");
    private static final Pattern PLLA_COMPONENTS = Pattern.compile("\\b(sculptra|poly-?l-?lactic|plla|carboxymethyl"
            + "|mannitol|lidocaine|lignocaine)");
    private static final Pattern FILLER_COMPONENTS = Pattern.compile("\\b(hyaluron|filler|lidocaine|lignocaine"
            + "|streptococc|gram-positive)");

    private static final Pattern CAHA_COMPONENTS = Pattern.compile("\\b(radiesse|calcium hydroxy|caha"
            + "|carboxymethyl|glycerin|lidocaine|lignocaine)");
    private static final Pattern DEOXYCHOLIC_COMPONENTS = Pattern.compile("\\b(kybella|belkyra|deoxychol)");

    private final String label;
    private final Applies applies;
    private final Pattern allergies;
    private final Pattern medications;
    private final Pattern conditions;

    ScreeningItem(String label, Applies applies, String allergies, String medications, String conditions) {
        this.label = label;
        this.applies = applies;
        this.allergies = allergies == null ? null : Pattern.compile(allergies);
        this.medications = medications == null ? null : Pattern.compile(medications);
        this.conditions = conditions == null ? null : Pattern.compile(conditions);
    }

    public String label() {
        return label;
    }

    public Applies applies() {
        return applies;
    }

    /** Whether this question must be asked before {@code p} is injected. */
    public boolean appliesTo(Product p) {
        return switch (applies) {
            case ALL -> true;
            // a product of another kind is asked every question: nothing says which do not apply
            case TOXIN -> p.kind() == ProductKind.TOXIN || p.kind() == ProductKind.OTHER;
            case MILK_PROTEIN -> p.milkProtein();
            case FILLER_OR_PLLA -> p.kind() == ProductKind.BIOSTIMULATOR || p.kind() == ProductKind.HA_FILLER
                    || p.kind() == ProductKind.CAHA || p.kind() == ProductKind.OTHER;
        };
    }

    /** Whether the allergies (folded) name the product's brand, as a word. */
    private static boolean brandNamed(String allergies, Product p) {
        String brand = p.brand() == null ? null : Text.fold(p.brand());
        return brand != null && !brand.isBlank()
                && Pattern.compile("\\b" + Pattern.quote(brand) + "\\b").matcher(allergies).find();
    }

    /**
     * Whether any of {@code products} needs this question. The questions for every product are
     * asked even before a product is chosen: screening comes before the first point.
     */
    public boolean appliesToAny(Collection<Product> products) {
        return applies == Applies.ALL || products.stream().anyMatch(this::appliesTo);
    }

    /**
     * What in the patient's record pre-flags this question for {@code products}, quoted for the
     * checklist ("allergies: Cow's milk protein"), or empty.
     */
    public Optional<String> flagFrom(PatientDetails d, Collection<Product> products) {
        if (d == null) {
            return Optional.empty();
        }
        if (this == PREGNANCY) {
            return d.pregnancy().alert() ? Optional.of("record: " + d.pregnancy()) : Optional.empty();
        }
        if (this == COMPONENT_ALLERGY) {
            for (Product p : products) {
                Pattern words = switch (p.kind()) {
                    case TOXIN -> TOXIN_COMPONENTS;
                    case BIOSTIMULATOR -> PLLA_COMPONENTS;
                    case HA_FILLER -> FILLER_COMPONENTS;
                    case CAHA -> CAHA_COMPONENTS;
                    case DEOXYCHOLIC -> DEOXYCHOLIC_COMPONENTS;
                    case OTHER -> null;
                };
                String allergies = d.allergies() == null ? null : Text.fold(d.allergies());
                if (allergies != null && (words != null && words.matcher(allergies).find()
                        || brandNamed(allergies, p))) {
                    return Optional.of("allergies: " + d.allergies());
                }
            }
            return Optional.empty();
        }
        if (allergies != null && d.allergies() != null && allergies.matcher(Text.fold(d.allergies())).find()) {
            return Optional.of("allergies: " + d.allergies());
        }
        if (medications != null && d.medications() != null && medications.matcher(Text.fold(d.medications())).find()) {
            return Optional.of("medications: " + d.medications());
        }
        if (conditions != null && d.conditions() != null && conditions.matcher(Text.fold(d.conditions())).find()) {
            return Optional.of("conditions: " + d.conditions());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
