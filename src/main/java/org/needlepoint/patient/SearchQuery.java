package org.needlepoint.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.needlepoint.common.Dates;
import org.needlepoint.common.Text;

/**
 * What the search box means. Name words match the start of any of the patient's names, in any
 * order ("smith, ann" and "ann smith" alike), ignoring case and accents; a date matches the
 * birth date; digits match the chart number or a phone number from its start or its end.
 */
public record SearchQuery(List<String> nameTokens, LocalDate birthDate, String digits, boolean badDate) {

    public static SearchQuery parse(String text) {
        String t = text == null ? "" : text.strip();
        List<String> names = new ArrayList<>();
        LocalDate date = null;
        String digits = null;
        boolean badDate = false;
        if (t.isEmpty()) {
            return new SearchQuery(List.of(), null, null, false);
        }
        if (Dates.looksLikeDate(t)) {
            date = Dates.parse(t).orElse(null);
            return new SearchQuery(List.of(), date, null, date == null);
        }
        if (!t.matches(".*\\p{L}.*")) {
            String d = Text.phoneDigits(t);
            return new SearchQuery(List.of(), null, d.isEmpty() ? null : d, false);
        }
        for (String word : t.split("[\\s,;]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (Dates.looksLikeDate(word)) {
                date = Dates.parse(word).orElse(null);
                badDate |= date == null;
            } else if (word.matches("[0-9()+\\-.]+") && word.replaceAll("\\D", "").length() >= 3) {
                digits = Text.phoneDigits(word);
            } else {
                names.addAll(nameTokens(word));
            }
        }
        return new SearchQuery(List.copyOf(names), date, digits, badDate);
    }

    /** Index tokens for a name part: folded, apostrophes dropped, split at hyphens and spaces. */
    public static List<String> nameTokens(String namePart) {
        if (namePart == null) {
            return List.of();
        }
        String f = Text.fold(namePart).replaceAll("['’`]", "");
        Set<String> out = new LinkedHashSet<>();
        String[] parts = f.split("[^\\p{L}\\p{N}]+");
        for (String p : parts) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        if (parts.length > 1) {
            out.add(String.join("", parts));
        }
        return new ArrayList<>(out);
    }

    public boolean isEmpty() {
        return nameTokens.isEmpty() && birthDate == null && digits == null && !badDate;
    }
}
