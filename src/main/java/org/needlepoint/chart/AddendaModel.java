package org.needlepoint.chart;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Addenda to a signed chart, without a window: the addenda so far (author, time, points added,
 * text), the text of the next, and what it adds. A signed chart keeps its points: an addendum adds
 * the points placed on the map since it was signed, and is refused while a signed point has been
 * moved, changed or deleted on the map.
 */
public final class AddendaModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.ENGLISH);

    /** What an addendum would record: the points it adds, or why it cannot be added. */
    public record Prepared(List<InjectionPoint> added, String error) {
        public Prepared {
            added = List.copyOf(added);
        }
    }

    private final ObservableList<String> addenda = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ZoneId zone;

    public AddendaModel(ZoneId zone) {
        this.zone = zone;
    }

    /** The chart's addenda, oldest first, each as "date time · author · n point(s) added" and its text. */
    public void load(VisitChart chart) {
        addenda.setAll(chart.addenda().stream().map(this::line).toList());
    }

    String line(Addendum a) {
        return WHEN.format(a.createdAt().atZone(zone)) + " · " + a.authorName()
                + (a.points().isEmpty() ? "" : " · " + a.points().size() + " point(s) added") + "\n"
                + (a.text() == null ? "" : a.text());
    }

    /**
     * What an addendum to the signed {@code chart} adds given the points on the map now: those the
     * chart does not have; refused when one of the chart's points is missing or differs.
     */
    public static Prepared prepare(VisitChart chart, List<InjectionPoint> onMap) {
        Map<String, InjectionPoint> now = new HashMap<>();
        onMap.forEach(p -> now.put(p.key(), p));
        Set<String> signed = new HashSet<>();
        boolean changed = false;
        for (InjectionPoint p : chart.allPoints()) {
            signed.add(p.key());
            InjectionPoint e = now.get(p.key());
            changed |= e == null || !e.withAddendum(null).equals(p.withAddendum(null));
        }
        if (changed) {
            return new Prepared(List.of(), "Signed points cannot be moved, changed or deleted. Undo that change; "
                    + "describe the correction in the addendum text instead.");
        }
        List<InjectionPoint> added = new ArrayList<>();
        for (InjectionPoint p : onMap) {
            if (!signed.contains(p.key())) {
                added.add(p);
            }
        }
        return new Prepared(added, null);
    }

    public ObservableList<String> addenda() {
        return addenda;
    }

    /** The next addendum's text. */
    public StringProperty textProperty() {
        return text;
    }

    /** True while an addendum is being saved. */
    public BooleanProperty busyProperty() {
        return busy;
    }
}
