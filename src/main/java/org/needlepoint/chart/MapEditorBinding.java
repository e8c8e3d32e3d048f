package org.needlepoint.chart;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.needlepoint.chart.MapEditor.EditablePoint;
import org.needlepoint.chart.MapEditor.MirrorResult;

/**
 * Wires a {@link SiteMap} to a {@link MapEditor}: the editor's points become the map's markers,
 * and the map's gestures become edits. A click on an empty spot places a point with the current
 * brush (the payload set once: product, lot, amount, depth, technique), so each click is one
 * point; with no brush a click places nothing. Dragging moves, Delete deletes the selection,
 * M mirrors it, Ctrl+Z / Ctrl+Y undo and redo. A placed or mirrored point becomes the selection.
 */
public final class MapEditorBinding<P> {
    private final SiteMap map;
    private final MapEditor<P> editor;
    private final Function<EditablePoint<P>, MapPoint> marker;
    private final ObjectProperty<P> brush = new SimpleObjectProperty<>(this, "brush");
    private final Runnable refresh = this::refresh;
    private Consumer<MirrorResult<P>> onMirrored;
    private Predicate<Site> placeable = s -> true;
    private Consumer<Site> onRefused = s -> { };

    private MapEditorBinding(SiteMap map, MapEditor<P> editor, Function<EditablePoint<P>, MapPoint> marker) {
        this.map = map;
        this.editor = editor;
        this.marker = marker;
    }

    /**
     * Binds the two; {@code marker} turns a point into its marker (colour from the product,
     * label from the amount) and must keep the point's key, view and coordinates.
     */
    public static <P> MapEditorBinding<P> bind(SiteMap map, MapEditor<P> editor,
                                               Function<EditablePoint<P>, MapPoint> marker) {
        MapEditorBinding<P> b = new MapEditorBinding<>(Objects.requireNonNull(map), Objects.requireNonNull(editor),
                Objects.requireNonNull(marker));
        editor.addListener(b.refresh);
        map.setOnPlace((x, y) -> b.place(x, y));
        map.setOnMove(b::move);
        map.setOnDelete(editor::delete);
        map.setOnMirror(b::mirror);
        map.setOnUndo(editor::undo);
        map.setOnRedo(editor::redo);
        b.brush.addListener((o, old, now) -> map.setPreferredKind(editor.preferredKind(now)));
        map.setPreferredKind(editor.preferredKind(null));
        b.refresh();
        return b;
    }

    /** The payload each click places; null places nothing. */
    public ObjectProperty<P> brushProperty() {
        return brush;
    }

    public void setBrush(P payload) {
        brush.set(payload);
    }

    /** Told what a mirror did (e.g. to say "1 point on the midline was not mirrored"). */
    public void setOnMirrored(Consumer<MirrorResult<P>> handler) {
        this.onMirrored = handler;
    }

    /**
     * Where a click may place a point, or a drag move one: a spot whose site {@code placeable}
     * refuses (e.g. on no region of the diagram) places nothing, and {@code onRefused} is told.
     */
    public void setPlaceable(Predicate<Site> placeable, Consumer<Site> onRefused) {
        this.placeable = Objects.requireNonNull(placeable);
        this.onRefused = Objects.requireNonNull(onRefused);
    }

    /** Mirrors the map's selection, as the M key does; the copies become the selection. */
    public MirrorResult<P> mirrorSelection() {
        return mirror(Set.copyOf(map.selectedKeys()));
    }

    /** Stops listening to the editor and clears the map's handlers. */
    public void unbind() {
        editor.removeListener(refresh);
        map.setOnPlace(null);
        map.setOnMove(null);
        map.setOnDelete(null);
        map.setOnMirror(null);
        map.setOnUndo(null);
        map.setOnRedo(null);
    }

    private void place(double x, double y) {
        P b = brush.get();
        if (b == null) {
            return;
        }
        Site site = editor.siteAt(map.getView(), x, y, b);
        if (!placeable.test(site)) {
            onRefused.accept(site);
            return;
        }
        EditablePoint<P> p = editor.add(map.getView(), x, y, b);
        select(List.of(p.key()));
    }

    private void move(String key, double x, double y) {
        var point = editor.point(key);
        Site site = point.map(p -> editor.siteAt(p.view(), x, y, p.payload())).orElse(null);
        if (site != null && !placeable.test(site)) {
            onRefused.accept(site);
            refresh(); // the marker goes back where it was
            return;
        }
        editor.move(key, x, y);
    }

    private MirrorResult<P> mirror(Set<String> keys) {
        MirrorResult<P> r = editor.mirror(keys);
        if (!r.added().isEmpty()) {
            select(r.added().stream().map(EditablePoint::key).toList());
        }
        if (onMirrored != null) {
            onMirrored.accept(r);
        }
        return r;
    }

    private void select(List<String> keys) {
        map.selectedKeys().retainAll(keys);
        map.selectedKeys().addAll(keys);
    }

    private void refresh() {
        map.points().setAll(editor.points().stream().map(marker).toList());
    }
}
