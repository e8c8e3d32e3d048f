package org.needlepoint.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed consents on file for the kinds a treatment needs, on a day: for each kind covered the
 * consent valid then that was signed last, and the kinds with none.
 */
public record ConsentCoverage(LocalDate day, Map<ConsentKind, SignedConsent> onFile, Set<ConsentKind> missing) {
    public ConsentCoverage {
        onFile = Map.copyOf(onFile);
        missing = Set.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /** "No valid consent on file for Sculptra (PLLA), with off-label use and Hyaluronic-acid filler". */
    public String missingMessage() {
        List<String> names = missing.stream().sorted().map(ConsentKind::label).toList();
        return "No valid consent on file for " + String.join(" and ", names)
                + ": have the patient sign it before the chart is signed.";
    }

    /** The consents on file in the kinds' order. */
    public List<SignedConsent> consents() {
        return onFile.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .collect(Collectors.toList());
    }
}
