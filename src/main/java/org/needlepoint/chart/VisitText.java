package org.needlepoint.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.needlepoint.chart.ChartTotals.ProductTotal;
import org.needlepoint.chart.VisitSummary.ProductAmount;

/** How the visit timeline and the comparison word dates, amounts and counts. Plain Java, no UI. */
final class VisitText {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    /** Between products in one line. */
    static final String PRODUCT_GAP = "   ";

    private VisitText() {
    }

    /** "21 Nov 2026". */
    static String day(Instant t, ZoneId zone) {
        return DAY.format(t.atZone(zone));
    }

    /** "09:00". */
    static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    /** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago" (or "in 2 days"). */
    static String ago(LocalDate day, LocalDate today) {
        long days = ChronoUnit.DAYS.between(day, today);
        if (days == 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days < 0) {
            return "in " + plural(-days, "day", "days");
        }
        return span(day, today) + " ago";
    }

    /** "the same day", "6 days apart", "13 weeks apart", "5 months apart", "2 years apart" (either order). */
    static String apart(LocalDate a, LocalDate b) {
        LocalDate from = a.isBefore(b) ? a : b;
        LocalDate to = a.isBefore(b) ? b : a;
        return from.equals(to) ? "the same day" : span(from, to) + " apart";
    }

    /**
     * The time from {@code from} to a later {@code to} as an injector counts it: days under two
     * weeks, weeks under three months (retreatment intervals are weeks), then months, then years.
     */
    static String span(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 14) {
            return plural(days, "day", "days");
        }
        long months = ChronoUnit.MONTHS.between(from, to);
        if (months < 3) {
            return plural(days / 7, "week", "weeks");
        }
        if (months < 24) {
            return plural(months, "month", "months");
        }
        return plural(ChronoUnit.YEARS.between(from, to), "year", "years");
    }

    /** "Dysport 300 U · 50 U   Sculptra · 4 mL"; "No points charted" when empty. */
    static String products(List<ProductAmount> products) {
        if (products.isEmpty()) {
            return "No points charted";
        }
        return products.stream().map(p -> p.productName() + " \u00b7 " + p.unit().format(p.amount()))
                .collect(Collectors.joining(PRODUCT_GAP));
    }

    /** The same wording from a chart's live totals. */
    static String totals(ChartTotals totals) {
        if (totals.byProduct().isEmpty()) {
            return "No points charted";
        }
        return totals.byProduct().stream().map(VisitText::total).collect(Collectors.joining(PRODUCT_GAP));
    }

    /** "Dysport 300 U · 50 U". */
    static String total(ProductTotal t) {
        return t.productName() + " \u00b7 " + t.unit().format(t.amount());
    }

    /** "1 point", "5 points". */
    static String points(long n) {
        return plural(n, "point", "points");
    }

    /** "1 addendum", "2 addenda". */
    static String addenda(long n) {
        return plural(n, "addendum", "addenda");
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "Corrugator supercilii; Procerus" (region labels hold commas of their own). */
    static String regions(Collection<Region> regions) {
        return regions.stream().sorted().map(Region::label).collect(Collectors.joining("; "));
    }
}
