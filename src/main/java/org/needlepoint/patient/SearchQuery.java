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

    /** A patient's name words as searched (the N keys): every name part's tokens, each cut at 100 characters. */
    public static Set<String> nameWords(String first, String middle, String last, String preferred) {
        Set<String> words = new LinkedHashSet<>();
        for (String part : new String[] {first, middle, last, preferred}) {
            for (String n : nameTokens(part)) {
                words.add(n.length() > 100 ? n.substring(0, 100) : n);
            }
        }
        return words;
    }

    /** A patient's phones as searched (the P keys): their digits, the empty ones left out. */
    public static Set<String> phoneDigits(String mobile, String other) {
        Set<String> phones = new LinkedHashSet<>();
        for (String ph : new String[] {mobile, other}) {
            String digits = Text.phoneDigits(ph);
            if (!digits.isEmpty()) {
                phones.add(digits);
            }
        }
        return phones;
    }

    /**
     * Whether this query finds a patient with these name words, phones ({@link #nameWords}, {@link #phoneDigits}),
     * birth date and chart number: the search's definition, worked out on one patient (the store checks with it
     * the patients it walks to when an index would be read a page per patient).
     */
    public boolean matches(Set<String> words, Set<String> phones, LocalDate born, long chart) {
        if (isEmpty() || badDate) {
            return false;
        }
        for (String token : nameTokens) {
            if (words.stream().noneMatch(w -> w.startsWith(token))) {
                return false;
            }
        }
        if (birthDate != null && !birthDate.equals(born)) {
            return false;
        }
        if (digits != null) {
            boolean phone = phones.stream().anyMatch(p -> p.startsWith(digits) || p.endsWith(digits));
            return phone || digits.length() <= 12 && Long.parseLong(digits) == chart;
        }
        return true;
    }

    public boolean isEmpty() {
        return nameTokens.isEmpty() && birthDate == null && digits == null && !badDate;
    }
}
