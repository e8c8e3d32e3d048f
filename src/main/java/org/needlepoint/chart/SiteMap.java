package org.needlepoint.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The injection-site map: one {@link DiagramView} drawn as vector line art, with the chart's points
 * as markers on top. Markers are coloured by product and labelled with the amount; each has a hit
 * target of at least {@value #MARKER_HIT} px (gloved fingers on a touch screen) and the id
 * {@code marker-<key>}.
 *
 * <p>The control holds no clinical data and changes nothing itself: a click on an empty part of
 * the drawing calls {@link #setOnPlace} with normalised coordinates, a marker dragged and dropped
 * calls {@link #setOnMove}, and keys call delete / mirror / undo / redo handlers. The owner changes
 * its model (see {@link MapEditor} and {@link MapEditorBinding}) and puts the new markers in
 * {@link #points()}.
 *
 * <p>Mouse and touch: click an empty spot to place; click a marker to select it (Shift or Ctrl
 * adds); drag a marker to move it; double-click to edit. Zoom with Ctrl+wheel, a pinch, the +/−
 * buttons or keys; pan by dragging an empty spot (any button), with the wheel when zoomed, or
 * space+drag. Escape or a Ctrl/Shift-click on an empty spot clears the selection. Delete removes
 * the selection, M mirrors it, Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes.
 *
 * <p>Picking points on a record that is not edited (the side-effect form): {@link SelectionMode#TOGGLE}
 * makes every tap on a marker add it to or take it from {@link #selectedKeys()}, with no modifier key
 * (gloves), and {@link #zoomToPoints} zooms so that the current view's points fill the map.
 */
public class SiteMap extends javafx.scene.layout.Region {
    /** Smallest width and height of a marker's hit target, in px. */
    public static final double MARKER_HIT = 44;
    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 8;
    /** A press that moves less than this (px) is a click, not a drag: gloves and fingers wobble. */
    public static final double CLICK_SLOP = 6;
    static final double PADDING = 16;
    private static final double ZOOM_STEP = 1.25;
    /** Room {@link #zoomToPoints} leaves around the points: markers at the edges, the zoom buttons on the right. */
    private static final double FIT_MARGIN_X = 160;
    private static final double FIT_MARGIN_Y = 90;
    /** {@link #zoomToPoints} does not bother with less than this. */
    private static final double FIT_MIN = 1.15;

    /** What a click (or tap) on a marker does to the selection. */
    public enum SelectionMode {
        /**
         * A click selects the marker alone; with Shift or Ctrl it adds or removes it; a Shift- or
         * Ctrl-click on an empty spot (or any click there on a read-only map) clears the selection.
         * Charting works so.
         */
        REPLACE,
        /**
         * Every tap on a marker adds it to the selection or takes it out, no modifier key needed (a
         * gloved finger); a tap on an empty spot leaves the selection alone. A press that wobbles up
         * to twice {@link #CLICK_SLOP} is still a tap.
         */
        TOGGLE
    }

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /**
     * The drawing's colours: dark ink on white paper, or (the dark theme, for treatment rooms with the
     * lights down) light ink on a dark paper; markers keep their product colours in both.
     */
    private record Palette(Color ink, Color hint, Color tone, Color accent, Color regionStroke, Color regionFill,
                           Color hoverFill, Color regionLabel, Color markerRim) {
    }

    private static final Palette LIGHT = new Palette(Color.web("#39424e"), Color.web("#a3acb8"), Color.web("#8c95a2"),
            Color.web("#0969da"), Color.web("#0969da", 0.45), Color.web("#0969da", 0.04), Color.web("#0969da", 0.10),
            Color.web("#0550ae"), Color.WHITE);
    private static final Palette DARK = new Palette(Color.web("#d0d7de"), Color.web("#6e7781"), Color.web("#8c959f"),
            Color.web("#58a6ff"), Color.web("#58a6ff", 0.55), Color.web("#58a6ff", 0.06), Color.web("#58a6ff", 0.16),
            Color.web("#79c0ff"), Color.web("#0d1117"));
    private static final Color FALLBACK = Color.web("#6e7781");
    private Palette palette = LIGHT;
    private static final Font MARKER_FONT = Font.font("System", FontWeight.BOLD, 12);
    private static final Font REGION_FONT = Font.font("System", 10.5);

    /** Called when a marker is dragged to a new spot (normalised coordinates, kept within 0..1). */
    @FunctionalInterface
    public interface MoveHandler {
        void moved(String key, double x, double y);
    }

    private final DiagramGeometry geometry;
    private final ObservableList<MapPoint> points = FXCollections.observableArrayList();
    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<DiagramView> view = new SimpleObjectProperty<>(this, "view", DiagramView.FACE_FRONT);
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly", false);
    private final BooleanProperty showRegions = new SimpleBooleanProperty(this, "showRegions", false);
    private final BooleanProperty showZoomControls = new SimpleBooleanProperty(this, "showZoomControls", true);
    private final ObjectProperty<Region.Kind> preferredKind =
            new SimpleObjectProperty<>(this, "preferredKind", Region.Kind.MUSCLE);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ReadOnlyObjectWrapper<Site> hoverSite = new ReadOnlyObjectWrapper<>(this, "hoverSite");
    private final ObjectProperty<SelectionMode> selectionMode =
            new SimpleObjectProperty<>(this, "selectionMode", SelectionMode.REPLACE);
    /** The largest zoom a pending {@link #zoomToPoints} may use; NaN when none is pending. */
    private double pendingFit = Double.NaN;

    private BiConsumer<Double, Double> onPlace;
    private MoveHandler onMove;
    private Consumer<String> onEdit;
    private Consumer<Set<String>> onDelete;
    private Consumer<Set<String>> onMirror;
    private Runnable onUndo;
    private Runnable onRedo;

    // layers, back to front
    private final Group artLayer = new Group();
    private final Group regionLayer = new Group();
    private final Polygon hoverShape = new Polygon();
    private final Group markerLayer = new Group();
    private final Rectangle clip = new Rectangle();
    private final Group content = new Group(artLayer, regionLayer, hoverShape, markerLayer);
    private final Button zoomInButton = new Button("+");
    private final Button zoomOutButton = new Button("\u2212");
    private final Button zoomResetButton = new Button("Fit");
    private final VBox zoomBox = new VBox(6, zoomInButton, zoomOutButton, zoomResetButton);
    private final Label readout = new Label();

    // the drawing: its path elements with their normalised coordinates, its region outlines
    private final List<PathElement> artElements = new ArrayList<>();
    private final List<double[]> artCoords = new ArrayList<>();
    private final List<Path> artPaths = new ArrayList<>();
    private final List<ArtPath.Stroke> artStrokes = new ArrayList<>();
    private final List<Polygon> regionPolygons = new ArrayList<>();
    private final List<RegionShape> regionShapes = new ArrayList<>();
    private final List<Text> regionLabels = new ArrayList<>();
    private final List<RegionShape> regionLabelShapes = new ArrayList<>();
    private Map<String, Marker> markers = new HashMap<>();

    // the transform from normalised coordinates to local px
    private double baseW = 1;
    private double baseH = 1;
    private double originX;
    private double originY;
    private double panX;
    private double panY;

    // gesture state
    private enum Gesture { NONE, PAN, EMPTY, MARKER }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double panStartX;
    private double panStartY;
    private boolean moved;
    private boolean draggingMarker;
    private Marker pressedMarker;
    private boolean spaceDown;

    public SiteMap() {
        this(DiagramGeometry.standard());
    }

    public SiteMap(DiagramGeometry geometry) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        getStyleClass().add("site-map");
        org.needlepoint.ui.Themes.follow(this, this::darkTheme);
        setFocusTraversable(true);
        content.setClip(clip);
        content.setManaged(false);
        artLayer.setMouseTransparent(true);
        regionLayer.setMouseTransparent(true);
        hoverShape.setMouseTransparent(true);
        hoverShape.setFill(palette.hoverFill());
        hoverShape.setStroke(palette.regionStroke());
        hoverShape.setVisible(false);
        regionLayer.visibleProperty().bind(showRegions);

        zoomBox.getStyleClass().add("site-map-zoom");
        zoomBox.setAlignment(Pos.TOP_RIGHT);
        zoomBox.setManaged(false);
        zoomBox.visibleProperty().bind(showZoomControls);
        for (Button b : List.of(zoomInButton, zoomOutButton, zoomResetButton)) {
            b.getStyleClass().add("site-map-zoom-button");
            b.setFocusTraversable(false);
            b.setMinSize(44, 44);
            b.setPrefSize(44, 44);
        }
        zoomInButton.setTooltip(new Tooltip("Zoom in (Ctrl+wheel, +)"));
        zoomOutButton.setTooltip(new Tooltip("Zoom out (Ctrl+wheel, \u2212)"));
        zoomResetButton.setTooltip(new Tooltip("Fit the drawing (0)"));
        zoomInButton.setOnAction(e -> zoomIn());
        zoomOutButton.setOnAction(e -> zoomOut());
        zoomResetButton.setOnAction(e -> resetZoom());
        zoomOutButton.disableProperty().bind(zoom.lessThanOrEqualTo(MIN_ZOOM));
        zoomInButton.disableProperty().bind(zoom.greaterThanOrEqualTo(MAX_ZOOM));
        zoomResetButton.disableProperty().bind(zoom.lessThanOrEqualTo(MIN_ZOOM));
        assignChromeIds();
        idProperty().addListener((o, a, b) -> assignChromeIds());

        readout.getStyleClass().add("site-map-readout");
        readout.setManaged(false);
        readout.setMouseTransparent(true);
        readout.visibleProperty().bind(hoverSite.isNotNull());
        readout.textProperty().bind(hoverSite.asString());
        readout.textProperty().addListener((o, a, b) -> placeReadout());

        getChildren().addAll(content, zoomBox, readout);

        view.addListener((o, a, b) -> {
            Objects.requireNonNull(b, "view");
            panX = 0;
            panY = 0;
            zoom.set(1);
            hover(Double.NaN, Double.NaN);
            buildDiagram();
            syncMarkers();
            requestLayout();
        });
        points.addListener((ListChangeListener<MapPoint>) c -> syncMarkers());
        selected.addListener((SetChangeListener<String>) c -> {
            String k = c.wasAdded() ? c.getElementAdded() : c.getElementRemoved();
            Marker m = markers.get(k);
            if (m != null) {
                m.setSelected(selected.contains(k));
            }
        });
        preferredKind.addListener((o, a, b) -> applyRegionFilter());
        showRegions.addListener((o, a, b) -> relayout());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomBy(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                e.consume();
            }
        });
        buildDiagram();
    }

    /** The drawing in the dark theme's colours (light ink on dark paper), or the light one's. */
    private void darkTheme(boolean dark) {
        Palette next = dark ? DARK : LIGHT;
        if (next == palette) {
            return;
        }
        palette = next;
        for (int i = 0; i < artPaths.size(); i++) {
            paint(artPaths.get(i), artStrokes.get(i));
        }
        for (Polygon poly : regionPolygons) {
            poly.setFill(palette.regionFill());
            poly.setStroke(palette.regionStroke());
        }
        for (Text t : regionLabels) {
            t.setFill(palette.regionLabel());
        }
        hoverShape.setFill(palette.hoverFill());
        hoverShape.setStroke(palette.regionStroke());
        for (Marker m : markers.values()) {
            m.repaint();
        }
    }

    private void paint(Path p, ArtPath.Stroke stroke) {
        switch (stroke) {
            case OUTLINE, FEATURE -> {
                p.setStroke(palette.ink());
                p.setFill(null);
            }
            case HINT -> {
                p.setStroke(palette.hint());
                p.setFill(null);
            }
            case FILL -> {
                p.setStroke(null);
                p.setFill(palette.ink());
            }
            case TONE -> {
                p.setStroke(null);
                p.setFill(palette.tone());
            }
        }
    }

    /** Whether the drawing is in the dark theme's colours. */
    public boolean drawnDark() {
        return palette == DARK;
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(SiteMap.class.getResource("site-map.css"), "site-map.css").toExternalForm();
    }

    // ------------------------------------------------------------------ public API

    /** The markers, on every view; the control shows those of the current view. */
    public ObservableList<MapPoint> points() {
        return points;
    }

    /** Keys of the selected markers. Keys of points that leave {@link #points()} drop out. */
    public ObservableSet<String> selectedKeys() {
        return selected;
    }

    public ObjectProperty<DiagramView> viewProperty() {
        return view;
    }

    public DiagramView getView() {
        return view.get();
    }

    public void setView(DiagramView v) {
        view.set(v);
    }

    /** A read-only map selects and zooms, but places, moves and deletes nothing. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public boolean isReadOnly() {
        return readOnly.get();
    }

    public void setReadOnly(boolean v) {
        readOnly.set(v);
    }

    /** Faint outlines of the named regions, labelled where they are big enough. */
    public BooleanProperty showRegionsProperty() {
        return showRegions;
    }

    public void setShowRegions(boolean v) {
        showRegions.set(v);
    }

    public BooleanProperty showZoomControlsProperty() {
        return showZoomControls;
    }

    /**
     * The kind of region the current brush charts (muscles for a toxin, areas for a filler): the
     * hover read-out and the region outlines use it. Null shows every shape.
     */
    public ObjectProperty<Region.Kind> preferredKindProperty() {
        return preferredKind;
    }

    public void setPreferredKind(Region.Kind k) {
        preferredKind.set(k);
    }

    /** 1 shows the whole drawing; up to {@value #MAX_ZOOM}. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double getZoom() {
        return zoom.get();
    }

    /** The site under the pointer (null when it is off the map), as the read-out shows it. */
    public ReadOnlyObjectProperty<Site> hoverSiteProperty() {
        return hoverSite.getReadOnlyProperty();
    }

    public DiagramGeometry geometry() {
        return geometry;
    }

    /** What a click on a marker does to the selection; {@link SelectionMode#REPLACE} unless set. */
    public ObjectProperty<SelectionMode> selectionModeProperty() {
        return selectionMode;
    }

    public SelectionMode getSelectionMode() {
        return selectionMode.get();
    }

    public void setSelectionMode(SelectionMode mode) {
        selectionMode.set(Objects.requireNonNull(mode, "mode"));
    }

    /** A click on an empty spot of the drawing, in normalised coordinates. */
    public void setOnPlace(BiConsumer<Double, Double> handler) {
        this.onPlace = handler;
    }

    public void setOnMove(MoveHandler handler) {
        this.onMove = handler;
    }

    /** A double-click on a marker. */
    public void setOnEdit(Consumer<String> handler) {
        this.onEdit = handler;
    }

    /** Delete or Backspace with a selection. */
    public void setOnDelete(Consumer<Set<String>> handler) {
        this.onDelete = handler;
    }

    /** M with a selection. */
    public void setOnMirror(Consumer<Set<String>> handler) {
        this.onMirror = handler;
    }

    public void setOnUndo(Runnable handler) {
        this.onUndo = handler;
    }

    public void setOnRedo(Runnable handler) {
        this.onRedo = handler;
    }

    public void zoomIn() {
        zoomBy(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomBy(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void resetZoom() {
        zoom.set(1);
        panX = 0;
        panY = 0;
        relayout();
    }

    /**
     * Zooms so that the current view's points fill the map, at most {@code maxZoom}: points a few
     * millimetres apart, such as a glabellar pattern, become targets a finger can tell apart. With
     * fewer than two points, or when they nearly fill the map already, the whole drawing shows. Before
     * the map has a size, it zooms once it is laid out. "Fit" (or 0) shows the whole drawing again.
     */
    public void zoomToPoints(double maxZoom) {
        if (!(maxZoom >= MIN_ZOOM)) {
            throw new IllegalArgumentException("maxZoom must be at least " + MIN_ZOOM + ": " + maxZoom);
        }
        pendingFit = Math.min(maxZoom, MAX_ZOOM);
        if (getWidth() > 0 && getHeight() > 0) {
            fitPending();
        } else {
            requestLayout();
        }
    }

    private void fitPending() {
        double max = pendingFit;
        pendingFit = Double.NaN;
        resetZoom();
        double w = getWidth();
        double h = getHeight();
        DiagramView v = view.get();
        List<Point2D> at = points.stream().filter(p -> p.view() == v).map(p -> toLocal(p.x(), p.y())).toList();
        if (at.size() < 2) {
            return;
        }
        double minX = at.stream().mapToDouble(Point2D::getX).min().orElse(0);
        double maxX = at.stream().mapToDouble(Point2D::getX).max().orElse(0);
        double minY = at.stream().mapToDouble(Point2D::getY).min().orElse(0);
        double maxY = at.stream().mapToDouble(Point2D::getY).max().orElse(0);
        double f = Math.min(Math.min((w - FIT_MARGIN_X) / Math.max(maxX - minX, 1),
                (h - FIT_MARGIN_Y) / Math.max(maxY - minY, 1)), max);
        if (f < FIT_MIN) {
            return;
        }
        // zoom about the point that brings the points' centre to the map's centre
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        zoomBy(f, (f * cx - w / 2) / (f - 1), (f * cy - h / 2) / (f - 1));
    }

    /**
     * Zooms by {@code factor} keeping the drawing under the local point (px, py) where it is, as a
     * pinch or Ctrl+wheel does.
     */
    public void zoomBy(double factor, double px, double py) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            return;
        }
        computeTransform();
        Point2D n = toDiagram(px, py);
        double z = clamp(zoom.get() * factor, MIN_ZOOM, MAX_ZOOM);
        zoom.set(z);
        double[] centred = centredOrigin(z);
        panX = px - n.getX() * baseW * z - centred[0];
        panY = py - n.getY() * baseH * z - centred[1];
        relayout();
    }

    /** Where normalised (x, y) of the current view is, in this control's local coordinates. */
    public Point2D toLocal(double x, double y) {
        computeTransform();
        double z = zoom.get();
        return new Point2D(originX + x * baseW * z, originY + y * baseH * z);
    }

    /** Where normalised (x, y) of the current view is on the screen (null if the control is not showing). */
    public Point2D toScreen(double x, double y) {
        Point2D p = toLocal(x, y);
        return localToScreen(p.getX(), p.getY());
    }

    /** The normalised coordinates under a local point (outside 0..1 when off the drawing). */
    public Point2D toDiagram(double localX, double localY) {
        computeTransform();
        double z = zoom.get();
        return new Point2D((localX - originX) / (baseW * z), (localY - originY) / (baseH * z));
    }

    /** The marker node of a point of the current view. */
    public Optional<Node> markerNode(String key) {
        return Optional.ofNullable(markers.get(key));
    }

    // ------------------------------------------------------------------ layout

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        clip.setWidth(w);
        clip.setHeight(h);
        zoomBox.autosize();
        Insets in = getInsets();
        zoomBox.relocate(w - in.getRight() - zoomBox.getWidth() - 10, in.getTop() + 10);
        placeReadout();
        relayout();
        if (!Double.isNaN(pendingFit) && w > 0 && h > 0) {
            fitPending();
        }
    }

    private void placeReadout() {
        readout.autosize();
        readout.relocate(getInsets().getLeft() + 10, getHeight() - getInsets().getBottom() - readout.getHeight() - 10);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 700;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 200;
    }

    private double[] centredOrigin(double z) {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        return new double[] {in.getLeft() + (w - baseW * z) / 2, in.getTop() + (h - baseH * z) / 2};
    }

    private void computeTransform() {
        Insets in = getInsets();
        double w = Math.max(1, getWidth() - in.getLeft() - in.getRight() - 2 * PADDING);
        double h = Math.max(1, getHeight() - in.getTop() - in.getBottom() - 2 * PADDING);
        double aspect = geometry.diagram(view.get()).aspect();
        baseH = Math.min(h, w / aspect);
        baseW = baseH * aspect;
        double z = zoom.get();
        // keep the drawing on screen: no panning past its edges
        double slackX = Math.max(0, (baseW * z - w) / 2);
        double slackY = Math.max(0, (baseH * z - h) / 2);
        panX = clamp(panX, -slackX, slackX);
        panY = clamp(panY, -slackY, slackY);
        double[] c = centredOrigin(z);
        originX = c[0] + panX;
        originY = c[1] + panY;
    }

    /** Puts the drawing, the outlines and the markers where the current size, zoom and pan say. */
    private void relayout() {
        computeTransform();
        double z = zoom.get();
        double sx = baseW * z;
        double sy = baseH * z;
        for (int i = 0; i < artElements.size(); i++) {
            PathElement e = artElements.get(i);
            double[] c = artCoords.get(i);
            if (e instanceof MoveTo m) {
                m.setX(originX + c[0] * sx);
                m.setY(originY + c[1] * sy);
            } else if (e instanceof LineTo l) {
                l.setX(originX + c[0] * sx);
                l.setY(originY + c[1] * sy);
            } else if (e instanceof CubicCurveTo cu) {
                cu.setControlX1(originX + c[0] * sx);
                cu.setControlY1(originY + c[1] * sy);
                cu.setControlX2(originX + c[2] * sx);
                cu.setControlY2(originY + c[3] * sy);
                cu.setX(originX + c[4] * sx);
                cu.setY(originY + c[5] * sy);
            } else if (e instanceof QuadCurveTo q) {
                q.setControlX(originX + c[0] * sx);
                q.setControlY(originY + c[1] * sy);
                q.setX(originX + c[2] * sx);
                q.setY(originY + c[3] * sy);
            }
        }
        // strokes thicken a little with the drawing's size, never with the full zoom factor
        double weight = clamp(Math.sqrt(baseH * Math.sqrt(z) / 800), 0.75, 1.6);
        for (int i = 0; i < artPaths.size(); i++) {
            Path p = artPaths.get(i);
            switch (artStrokes.get(i)) {
                case OUTLINE -> p.setStrokeWidth(1.7 * weight);
                case FEATURE -> p.setStrokeWidth(1.35 * weight);
                case HINT -> p.setStrokeWidth(1.15 * weight);
                default -> {
                }
            }
        }
        if (showRegions.get()) {
            for (int i = 0; i < regionPolygons.size(); i++) {
                placePolygon(regionPolygons.get(i), regionShapes.get(i));
            }
            for (int i = 0; i < regionLabels.size(); i++) {
                Text t = regionLabels.get(i);
                RegionShape s = regionLabelShapes.get(i);
                double w = t.getLayoutBounds().getWidth();
                double shapeW = (s.maxX() - s.minX()) * sx;
                double shapeH = (s.maxY() - s.minY()) * sy;
                t.setVisible(regionVisible(s) && w < shapeW * 1.15 && shapeH > 14);
                t.setX(originX + s.centroidX() * sx - w / 2);
                t.setY(originY + s.centroidY() * sy + 4);
            }
        }
        if (hoverShape.isVisible() && hoverShape.getUserData() instanceof RegionShape s) {
            placePolygon(hoverShape, s);
        }
        placeMarkers();
    }

    private void placeMarkers() {
        double z = zoom.get();
        double sx = baseW * z;
        double sy = baseH * z;
        for (Marker m : markers.values()) {
            if (m != pressedMarker || !draggingMarker) {
                m.setLayoutX(originX + m.point.x() * sx);
                m.setLayoutY(originY + m.point.y() * sy);
            }
        }
    }

    private void placePolygon(Polygon poly, RegionShape s) {
        ObservableList<Double> pts = poly.getPoints();
        double z = zoom.get();
        Double[] a = new Double[s.size() * 2];
        for (int k = 0; k < s.size(); k++) {
            a[2 * k] = originX + s.x(k) * baseW * z;
            a[2 * k + 1] = originY + s.y(k) * baseH * z;
        }
        pts.setAll(a);
    }

    // ------------------------------------------------------------------ the drawing

    private void buildDiagram() {
        Diagram d = geometry.diagram(view.get());
        artElements.clear();
        artCoords.clear();
        artPaths.clear();
        artStrokes.clear();
        List<Node> nodes = new ArrayList<>();
        for (ArtPath a : d.art()) {
            Path p = new Path();
            for (ArtPath.Segment s : a.segments()) {
                PathElement e = switch (s.op()) {
                    case MOVE -> new MoveTo();
                    case LINE -> new LineTo();
                    case CUBIC -> new CubicCurveTo();
                    case QUAD -> new QuadCurveTo();
                    case CLOSE -> new ClosePath();
                };
                p.getElements().add(e);
                artElements.add(e);
                artCoords.add(s.xy());
            }
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            p.setStrokeLineJoin(StrokeLineJoin.ROUND);
            switch (a.stroke()) {
                case OUTLINE, FEATURE, HINT, FILL -> { }
                case TONE -> p.setOpacity(0.7);
            }
            paint(p, a.stroke());
            p.getStyleClass().add("site-map-art-" + a.stroke().name().toLowerCase(java.util.Locale.ROOT));
            artPaths.add(p);
            artStrokes.add(a.stroke());
            nodes.add(p);
        }
        artLayer.getChildren().setAll(nodes);

        regionPolygons.clear();
        regionShapes.clear();
        regionLabels.clear();
        regionLabelShapes.clear();
        List<Node> outlines = new ArrayList<>();
        Map<Site, RegionShape> biggest = new HashMap<>();
        for (RegionShape s : d.shapes()) {
            Polygon poly = new Polygon();
            poly.setFill(palette.regionFill());
            poly.setStroke(palette.regionStroke());
            poly.setStrokeWidth(1);
            poly.getStrokeDashArray().setAll(5.0, 4.0);
            regionPolygons.add(poly);
            regionShapes.add(s);
            outlines.add(poly);
            biggest.merge(s.site(), s, (a, b) -> a.area() >= b.area() ? a : b);
        }
        for (RegionShape s : d.shapes()) {
            if (biggest.get(s.site()) != s) {
                continue;
            }
            Text t = new Text(shortName(s.region()));
            t.setFont(REGION_FONT);
            t.setFill(palette.regionLabel());
            regionLabels.add(t);
            regionLabelShapes.add(s);
            outlines.add(t);
        }
        regionLayer.getChildren().setAll(outlines);
        hoverShape.setVisible(false);
        hoverShape.setUserData(null);
        applyRegionFilter();
    }

    private boolean regionVisible(RegionShape s) {
        Region.Kind k = preferredKind.get();
        return k == null || s.region().kind() == k
                || (k == Region.Kind.AREA && s.region().kind() == Region.Kind.BODY)
                || (k == Region.Kind.BODY && s.region().kind() == Region.Kind.AREA);
    }

    private void applyRegionFilter() {
        for (int i = 0; i < regionPolygons.size(); i++) {
            regionPolygons.get(i).setVisible(regionVisible(regionShapes.get(i)));
        }
        relayout();
    }

    private static final Map<Region, String> SHORT = new EnumMap<>(Region.class);

    static {
        SHORT.put(Region.CORRUGATOR, "Corrugator");
        SHORT.put(Region.DEPRESSOR_SUPERCILII, "Depr. supercilii");
        SHORT.put(Region.ORBICULARIS_OCULI_LATERAL, "Crow's feet");
        SHORT.put(Region.ORBICULARIS_OCULI_LOWER_LID, "Lower lid");
        SHORT.put(Region.NASALIS, "Nasalis");
        SHORT.put(Region.LEVATOR_LABII_ALAEQUE_NASI, "LLSAN");
        SHORT.put(Region.ORBICULARIS_ORIS_UPPER, "Upper lip lines");
        SHORT.put(Region.ORBICULARIS_ORIS_LOWER, "Lower lip lines");
        SHORT.put(Region.DEPRESSOR_ANGULI_ORIS, "DAO");
        SHORT.put(Region.PLATYSMA, "Platysma");
        SHORT.put(Region.MALAR, "Malar");
        SHORT.put(Region.LIPS, "Lips");
        SHORT.put(Region.OTHER, "Other");
    }

    /** A name short enough to label a region on the drawing. */
    static String shortName(Region r) {
        return SHORT.getOrDefault(r, r.label());
    }

    // ------------------------------------------------------------------ markers

    private void syncMarkers() {
        DiagramView v = view.get();
        Map<String, Marker> now = new HashMap<>();
        List<Node> order = new ArrayList<>();
        List<Node> selectedOnTop = new ArrayList<>();
        Set<String> allKeys = new HashSet<>();
        for (MapPoint p : points) {
            allKeys.add(p.key());
            if (p.view() != v || now.containsKey(p.key())) {
                continue;
            }
            Marker m = markers.get(p.key());
            if (m == null) {
                m = new Marker(p);
            } else if (!m.point.equals(p)) {
                m.update(p);
            }
            boolean on = selected.contains(p.key());
            m.setSelected(on);
            now.put(p.key(), m);
            (on ? selectedOnTop : order).add(m);
        }
        order.addAll(selectedOnTop);
        if (pressedMarker != null && !now.containsKey(pressedMarker.key())) {
            pressedMarker = null;
            draggingMarker = false;
        }
        markers = now;
        if (!markerLayer.getChildren().equals(order)) {
            markerLayer.getChildren().setAll(order);
        }
        if (!allKeys.containsAll(selected)) {
            selected.retainAll(allKeys);
        }
        computeTransform();
        placeMarkers();
    }

    /** A marker: a pill in the product's colour with the amount, inside a larger invisible hit target. */
    private final class Marker extends Group {
        private final Rectangle hit = new Rectangle();
        private final Rectangle halo = new Rectangle();
        private final Rectangle pill = new Rectangle();
        private final Text text = new Text();
        private MapPoint point;

        Marker(MapPoint p) {
            getStyleClass().add("site-marker");
            // picked by its shape, never painted (an opacity of 0 skips rendering, not picking)
            hit.setFill(Color.BLACK);
            hit.setOpacity(0);
            halo.setFill(null);
            halo.setStroke(palette.accent());
            halo.setStrokeWidth(3);
            halo.setVisible(false);
            pill.setStroke(palette.markerRim());
            pill.setStrokeWidth(1.5);
            text.setFont(MARKER_FONT);
            text.setMouseTransparent(true);
            getChildren().addAll(hit, halo, pill, text);
            update(p);
        }

        String key() {
            return point.key();
        }

        void update(MapPoint p) {
            MapPoint old = point;
            point = p;
            if (old != null && old.label().equals(p.label()) && Objects.equals(old.colorHex(), p.colorHex())) {
                return; // moved only: placeMarkers() puts it where it belongs
            }
            if (old == null || !old.key().equals(p.key())) {
                setId("marker-" + p.key());
            }
            Color c = colour(p.colorHex());
            text.setText(p.label());
            double tw = p.label().isEmpty() ? 0 : text.getLayoutBounds().getWidth();
            double ph = 24;
            double pw = Math.max(ph, tw + 12);
            pill.setWidth(pw);
            pill.setHeight(ph);
            pill.setArcWidth(ph);
            pill.setArcHeight(ph);
            pill.setX(-pw / 2);
            pill.setY(-ph / 2);
            pill.setFill(c);
            halo.setWidth(pw + 8);
            halo.setHeight(ph + 8);
            halo.setArcWidth(ph + 8);
            halo.setArcHeight(ph + 8);
            halo.setX(-pw / 2 - 4);
            halo.setY(-ph / 2 - 4);
            double hw = Math.max(MARKER_HIT, pw + 8);
            hit.setWidth(hw);
            hit.setHeight(MARKER_HIT);
            hit.setArcWidth(MARKER_HIT);
            hit.setArcHeight(MARKER_HIT);
            hit.setX(-hw / 2);
            hit.setY(-MARKER_HIT / 2);
            text.setFill(luminance(c) > 0.55 ? Color.web("#1f2328") : Color.WHITE);
            text.setX(-tw / 2);
            text.setY(text.getBaselineOffset() - text.getLayoutBounds().getHeight() / 2);
            setAccessibleText(p.label().isEmpty() ? "point" : p.label());
        }

        void repaint() {
            halo.setStroke(palette.accent());
            pill.setStroke(palette.markerRim());
        }

        void setSelected(boolean on) {
            halo.setVisible(on);
            pseudoClassStateChanged(SELECTED, on);
            if (on) {
                toFront();
            }
        }
    }

    private static Color colour(String hex) {
        if (hex == null || hex.isBlank()) {
            return FALLBACK;
        }
        try {
            return Color.web(hex);
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    private Marker markerOf(MouseEvent e) {
        Node n = e.getPickResult().getIntersectedNode();
        while (n != null && n != this) {
            if (n instanceof Marker m) {
                return m;
            }
            n = n.getParent();
        }
        return null;
    }

    // ------------------------------------------------------------------ input

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        moved = false;
        draggingMarker = false;
        panStartX = panX;
        panStartY = panY;
        Marker m = markerOf(e);
        boolean additive = e.isShiftDown() || e.isShortcutDown();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            gesture = Gesture.PAN;
        } else if (e.getButton() == MouseButton.PRIMARY && m != null) {
            gesture = Gesture.MARKER;
            pressedMarker = m;
            if (!toggling() && !additive && !selected.contains(m.key())) {
                selectOnly(m.key());
            }
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.EMPTY;
        } else {
            gesture = Gesture.NONE;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (gesture == Gesture.NONE) {
            return;
        }
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (!moved && Math.hypot(dx, dy) > (toggling() ? 2 * CLICK_SLOP : CLICK_SLOP)) {
            moved = true;
        }
        if (!moved) {
            return;
        }
        switch (gesture) {
            case PAN, EMPTY -> {
                panX = panStartX + dx;
                panY = panStartY + dy;
                relayout();
            }
            case MARKER -> {
                if (!readOnly.get() && pressedMarker != null) {
                    draggingMarker = true;
                    Point2D start = toLocal(pressedMarker.point.x(), pressedMarker.point.y());
                    pressedMarker.setLayoutX(start.getX() + dx);
                    pressedMarker.setLayoutY(start.getY() + dy);
                    pressedMarker.toFront();
                    hover(start.getX() + dx, start.getY() + dy);
                }
            }
            default -> {
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Gesture g = gesture;
        gesture = Gesture.NONE;
        boolean additive = e.isShiftDown() || e.isShortcutDown();
        if (g == Gesture.MARKER && pressedMarker != null) {
            Marker m = pressedMarker;
            if (draggingMarker) {
                Point2D n = toDiagram(m.getLayoutX(), m.getLayoutY());
                draggingMarker = false;
                pressedMarker = null;
                if (onMove != null) {
                    onMove.moved(m.key(), clamp(n.getX(), 0, 1), clamp(n.getY(), 0, 1));
                }
                relayout(); // back where the model says, if the owner did not move it
            } else if (!moved) {
                pressedMarker = null;
                if (additive || toggling()) {
                    if (!selected.remove(m.key())) {
                        selected.add(m.key());
                    }
                } else {
                    selectOnly(m.key());
                    if (e.getClickCount() == 2 && onEdit != null) {
                        onEdit.accept(m.key());
                    }
                }
            } else {
                pressedMarker = null;
            }
        } else if (g == Gesture.EMPTY && !moved && !(toggling() && readOnly.get())) {
            // (a glove brushing a read-only drawing while picking points must not throw them away)
            if (!toggling() && (additive || readOnly.get())) {
                selected.clear();
            } else {
                Point2D n = toDiagram(e.getX(), e.getY());
                if (n.getX() >= 0 && n.getX() <= 1 && n.getY() >= 0 && n.getY() <= 1 && onPlace != null) {
                    onPlace.accept(n.getX(), n.getY());
                }
            }
        }
        e.consume();
    }

    private boolean toggling() {
        return selectionMode.get() == SelectionMode.TOGGLE;
    }

    private void selectOnly(String key) {
        if (selected.size() == 1 && selected.contains(key)) {
            return;
        }
        selected.retainAll(Set.of(key));
        selected.add(key);
    }

    private void hover(double lx, double ly) {
        if (Double.isNaN(lx)) {
            hoverSite.set(null);
            hoverShape.setVisible(false);
            return;
        }
        Point2D n = toDiagram(lx, ly);
        if (n.getX() < 0 || n.getX() > 1 || n.getY() < 0 || n.getY() > 1) {
            hoverSite.set(null);
            hoverShape.setVisible(false);
            return;
        }
        DiagramView v = view.get();
        Optional<RegionShape> s = geometry.shapeAt(v, n.getX(), n.getY(), preferredKind.get());
        hoverSite.set(s.map(RegionShape::site).orElseGet(() -> new Site(Region.OTHER, geometry.sideOf(v, n.getX()))));
        if (s.isPresent()) {
            hoverShape.setUserData(s.get());
            placePolygon(hoverShape, s.get());
            hoverShape.setVisible(true);
        } else {
            hoverShape.setVisible(false);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            double dy = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            zoomBy(Math.pow(1.0025, dy), e.getX(), e.getY());
            e.consume();
        } else if (zoom.get() > MIN_ZOOM && e.getTouchCount() != 1) {
            panX += e.getDeltaX();
            panY += e.getDeltaY();
            relayout();
            e.consume();
        }
    }

    private void keyPressed(KeyEvent e) {
        boolean shortcut = e.isShortcutDown();
        KeyCode k = e.getCode();
        boolean edit = !readOnly.get();
        Set<String> sel = Collections.unmodifiableSet(new LinkedHashSet<>(selected));
        if (k == KeyCode.SPACE) {
            spaceDown = true;
        } else if (k == KeyCode.ESCAPE) {
            selected.clear();
        } else if (shortcut && k == KeyCode.Z && !e.isShiftDown()) {
            if (edit && onUndo != null) {
                onUndo.run();
            }
        } else if (shortcut && (k == KeyCode.Y || (k == KeyCode.Z && e.isShiftDown()))) {
            if (edit && onRedo != null) {
                onRedo.run();
            }
        } else if ((k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) && !shortcut) {
            if (edit && onDelete != null && !sel.isEmpty()) {
                onDelete.accept(sel);
            }
        } else if (k == KeyCode.M && !shortcut) {
            if (edit && onMirror != null && !sel.isEmpty()) {
                onMirror.accept(sel);
            }
        } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
            zoomIn();
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
            resetZoom();
        } else {
            return;
        }
        e.consume();
    }

    private void assignChromeIds() {
        String base = getId() == null || getId().isBlank() ? "siteMap" : getId();
        zoomInButton.setId(base + "ZoomIn");
        zoomOutButton.setId(base + "ZoomOut");
        zoomResetButton.setId(base + "ZoomReset");
        readout.setId(base + "Readout");
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
