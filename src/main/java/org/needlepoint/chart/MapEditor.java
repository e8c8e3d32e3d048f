package org.needlepoint.chart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The points of a chart being edited, with undo and redo. Pure Java: the site-map control shows
 * the points, this class changes them. Each point carries an opaque payload {@code P} (the
 * product, lot, amount, depth and technique the caller charts), which must be immutable.
 *
 * <p>Every operation is one undo step; {@link #applyAll} makes a batch (a pattern, a mirrored
 * selection) one step. A new edit clears the redo list. Regions and sides are never typed: they
 * are derived from the position with {@link DiagramGeometry}, and derived again when a point
 * moves or its payload changes (a toxin payload prefers muscles, a filler payload areas, as the
 * {@code preferredKind} function given to the constructor says).
 *
 * <p>Not thread-safe: use it from one thread (the FX thread).
 */
public final class MapEditor<P> {
    /** How many steps undo remembers. */
    public static final int HISTORY = 200;
    /** Mirroring skips a copy when a point with the same payload lies this close to the mirrored spot. */
    public static final double SAME_SPOT = 0.002;

    /** A point on the chart: where it is, the derived site, and the caller's payload. */
    public record EditablePoint<P>(String key, DiagramView view, double x, double y, Site site, P payload) {
        public EditablePoint {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(site, "site");
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("coordinates must be finite");
            }
        }

        public Placement placement() {
            return new Placement(view, x, y);
        }
    }

    /** What a mirror did: the copies added, and the points it skipped (on the midline, or already mirrored). */
    public record MirrorResult<P>(List<EditablePoint<P>> added, int skippedMidline, int skippedExisting) {
        public MirrorResult {
            added = List.copyOf(added);
        }

        public int skipped() {
            return skippedMidline + skippedExisting;
        }
    }

    private record Step<P>(String description, List<EditablePoint<P>> before, List<EditablePoint<P>> after) {
    }

    private final DiagramGeometry geometry;
    private final Function<? super P, Region.Kind> preferredKind;
    private final Deque<Step<P>> undo = new ArrayDeque<>();
    private final Deque<Step<P>> redo = new ArrayDeque<>();
    private final Set<String> usedKeys = new HashSet<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private List<EditablePoint<P>> current = List.of();
    private List<EditablePoint<P>> saved = current;
    private long nextKey = 1;
    private boolean inBatch;

    /** Sites prefer muscles where muscles and areas overlap. */
    public MapEditor(DiagramGeometry geometry) {
        this(geometry, p -> Region.Kind.MUSCLE);
    }

    /** {@code preferredKind} says which kind of region a payload is charted on (null: the smallest shape). */
    public MapEditor(DiagramGeometry geometry, Function<? super P, Region.Kind> preferredKind) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.preferredKind = Objects.requireNonNull(preferredKind, "preferredKind");
    }

    // ------------------------------------------------------------------ reading

    /** The points now, oldest first (an immutable snapshot). */
    public List<EditablePoint<P>> points() {
        return current;
    }

    public Optional<EditablePoint<P>> point(String key) {
        return current.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    public DiagramGeometry geometry() {
        return geometry;
    }

    /** The region kind a payload prefers; the site-map's hover read-out can show the same reading. */
    public Region.Kind preferredKind(P payload) {
        return payload == null ? Region.Kind.MUSCLE : preferredKind.apply(payload);
    }

    /** The site a payload would get at (x, y) on {@code view}. */
    public Site siteAt(DiagramView view, double x, double y, P payload) {
        return geometry.locate(view, x, y, preferredKind(payload));
    }

    // ------------------------------------------------------------------ history

    /** Replaces the points (e.g. a draft read from the store), forgetting the history; the state counts as saved. */
    public void load(Collection<EditablePoint<P>> points) {
        List<EditablePoint<P>> list = List.copyOf(points);
        Set<String> keys = new HashSet<>();
        for (EditablePoint<P> p : list) {
            if (!keys.add(p.key())) {
                throw new IllegalArgumentException("two points share the key " + p.key());
            }
        }
        usedKeys.addAll(keys);
        undo.clear();
        redo.clear();
        current = list;
        saved = list;
        fire();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would take back, e.g. "Mirror 4 points". */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peekFirst()).map(Step::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peekFirst()).map(Step::description);
    }

    public boolean undo() {
        checkNotInBatch();
        Step<P> s = undo.pollFirst();
        if (s == null) {
            return false;
        }
        redo.addFirst(s);
        current = s.before();
        fire();
        return true;
    }

    public boolean redo() {
        checkNotInBatch();
        Step<P> s = redo.pollFirst();
        if (s == null) {
            return false;
        }
        undo.addFirst(s);
        current = s.after();
        fire();
        return true;
    }

    /** Whether the points differ from the last {@link #load} or {@link #markSaved}. */
    public boolean isModified() {
        return current != saved;
    }

    public void markSaved() {
        saved = current;
    }

    /** Called after every change (edit, undo, redo, load). */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ edits (each one undo step)

    public EditablePoint<P> add(DiagramView view, double x, double y, P payload) {
        return applyAll("Add point", b -> b.add(view, x, y, payload));
    }

    /** Moves a point and derives its site again; false if there is no such point or it did not move. */
    public boolean move(String key, double x, double y) {
        return applyAll("Move point", b -> b.move(key, x, y));
    }

    public boolean updatePayload(String key, P payload) {
        return applyAll("Edit point", b -> b.updatePayload(key, payload));
    }

    /** Changes the payload of several points at once (e.g. a new lot for a selection); returns how many changed. */
    public int updatePayload(Collection<String> keys, UnaryOperator<P> change) {
        return applyAll(keys.size() == 1 ? "Edit point" : "Edit " + keys.size() + " points",
                b -> b.updatePayload(keys, change));
    }

    /** Deletes the points with these keys; returns how many there were. */
    public int delete(Collection<String> keys) {
        int n = (int) current.stream().filter(p -> keys.contains(p.key())).count();
        return applyAll(n == 1 ? "Delete point" : "Delete " + n + " points", b -> b.delete(keys));
    }

    /**
     * Adds, for each point, a copy on the patient's other side with the same payload and its own
     * derived site. Points on the midline mirror onto themselves and are skipped; so is a point
     * whose mirror image is already charted (same payload, same spot).
     */
    public MirrorResult<P> mirror(Collection<String> keys) {
        int n = (int) current.stream().filter(p -> keys.contains(p.key())).count();
        return applyAll(n == 1 ? "Mirror point" : "Mirror " + n + " points", b -> b.mirror(keys));
    }

    /**
     * Runs several edits as ONE undo step (a pattern, a mirrored selection). Nothing is recorded
     * if the batch changes nothing or throws (the points are then as before).
     */
    public <R> R applyAll(String description, Function<Batch, R> edits) {
        checkNotInBatch();
        Batch b = new Batch(current);
        inBatch = true;
        R result;
        try {
            result = edits.apply(b);
        } finally {
            inBatch = false;
        }
        List<EditablePoint<P>> after = List.copyOf(b.work);
        if (!after.equals(current)) {
            undo.addFirst(new Step<>(description, current, after));
            while (undo.size() > HISTORY) {
                undo.removeLast();
            }
            redo.clear();
            current = after;
            fire();
        }
        return result;
    }

    private void checkNotInBatch() {
        if (inBatch) {
            throw new IllegalStateException("use the batch, not the editor, inside applyAll");
        }
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    private String newKey() {
        String k;
        do {
            k = "p" + nextKey++;
        } while (usedKeys.contains(k));
        usedKeys.add(k);
        return k;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The edits of one undo step, applied to a working copy of the points. */
    public final class Batch {
        private final List<EditablePoint<P>> work;

        private Batch(List<EditablePoint<P>> start) {
            this.work = new ArrayList<>(start);
        }

        /** The points as the batch has left them so far. */
        public List<EditablePoint<P>> points() {
            return List.copyOf(work);
        }

        public EditablePoint<P> add(DiagramView view, double x, double y, P payload) {
            Objects.requireNonNull(view, "view");
            double cx = clamp(x);
            double cy = clamp(y);
            EditablePoint<P> p = new EditablePoint<>(newKey(), view, cx, cy, siteAt(view, cx, cy, payload), payload);
            work.add(p);
            return p;
        }

        public boolean move(String key, double x, double y) {
            int i = indexOf(key);
            if (i < 0) {
                return false;
            }
            EditablePoint<P> p = work.get(i);
            double cx = clamp(x);
            double cy = clamp(y);
            if (cx == p.x() && cy == p.y()) {
                return false;
            }
            work.set(i, new EditablePoint<>(key, p.view(), cx, cy, siteAt(p.view(), cx, cy, p.payload()), p.payload()));
            return true;
        }

        public boolean updatePayload(String key, P payload) {
            int i = indexOf(key);
            if (i < 0) {
                return false;
            }
            EditablePoint<P> p = work.get(i);
            if (Objects.equals(p.payload(), payload)) {
                return false;
            }
            work.set(i, new EditablePoint<>(key, p.view(), p.x(), p.y(), siteAt(p.view(), p.x(), p.y(), payload), payload));
            return true;
        }

        public int updatePayload(Collection<String> keys, UnaryOperator<P> change) {
            int n = 0;
            for (String k : new LinkedHashSet<>(keys)) {
                int i = indexOf(k);
                if (i >= 0 && updatePayload(k, change.apply(work.get(i).payload()))) {
                    n++;
                }
            }
            return n;
        }

        public int delete(Collection<String> keys) {
            int before = work.size();
            work.removeIf(p -> keys.contains(p.key()));
            return before - work.size();
        }

        public MirrorResult<P> mirror(Collection<String> keys) {
            List<EditablePoint<P>> added = new ArrayList<>();
            int midline = 0;
            int existing = 0;
            for (EditablePoint<P> p : List.copyOf(work)) {
                if (!keys.contains(p.key())) {
                    continue;
                }
                if (p.site().side() == Side.MIDLINE) {
                    midline++;
                    continue;
                }
                Placement m = geometry.mirror(p.view(), p.x(), p.y());
                boolean there = work.stream().anyMatch(q -> q.view() == m.view()
                        && Math.abs(q.x() - m.x()) <= SAME_SPOT && Math.abs(q.y() - m.y()) <= SAME_SPOT
                        && Objects.equals(q.payload(), p.payload()));
                if (there) {
                    existing++;
                    continue;
                }
                added.add(add(m.view(), m.x(), m.y(), p.payload()));
            }
            return new MirrorResult<>(added, midline, existing);
        }

        private int indexOf(String key) {
            for (int i = 0; i < work.size(); i++) {
                if (work.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
