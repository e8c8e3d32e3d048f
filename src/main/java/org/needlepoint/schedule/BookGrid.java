package org.needlepoint.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.shape.Line;

/**
 * The appointment book's grid: a time axis, a column per injector, room or day with the hours it does
 * not work shaded, and the appointments as blocks (time, patient and chart number, kind, status as colour
 * and text). A block is dragged to another time or column, or its bottom edge to another length; an
 * empty slot is double-clicked or dragged over to book it. The rules (snapping, which slot a y is,
 * lanes, the service call of a drag) are {@link BookModel}'s and {@link BookLayout}'s; this only draws
 * and reports.
 */
public final class BookGrid extends Pane {
    /** A slot asked for: the column, its start and a length ({@code minutes} null: the kind's default). */
    public record Slot(BookModel.Column column, LocalTime start, Integer minutes) {
    }

    static final double AXIS_WIDTH = 62;
    static final double HEADER_HEIGHT = 40;
    private static final double RESIZE_EDGE = 12;
    private static final double MIN_BLOCK = 16;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final BooleanProperty dragging = new SimpleBooleanProperty(this, "dragging");
    private final ObjectProperty<Appointment> selected = new SimpleObjectProperty<>(this, "selected");
    private Consumer<Appointment> onOpen = a -> { };
    private Consumer<Slot> onNew = s -> { };
    private Consumer<BookModel.MoveCall> onMove = m -> { };

    private BookModel model;
    private BookLayout layout;
    private List<BookModel.Column> columns = List.of();
    private final Map<Long, VBox> blocks = new HashMap<>();
    private final Map<Long, BookLayout.Lane> lanes = new HashMap<>();
    private final Map<Long, Integer> columnOfBlock = new HashMap<>();
    private final List<Region> backgrounds = new ArrayList<>();
    private final List<Label> headers = new ArrayList<>();
    private final List<Region> shades = new ArrayList<>();
    private final List<BookModel.Span> shadeSpans = new ArrayList<>();
    private final List<Integer> shadeColumns = new ArrayList<>();
    private final List<Node> axis = new ArrayList<>();
    private final Region ghost = new Region();
    private final Region corner = new Region();
    /** Where the column heads sit: the top of what the scroll pane shows, so they stay in view. */
    private double headerY;

    public BookGrid() {
        getStyleClass().add("book-grid");
        setFocusTraversable(true);
        ghost.getStyleClass().add("book-ghost");
        ghost.setManaged(false);
        ghost.setMouseTransparent(true);
        corner.getStyleClass().add("book-corner");
        selected.addListener((o, was, now) -> {
            if (was != null && blocks.containsKey(was.id())) {
                blocks.get(was.id()).getStyleClass().remove("selected");
            }
            if (now != null && blocks.containsKey(now.id())) {
                blocks.get(now.id()).getStyleClass().add("selected");
            }
        });
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
        getChildren().clear();
        blocks.clear();
        lanes.clear();
        columnOfBlock.clear();
        backgrounds.clear();
        headers.clear();
        shades.clear();
        shadeSpans.clear();
        shadeColumns.clear();
        axis.clear();
        for (LocalTime t = layout.from(); t.isBefore(layout.to()); t = t.plusMinutes(30)) {
            Label l = new Label(t.getMinute() == 0 ? HM.format(t) : "");
            l.getStyleClass().add("book-hour");
            l.setUserData(t);
            Line line = new Line();
            line.getStyleClass().add(t.getMinute() == 0 ? "book-hour-line" : "book-half-line");
            line.setUserData(t);
            line.setMouseTransparent(true);
            axis.add(l);
            axis.add(line);
            if (t.isAfter(LocalTime.of(23, 29))) {
                break;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            BookModel.Column c = columns.get(i);
            Region bg = new Region();
            bg.setId("col-" + c.key());
            bg.getStyleClass().add("book-column");
            wireEmptySlot(bg, i);
            backgrounds.add(bg);
            for (BookModel.Span s : m.closed(c, layout)) {
                Region shade = new Region();
                shade.getStyleClass().add("book-closed");
                shade.setMouseTransparent(true);
                shades.add(shade);
                shadeSpans.add(s);
                shadeColumns.add(i);
            }
            Label h = new Label(c.title());
            h.setId("colhead-" + c.key());
            h.getStyleClass().add("book-column-head");
            DayHours hours = m.hours(c);
            h.setTooltip(new Tooltip(hours.isClosed() ? "Not working" : "Works " + HM.format(hours.start()) + "\u2013"
                    + HM.format(hours.end())));
            headers.add(h);
        }
        getChildren().addAll(backgrounds);
        getChildren().addAll(shades);
        getChildren().addAll(axis);
        for (int i = 0; i < columns.size(); i++) {
            List<Appointment> list = m.in(columns.get(i));
            lanes.putAll(m.lanes(columns.get(i)));
            for (Appointment a : list) {
                VBox b = block(a, m.compact());
                blocks.put(a.id(), b);
                columnOfBlock.put(a.id(), i);
                getChildren().add(b);
            }
        }
        getChildren().addAll(headers);
        getChildren().add(corner);
        getChildren().add(ghost);
        ghost.setVisible(false);
        Appointment sel = selected.get() == null || !blocks.containsKey(selected.get().id()) ? null
                : m.find(selected.get().id());
        selected.set(sel);
        if (sel != null) {
            blocks.get(sel.id()).getStyleClass().add("selected");
        }
        requestLayout();
        if (getWidth() > 0) {
            layoutChildren(); // every block at its place at once, not at the next pulse
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
            headers.get(i).resizeRelocate(columnX(i), headerY, w, HEADER_HEIGHT);
        }
        corner.resizeRelocate(0, headerY, AXIS_WIDTH, HEADER_HEIGHT);
        for (int k = 0; k < shades.size(); k++) {
            BookModel.Span s = shadeSpans.get(k);
            double y0 = layout.y(s.from());
            double y1 = s.to().equals(layout.to()) ? layout.height() : layout.y(s.to());
            shades.get(k).resizeRelocate(columnX(shadeColumns.get(k)), HEADER_HEIGHT + y0, w, Math.max(0, y1 - y0));
        }
        for (Map.Entry<Long, VBox> e : blocks.entrySet()) {
            if (dragging.get() && selected.get() != null && selected.get().id() == e.getKey()) {
                continue;
            }
            Appointment a = (Appointment) e.getValue().getUserData();
            placeBlock(e.getValue(), columnOfBlock.get(a.id()), a.start().toLocalTime(), a.minutes(), lanes.get(a.id()));
        }
    }

    private void placeBlock(VBox b, int column, LocalTime start, int minutes, BookLayout.Lane lane) {
        double w = columnWidth() - 6;
        double laneW = w / lane.count();
        double x = columnX(column) + 3 + lane.index() * laneW;
        double y = HEADER_HEIGHT + layout.y(start);
        double width = Math.max(8, laneW - 2);
        b.resizeRelocate(x, y + 1, width, Math.max(MIN_BLOCK, layout.height(minutes) - 2));
        b.getChildren().forEach(n -> n.setVisible(width >= 22));
    }

    private VBox block(Appointment a, boolean compact) {
        VBox b = new VBox(1);
        if (!compact) {
            // a node's id is part of JavaFX's key for the style sheets' matching selectors: 600 blocks with ids of their
            // own, at a change of week of every injector, were matched one by one against the whole theme (half the
            // FX thread's time, measured with JFR); those colour-only blocks are found by blockOf(appointment id)
            b.setId("appt-" + a.id());
        }
        b.setUserData(a);
        b.setManaged(false);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(b.widthProperty());
        clip.heightProperty().bind(b.heightProperty());
        b.setClip(clip);
        b.getStyleClass().addAll("book-block", "status-" + a.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        String time = HM.format(a.start()) + "\u2013" + HM.format(a.end());
        if (compact) {
            // the week of every injector draws some 600 of these at a change of week: a Text, not a Label (a
            // control with a skin of its own), keeps the week within 100 ms (bench --only book)
            Text one = new Text(initials(a.injectorName()));
            one.getStyleClass().add("book-block-initials");
            b.getChildren().add(one);
            b.getStyleClass().add("compact");
        } else {
            Label t = new Label(time);
            t.getStyleClass().add("book-block-time");
            Label n = new Label(a.patientName());
            n.getStyleClass().add("book-block-name");
            Label k = new Label("#" + a.chartNumber() + " \u00b7 " + a.status().label());
            k.getStyleClass().add("book-block-status");
            Label kind = new Label(a.kind().label());
            kind.getStyleClass().add("book-block-kind");
            b.getChildren().addAll(t, n, k, kind);
        }
        wireBlock(b, a);
        return b;
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

    private boolean movable(Appointment a) {
        return a.status().blocksTime() && a.status() != AppointmentStatus.COMPLETED;
    }

    private void wireBlock(VBox b, Appointment a) {
        Drag d = new Drag();
        b.setOnMouseMoved(e -> b.setCursor(movable(a) && e.getY() > b.getHeight() - RESIZE_EDGE ? Cursor.S_RESIZE
                : movable(a) ? Cursor.MOVE : Cursor.HAND));
        b.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            selected.set(a);
            dragging.set(true);
            d.press = sceneToLocal(e.getSceneX(), e.getSceneY());
            d.resize = e.getY() > b.getHeight() - RESIZE_EDGE;
            d.moved = false;
            d.column = columnOfBlock.get(a.id());
            d.start = a.start().toLocalTime();
            d.minutes = a.minutes();
            e.consume();
        });
        b.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (d.press == null || !movable(a)) {
                return;
            }
            Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
            double dx = p.getX() - d.press.getX();
            double dy = p.getY() - d.press.getY();
            if (!d.moved && Math.hypot(dx, dy) < 4) {
                return;
            }
            d.moved = true;
            b.toFront();
            b.getStyleClass().add("dragging");
            if (d.resize) {
                d.minutes = layout.resized(a.start().toLocalTime(), a.minutes(), dy);
            } else {
                d.column = columnAt(p.getX());
                d.start = layout.moved(a.start().toLocalTime(), a.minutes(), dy);
            }
            placeBlock(b, d.column, d.start, d.minutes, new BookLayout.Lane(0, 1));
            e.consume();
        });
        b.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (d.press == null) {
                return;
            }
            d.press = null;
            if (!d.moved) {
                dragging.set(false);
                return;
            }
            b.getStyleClass().remove("dragging");
            BookModel.MoveCall call = model.move(a, columns.get(d.column), d.start, d.minutes);
            dragging.set(false);
            if (call == null) {
                requestLayout();
            } else {
                onMove.accept(call);
            }
            e.consume();
        });
        b.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !d.moved) {
                onOpen.accept(a);
            }
            e.consume();
        });
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
            requestLayout();
        }
    }

    /** The block of an appointment on screen (tests, keyboard scrolling), or null. */
    public Node blockOf(long appointmentId) {
        return blocks.get(appointmentId);
    }
}
