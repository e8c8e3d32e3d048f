package org.needlepoint.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The appointment book's grid: a time axis, a column per injector, room or day with the hours it does
 * not work shaded, and the appointments as blocks (time, patient and chart number, kind, status as colour
 * and text). A block is dragged to another time or column, or its bottom edge to another length; an
 * empty slot is double-clicked or dragged over to book it. The rules (snapping, which slot a y is,
 * lanes, the service call of a drag) are {@link BookModel}'s and {@link BookLayout}'s; this only draws
 * and reports.
 *
 * <p>The week of every injector draws some 600 blocks at each change of week, so the grid's nodes are
 * kept from one day or week to the next and only told what they now show: a block's status, selection
 * and drag are pseudo-classes (its style classes never change, so the style sheets are not matched
 * again), a block keeps its status for good (a pool of blocks per status, so a change of week does not
 * work the style sheets through again for the blocks whose status would change), a compact block is a
 * square region with one unmanaged text, and no block has an effect or a clip of its own. The nodes sit in
 * layers (columns, shades, axis, a layer per status's blocks, heads) so that a few more or fewer blocks
 * touch only a layer's end.
 */
public final class BookGrid extends Pane {
    /** A slot asked for: the column, its start and a length ({@code minutes} null: the kind's default). */
    public record Slot(BookModel.Column column, LocalTime start, Integer minutes) {
    }

    static final double AXIS_WIDTH = 62;
    static final double HEADER_HEIGHT = 40;
    private static final double RESIZE_EDGE = 12;
    private static final double MIN_BLOCK = 16;
    /** Hidden blocks kept in a pool beyond those in use, for the next week's few more of that status. */
    private static final int SPARE_BLOCKS = 64;
    /** Below this width a block shows its colour only. */
    private static final double MIN_TEXT_WIDTH = 22;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DRAGGING = PseudoClass.getPseudoClass("dragging");
    private static final Map<AppointmentStatus, PseudoClass> STATUS = new EnumMap<>(AppointmentStatus.class);

    static {
        for (AppointmentStatus s : AppointmentStatus.values()) {
            STATUS.put(s, PseudoClass.getPseudoClass("status-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }

    private final BooleanProperty dragging = new SimpleBooleanProperty(this, "dragging");
    private final ObjectProperty<Appointment> selected = new SimpleObjectProperty<>(this, "selected");
    private Consumer<Appointment> onOpen = a -> { };
    private Consumer<Slot> onNew = s -> { };
    private Consumer<BookModel.MoveCall> onMove = m -> { };

    private BookModel model;
    private BookLayout layout;
    private List<BookModel.Column> columns = List.of();
    /** The blocks shown, by appointment id. */
    private final Map<Long, Block> blocks = new HashMap<>();

    // the layers, in drawing order; each holds the first n of its pool
    private final Pane columnLayer = layer();
    private final Pane shadeLayer = layer();
    private final Pane axisLayer = layer();
    private final Pane blockLayer = layer();
    private final Pane headLayer = layer();
    private final Region ghost = new Region();
    private final Region corner = new Region();

    // the pools: the nodes made so far, the first ones of each in use
    private final List<Region> backgrounds = new ArrayList<>();
    private final List<Label> headers = new ArrayList<>();
    private final List<Region> shades = new ArrayList<>();
    private final List<BookModel.Span> shadeSpans = new ArrayList<>();
    private final List<Integer> shadeColumns = new ArrayList<>();
    /** The blocks made so far, a pool for each kind (full or compact) and status, each in a layer of its own. */
    private final Pool[] pools = new Pool[2 * AppointmentStatus.values().length];
    /** The injectors' initials by name (a compact block's text), worked out once. */
    private final Map<String, String> initialsByName = new HashMap<>();
    /** The axis drawn (hour labels and lines), for the span it was drawn for. */
    private final List<Node> axis = new ArrayList<>();
    private LocalTime axisFrom;
    private LocalTime axisTo;
    /** Where the column heads sit: the top of what the scroll pane shows, so they stay in view. */
    private double headerY;

    public BookGrid() {
        getStyleClass().add("book-grid");
        setFocusTraversable(true);
        ghost.getStyleClass().add("book-ghost");
        ghost.setManaged(false);
        ghost.setMouseTransparent(true);
        corner.getStyleClass().add("book-corner");
        corner.setManaged(false);
        headLayer.getChildren().add(corner);
        getChildren().add(ghost);
        selected.addListener((o, was, now) -> {
            if (was != null && blocks.containsKey(was.id())) {
                blocks.get(was.id()).pseudoClassStateChanged(SELECTED, false);
            }
            if (now != null && blocks.containsKey(now.id())) {
                blocks.get(now.id()).pseudoClassStateChanged(SELECTED, true);
            }
        });
    }

    private Pane layer() {
        Pane p = new Pane();
        p.setManaged(false);
        p.setPickOnBounds(false);
        getChildren().add(p);
        return p;
    }

    /** True from a press on a block or an empty slot to its release (the book does not reload under the pointer). */
    public BooleanProperty draggingProperty() {
        return dragging;
    }

    public ObjectProperty<Appointment> selectedProperty() {
        return selected;
    }

    public void setOnOpen(Consumer<Appointment> c) {
        onOpen = c;
    }

    public void setOnNew(Consumer<Slot> c) {
        onNew = c;
    }

    public void setOnMove(Consumer<BookModel.MoveCall> c) {
        onMove = c;
    }

    public BookLayout layoutOfAxis() {
        return layout;
    }

    public List<BookModel.Column> columns() {
        return columns;
    }

    /** Draws what {@code m} shows, every block at its place (a dragged one back where the records have it). */
    public void show(BookModel m) {
        this.model = m;
        this.layout = m.layout(m.compact() ? 1.6 : 2.4);
        this.columns = m.columns();
        showAxis();
        showColumns(m);
        showBlocks(m);
        ghost.setVisible(false);
        Appointment sel = selected.get() == null || !blocks.containsKey(selected.get().id()) ? null
                : m.find(selected.get().id());
        selected.set(sel);
        requestLayout();
        if (getWidth() > 0) {
            layoutChildren(); // every block at its place at once, not at the next pulse
        }
    }

    /** The hour labels and half-hour lines, made again only when the axis spans other hours. */
    private void showAxis() {
        if (layout.from().equals(axisFrom) && layout.to().equals(axisTo)) {
            return;
        }
        axisFrom = layout.from();
        axisTo = layout.to();
        axis.clear();
        for (LocalTime t = layout.from(); t.isBefore(layout.to()); t = t.plusMinutes(30)) {
            Label l = new Label(t.getMinute() == 0 ? HM.format(t) : "");
            l.getStyleClass().add("book-hour");
            l.setUserData(t);
            l.setManaged(false);
            Line line = new Line();
            line.getStyleClass().add(t.getMinute() == 0 ? "book-hour-line" : "book-half-line");
            line.setUserData(t);
            line.setMouseTransparent(true);
            line.setManaged(false);
            axis.add(l);
            axis.add(line);
            if (t.isAfter(LocalTime.of(23, 29))) {
                break;
            }
        }
        axisLayer.getChildren().setAll(axis);
    }

    /** Column backgrounds (the empty slots), their heads and the shaded hours, from the pools. */
    private void showColumns(BookModel m) {
        shadeSpans.clear();
        shadeColumns.clear();
        for (int i = 0; i < columns.size(); i++) {
            BookModel.Column c = columns.get(i);
            if (i == backgrounds.size()) {
                Region bg = new Region();
                bg.getStyleClass().add("book-column");
                bg.setManaged(false);
                wireEmptySlot(bg, i);
                backgrounds.add(bg);
                Label h = new Label();
                h.getStyleClass().add("book-column-head");
                h.setManaged(false);
                h.setTooltip(new Tooltip());
                headers.add(h);
            }
            backgrounds.get(i).setId("col-" + c.key());
            Label h = headers.get(i);
            h.setId("colhead-" + c.key());
            h.setText(c.title());
            DayHours hours = m.hours(c);
            h.getTooltip().setText(hours.isClosed() ? "Not working" : "Works " + HM.format(hours.start()) + "\u2013"
                    + HM.format(hours.end()));
            for (BookModel.Span s : m.closed(c, layout)) {
                if (shadeSpans.size() == shades.size()) {
                    Region shade = new Region();
                    shade.getStyleClass().add("book-closed");
                    shade.setMouseTransparent(true);
                    shade.setManaged(false);
                    shades.add(shade);
                }
                shadeSpans.add(s);
                shadeColumns.add(i);
            }
        }
        use(columnLayer, backgrounds, 0, columns.size());
        use(shadeLayer, shades, 0, shadeSpans.size());
        use(headLayer, headers, 1, columns.size()); // after the corner
    }

    /**
     * Every appointment of every column on a block of the pool of its kind and status: a block keeps its status
     * for good (from week to week only a few statuses' counts change, so the style sheets are not worked through
     * again for blocks whose status would have changed), and the blocks a week does not need are hidden rather
     * than taken out of the scene (taken out and put back, a node has its styles matched again).
     */
    private void showBlocks(BookModel m) {
        boolean compact = m.compact();
        if (!blockLayer.getChildren().isEmpty() && ((Pool) blockLayer.getChildren().get(0).getUserData()).compact != compact) {
            blockLayer.getChildren().clear(); // the other kind's blocks leave the grid
        }
        for (Pool p : pools) {
            if (p != null && p.compact == compact) {
                if (p.layer.getParent() == null) {
                    blockLayer.getChildren().add(p.layer);
                }
                p.start();
            }
        }
        long chosen = selected.get() == null ? -1 : selected.get().id();
        blocks.clear();
        for (int i = 0; i < columns.size(); i++) {
            BookModel.Column c = columns.get(i);
            Map<Long, BookLayout.Lane> lanes = m.lanes(c);
            for (Appointment a : m.in(c)) {
                Block b = pool(compact, a.status()).next();
                b.show(a, i, lanes.get(a.id()), a.id() == chosen);
                blocks.put(a.id(), b);
            }
        }
        for (Pool p : pools) {
            if (p != null && p.compact == compact) {
                p.finish();
            }
        }
    }

    private Pool pool(boolean compact, AppointmentStatus status) {
        int k = (compact ? AppointmentStatus.values().length : 0) + status.ordinal();
        if (pools[k] == null) {
            pools[k] = new Pool(compact, status);
            blockLayer.getChildren().add(pools[k].layer);
        }
        return pools[k];
    }

    /** The blocks of one kind and status: the first {@code shown} of them in use, the others hidden. */
    private final class Pool {
        final boolean compact;
        final AppointmentStatus status;
        final Pane layer = new Pane();
        final List<Block> made = new ArrayList<>();
        int shown;
        /** How many the week before used (the ones now to hide). */
        int wasShown;

        Pool(boolean compact, AppointmentStatus status) {
            this.compact = compact;
            this.status = status;
            layer.setManaged(false);
            layer.setPickOnBounds(false);
            layer.setUserData(this);
        }

        void start() {
            wasShown = shown;
            shown = 0;
        }

        Block next() {
            if (shown == made.size()) {
                Block b = new Block(compact, status);
                made.add(b);
                layer.getChildren().add(b);
            }
            return made.get(shown++);
        }

        /** Hides the blocks not needed now, and lets go of those beyond a few spare ones (the rest of the week's). */
        void finish() {
            int keep = Math.min(made.size(), shown + SPARE_BLOCKS);
            if (keep < made.size()) {
                layer.getChildren().remove(keep, made.size());
                made.subList(keep, made.size()).clear();
            }
            for (int i = shown; i < Math.min(wasShown, keep); i++) {
                made.get(i).setVisible(false);
            }
            for (int i = 0; i < shown; i++) {
                made.get(i).setVisible(true);
            }
        }
    }

    /**
     * Makes {@code layer}'s children from {@code offset} on the first {@code n} of {@code pool}, in order,
     * adding or removing only at the end (a node that stays keeps its place in the scene and its styles).
     */
    private static <T extends Node> void use(Pane layer, List<T> pool, int offset, int n) {
        ObservableList<Node> children = layer.getChildren();
        int shown = children.size() - offset;
        if (shown > n) {
            children.remove(offset + n, children.size());
        } else if (shown < n) {
            children.addAll(pool.subList(shown, n));
        }
    }

    private double minColumnWidth() {
        return model != null && model.compact() ? 96 : 120;
    }

    @Override
    protected double computePrefWidth(double height) {
        return AXIS_WIDTH + Math.max(1, columns.size()) * minColumnWidth() + 8;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return HEADER_HEIGHT + (layout == null ? 400 : layout.height()) + 12;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private double columnWidth() {
        return Math.max(minColumnWidth(), (getWidth() - AXIS_WIDTH - 8) / Math.max(1, columns.size()));
    }

    private double columnX(int i) {
        return AXIS_WIDTH + i * columnWidth();
    }

    @Override
    protected void layoutChildren() {
        if (layout == null) {
            return;
        }
        for (Node l : List.of(columnLayer, shadeLayer, axisLayer, blockLayer, headLayer)) {
            l.resizeRelocate(0, 0, getWidth(), getHeight());
        }
        for (Pool p : pools) {
            if (p != null) {
                p.layer.resizeRelocate(0, 0, getWidth(), getHeight());
            }
        }
        double w = columnWidth();
        double right = columnX(columns.size());
        for (Node n : axis) {
            LocalTime t = (LocalTime) n.getUserData();
            double y = HEADER_HEIGHT + layout.y(t);
            if (n instanceof Label l) {
                l.resizeRelocate(4, y - 8, AXIS_WIDTH - 10, 18);
            } else if (n instanceof Line line) {
                line.setStartX(AXIS_WIDTH - 6);
                line.setEndX(right);
                line.setStartY(Math.round(y) + 0.5);
                line.setEndY(Math.round(y) + 0.5);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            backgrounds.get(i).resizeRelocate(columnX(i), HEADER_HEIGHT, w, layout.height());
        }
        placeHeads();
        for (int k = 0; k < shadeSpans.size(); k++) {
            BookModel.Span s = shadeSpans.get(k);
            double y0 = layout.y(s.from());
            double y1 = s.to().equals(layout.to()) ? layout.height() : layout.y(s.to());
            shades.get(k).resizeRelocate(columnX(shadeColumns.get(k)), HEADER_HEIGHT + y0, w, Math.max(0, y1 - y0));
        }
        for (Block b : blocks.values()) {
            if (dragging.get() && selected.get() != null && selected.get().id() == b.appointment.id()) {
                continue;
            }
            Appointment a = b.appointment;
            placeBlock(b, b.column, a.start().toLocalTime(), a.minutes(), b.lane);
        }
    }

    private void placeBlock(Block b, int column, LocalTime start, int minutes, BookLayout.Lane lane) {
        double w = columnWidth() - 6;
        double laneW = w / lane.count();
        // on whole pixels across (the axis's minutes already are down): crisp edges, and rectangles the software
        // renderer fills without antialiasing
        double x = Math.round(columnX(column) + 3 + lane.index() * laneW);
        double y = HEADER_HEIGHT + layout.y(start);
        double width = Math.max(8, Math.round(x + laneW - 2) - x);
        b.resizeRelocate(x, y + 1, width, Math.max(MIN_BLOCK, layout.height(minutes) - 2));
    }

    private String initialsOf(String name) {
        return initialsByName.computeIfAbsent(name, BookGrid::initials);
    }

    private static String initials(String name) {
        StringBuilder s = new StringBuilder();
        for (String part : name.split("\\s+")) {
            if (!part.isEmpty()) {
                s.append(part.charAt(0));
            }
        }
        return s.toString();
    }

    /**
     * An appointment's block, kept from one day or week to the next and told which appointment (of its
     * status, which it keeps) it now shows. A compact one (the week of every injector) holds the injector's
     * initials in one unmanaged text, shown where it fits (and only then set: a text is measured when it
     * changes); a full one the time, patient and chart number, status and kind, clipped to the block.
     */
    private final class Block extends Region {
        final boolean compact;
        final AppointmentStatus state;
        private final Text initials;
        /** The initials a compact block shows where they fit. */
        private String wantedInitials = "";
        private final Label time;
        private final Label name;
        private final Label status;
        private final Label kind;
        private final Drag drag = new Drag();
        Appointment appointment;
        int column;
        BookLayout.Lane lane;

        Block(boolean compact, AppointmentStatus state) {
            this.compact = compact;
            this.state = state;
            setManaged(false);
            getStyleClass().add("book-block");
            pseudoClassStateChanged(STATUS.get(state), true);
            if (compact) {
                getStyleClass().add("compact");
                initials = new Text();
                initials.getStyleClass().add("book-block-initials");
                initials.setTextOrigin(VPos.TOP);
                initials.setManaged(false);
                getChildren().add(initials);
                time = null;
                name = null;
                status = null;
                kind = null;
            } else {
                initials = null;
                time = label("book-block-time");
                name = label("book-block-name");
                status = label("book-block-status");
                kind = label("book-block-kind");
                Rectangle clip = new Rectangle();
                clip.widthProperty().bind(widthProperty());
                clip.heightProperty().bind(heightProperty());
                setClip(clip);
            }
            wire();
        }

        private Label label(String styleClass) {
            Label l = new Label();
            l.getStyleClass().add(styleClass);
            getChildren().add(l);
            return l;
        }

        /** Shows {@code a} in {@code lane} of column {@code column}. */
        void show(Appointment a, int column, BookLayout.Lane lane, boolean chosen) {
            appointment = a;
            this.column = column;
            this.lane = lane;
            if (a.status() != state) {
                throw new IllegalArgumentException("a block of " + state + " cannot show a " + a.status() + " appointment");
            }
            pseudoClassStateChanged(SELECTED, chosen);
            if (compact) {
                // a node's id is part of JavaFX's key for the style sheets' matching selectors: the colour-only blocks
                // of the week of every injector have none (they are found by blockOf(appointment id))
                String want = initialsOf(a.injectorName());
                if (!want.equals(wantedInitials)) {
                    wantedInitials = want;
                    if (getWidth() >= MIN_TEXT_WIDTH) {
                        requestLayout(); // whether they fit: an unmanaged text does not ask by itself
                    }
                }
            } else {
                String id = "appt-" + a.id();
                if (!id.equals(getId())) {
                    setId(id);
                }
                set(time, HM.format(a.start()) + "\u2013" + HM.format(a.end()));
                set(name, a.patientName());
                set(status, "#" + a.chartNumber() + " \u00b7 " + a.status().label());
                set(kind, a.kind().label());
            }
        }

        private void set(Label l, String s) {
            if (!s.equals(l.getText())) {
                l.setText(s);
            }
        }

        @Override
        protected void layoutChildren() {
            double left = snappedLeftInset();
            double top = snappedTopInset();
            double w = getWidth() - left - snappedRightInset();
            boolean text = getWidth() >= MIN_TEXT_WIDTH;
            if (compact) {
                // trimmed by its width rather than clipped: shown only where the initials fit
                if (!text) {
                    initials.setVisible(false);
                    return;
                }
                if (!wantedInitials.equals(initials.getText())) {
                    initials.setText(wantedInitials);
                }
                initials.relocate(left, top);
                initials.setVisible(initials.getLayoutBounds().getWidth() <= w + 0.5);
                return;
            }
            double y = top;
            for (Node n : getChildren()) {
                n.setVisible(text);
                double h = n.prefHeight(w);
                n.resizeRelocate(left, y, Math.min(w, n.prefWidth(h)), h);
                y += h + 1;
            }
        }

        private boolean movable() {
            return appointment.status().blocksTime() && appointment.status() != AppointmentStatus.COMPLETED;
        }

        private void wire() {
            Drag d = drag;
            setOnMouseMoved(e -> setCursor(movable() && e.getY() > getHeight() - RESIZE_EDGE ? Cursor.S_RESIZE
                    : movable() ? Cursor.MOVE : Cursor.HAND));
            addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                if (e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                Appointment a = appointment;
                BookGrid.this.requestFocus();
                selected.set(a);
                dragging.set(true);
                d.press = BookGrid.this.sceneToLocal(e.getSceneX(), e.getSceneY());
                d.resize = e.getY() > getHeight() - RESIZE_EDGE;
                d.moved = false;
                d.column = column;
                d.start = a.start().toLocalTime();
                d.minutes = a.minutes();
                e.consume();
            });
            addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
                if (d.press == null || !movable()) {
                    return;
                }
                Appointment a = appointment;
                Point2D p = BookGrid.this.sceneToLocal(e.getSceneX(), e.getSceneY());
                double dx = p.getX() - d.press.getX();
                double dy = p.getY() - d.press.getY();
                if (!d.moved && Math.hypot(dx, dy) < 4) {
                    return;
                }
                d.moved = true;
                setViewOrder(-1); // over the other blocks, without reordering the layers
                getParent().setViewOrder(-1); // and its status's layer over the other statuses' ones
                pseudoClassStateChanged(DRAGGING, true);
                if (d.resize) {
                    d.minutes = layout.resized(a.start().toLocalTime(), a.minutes(), dy);
                } else {
                    d.column = columnAt(p.getX());
                    d.start = layout.moved(a.start().toLocalTime(), a.minutes(), dy);
                }
                placeBlock(this, d.column, d.start, d.minutes, new BookLayout.Lane(0, 1));
                e.consume();
            });
            addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
                if (d.press == null) {
                    return;
                }
                d.press = null;
                if (!d.moved) {
                    dragging.set(false);
                    return;
                }
                setViewOrder(0);
                getParent().setViewOrder(0);
                pseudoClassStateChanged(DRAGGING, false);
                BookModel.MoveCall call = model.move(appointment, columns.get(d.column), d.start, d.minutes);
                dragging.set(false);
                if (call == null) {
                    BookGrid.this.requestLayout();
                } else {
                    onMove.accept(call);
                }
                e.consume();
            });
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !d.moved) {
                    onOpen.accept(appointment);
                }
                e.consume();
            });
        }
    }

    /** Which column an x of this grid falls in, kept within the columns. */
    int columnAt(double x) {
        int i = (int) Math.floor((x - AXIS_WIDTH) / columnWidth());
        return Math.max(0, Math.min(columns.size() - 1, i));
    }

    private final class Drag {
        Point2D press;
        boolean resize;
        boolean moved;
        int column;
        LocalTime start;
        int minutes;
    }

    private void wireEmptySlot(Region bg, int column) {
        Drag d = new Drag();
        bg.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            dragging.set(true);
            d.press = new Point2D(e.getX(), e.getY());
            d.moved = false;
            d.start = layout.slotAt(e.getY());
        });
        bg.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (d.press == null) {
                return;
            }
            LocalTime end = layout.slotAt(Math.max(e.getY(), d.press.getY())).plusMinutes(BookLayout.SNAP);
            if (!d.moved && Math.abs(e.getY() - d.press.getY()) < 6) {
                return;
            }
            d.moved = true;
            d.minutes = (int) java.time.Duration.between(d.start, end).toMinutes();
            ghost.setVisible(true);
            ghost.toFront();
            ghost.resizeRelocate(columnX(column) + 3, HEADER_HEIGHT + layout.y(d.start), columnWidth() - 6,
                    layout.height(d.minutes));
        });
        bg.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (d.press == null) {
                return;
            }
            d.press = null;
            dragging.set(false);
            if (d.moved) {
                ghost.setVisible(false);
                onNew.accept(new Slot(columns.get(column), d.start, Math.max(BookLayout.SNAP, d.minutes)));
            }
        });
        bg.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !d.moved) {
                onNew.accept(new Slot(columns.get(column), layout.slotAt(e.getY()), null));
            } else if (e.getClickCount() == 1 && !d.moved) {
                selected.set(null);
            }
        });
    }

    /** Keeps the column heads at {@code y} of the grid (the top of the scroll pane's view). */
    public void setHeaderY(double y) {
        if (y != headerY) {
            headerY = y;
            placeHeads(); // only the heads move (a layout would place every block again)
        }
    }

    private void placeHeads() {
        if (layout == null) {
            return;
        }
        double w = columnWidth();
        for (int i = 0; i < columns.size(); i++) {
            headers.get(i).resizeRelocate(columnX(i), headerY, w, HEADER_HEIGHT);
        }
        corner.resizeRelocate(0, headerY, AXIS_WIDTH, HEADER_HEIGHT);
    }

    /** The block of an appointment on screen (tests, keyboard scrolling), or null. */
    public Node blockOf(long appointmentId) {
        return blocks.get(appointmentId);
    }
}
