package org.needlepoint.photo;

import java.util.List;
import javafx.fxml.FXML;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * Compare (CompareView.fxml, inside the Photos tab): two photos of one view side by side, or one over the other
 * (overlay with an opacity slider, or a wipe), one zoom and pan for both (scroll to zoom, drag to move), aligned
 * by their marked pupils, with a midline and facial-thirds guide. The state and its rules are in
 * {@link CompareModel}; photos are read (audited) and decoded at screen size in the background.
 */
public final class CompareController {
    /**
     * The longest side a compared photo is decoded to when zoomed in (a 12-megapixel photo read at every second
     * pixel). It opens at the size its side of the screen shows, which is quicker to read and lighter to draw; it
     * is read again sharper, from the bytes already read, once a zoom or a wider pane shows more of its pixels.
     */
    static final int SHARP = 1600;
    /** The radius of a pupil's mark on screen, in pixels. */
    static final double MARK_RADIUS = 9;

    private final PhotoService photos;
    private final Background background;
    private final CompareModel model = new CompareModel();
    private Runnable onClose = () -> { };
    private Image firstImage;
    private Image secondImage;
    /** The pair's originals as read (and audited) when it was opened, for reading them again sharper. */
    private byte[] firstBytes;
    private byte[] secondBytes;
    /** The longer side, in pixels, the shown images were decoded to; and a sharper one being decoded. */
    private int decodedSide;
    private boolean sharpening;
    private long loads;
    /** True while {@link #show} fills the two choices: their actions are not a person's choice. */
    private boolean filling;
    private double dragX;
    private double dragY;
    private boolean dragged;

    @FXML private ComboBox<Photo> compareFirstBox;
    @FXML private ComboBox<Photo> compareSecondBox;
    @FXML private ToggleButton sideBySideButton;
    @FXML private ToggleButton overlayButton;
    @FXML private ToggleButton wipeButton;
    @FXML private Slider overlayOpacity;
    @FXML private Slider wipeSlider;
    @FXML private HBox opacityControls;
    @FXML private HBox wipeControls;
    @FXML private CheckBox alignCheck;
    @FXML private CheckBox guidesCheck;
    @FXML private Button markFirstButton;
    @FXML private Button markSecondButton;
    @FXML private Button fitButton;
    @FXML private Label compareHint;
    @FXML private Label compareError;
    @FXML private Pane leftPane;
    @FXML private Pane rightPane;

    private final PhotosModel captions;

    public CompareController(PhotoService photos, Background background, java.time.ZoneId zone) {
        this.photos = photos;
        this.background = background;
        this.captions = new PhotosModel(zone);
    }

    public CompareModel model() {
        return model;
    }

    public void setOnClose(Runnable r) {
        onClose = r;
    }

    @FXML
    private void initialize() {
        ToggleGroup modes = new ToggleGroup();
        sideBySideButton.setToggleGroup(modes);
        overlayButton.setToggleGroup(modes);
        wipeButton.setToggleGroup(modes);
        sideBySideButton.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one mode is always chosen
                return;
            }
            model.modeProperty().set(b == overlayButton ? CompareModel.Mode.OVERLAY : b == wipeButton
                    ? CompareModel.Mode.WIPE : CompareModel.Mode.SIDE_BY_SIDE);
        });
        overlayOpacity.valueProperty().bindBidirectional(model.opacityProperty());
        wipeSlider.valueProperty().bindBidirectional(model.wipeProperty());
        opacityControls.visibleProperty().bind(model.opacityLive());
        opacityControls.managedProperty().bind(model.opacityLive());
        wipeControls.visibleProperty().bind(model.wipeLive());
        wipeControls.managedProperty().bind(model.wipeLive());
        alignCheck.selectedProperty().bindBidirectional(model.alignedProperty());
        guidesCheck.selectedProperty().bindBidirectional(model.guidesProperty());
        for (var p : List.of(model.modeProperty(), model.opacityProperty(), model.wipeProperty(), model.zoomProperty(),
                model.panXProperty(), model.panYProperty(), model.alignedProperty(), model.guidesProperty(),
                model.firstProperty(), model.secondProperty())) {
            p.addListener((o, a, b) -> draw());
        }
        for (Pane pane : List.of(leftPane, rightPane)) {
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(pane.widthProperty());
            clip.heightProperty().bind(pane.heightProperty());
            pane.setClip(clip);
            pane.widthProperty().addListener((o, a, b) -> draw());
            pane.heightProperty().addListener((o, a, b) -> draw());
            pane.addEventHandler(ScrollEvent.SCROLL, e -> {
                Point2D w = toWorld(pane, e.getX(), e.getY());
                model.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, w.getX(), w.getY());
                e.consume();
            });
            pane.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                dragX = e.getX();
                dragY = e.getY();
                dragged = false;
            });
            pane.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
                double s = scale(pane);
                model.pan((e.getX() - dragX) / s, (e.getY() - dragY) / s);
                dragX = e.getX();
                dragY = e.getY();
                dragged = true;
            });
            pane.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (!dragged) {
                    clicked(pane, e.getX(), e.getY());
                }
            });
        }
        for (ComboBox<Photo> box : List.of(compareFirstBox, compareSecondBox)) {
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Photo p) {
                    return p == null ? "" : captions.caption(p);
                }

                @Override
                public Photo fromString(String s) {
                    return null;
                }
            });
        }
        compareFirstBox.setOnAction(e -> choose());
        compareSecondBox.setOnAction(e -> choose());
    }

    /** Shows {@code pair} of the view's photos ({@code all}, oldest first: the choice of pair). */
    public void show(List<Photo> all, List<Photo> pair) {
        filling = true;
        try {
            compareFirstBox.getItems().setAll(all);
            compareSecondBox.getItems().setAll(all);
            compareFirstBox.setValue(pair.get(0));
            compareSecondBox.setValue(pair.get(1));
        } finally {
            filling = false;
        }
        load(pair);
    }

    private void choose() {
        if (filling) {
            return; // show() loads the pair once it has set both
        }
        Photo a = compareFirstBox.getValue();
        Photo b = compareSecondBox.getValue();
        if (a != null && b != null && a.id() != b.id() && (model.firstProperty().get() == null
                || !(a.id() == model.firstProperty().get().id() && b.id() == model.secondProperty().get().id()))) {
            load(List.of(a, b));
        }
    }

    private void load(List<Photo> pair) {
        long load = ++loads;
        Forms.showError(compareError, null);
        int side = screenSide(pair);
        record Decoded(byte[] bytes, Image image) {
        }
        record Pair(Decoded a, Decoded b) {
        }
        background.run(() -> {
            // the two photos are read and decoded at once, one of them on another core
            java.util.concurrent.CompletableFuture<Decoded> other = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] bytes = photos.original(pair.get(1).id());
                    return new Decoded(bytes, decode(bytes, pair.get(1), side));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] bytes = photos.original(pair.get(0).id());
            Decoded first = new Decoded(bytes, decode(bytes, pair.get(0), side));
            try {
                return new Pair(first, other.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }, p -> {
            if (load != loads) {
                return;
            }
            boolean swap = pair.get(1).when().isBefore(pair.get(0).when());
            Decoded older = swap ? p.b() : p.a();
            Decoded newer = swap ? p.a() : p.b();
            firstImage = older.image();
            secondImage = newer.image();
            firstBytes = older.bytes();
            secondBytes = newer.bytes();
            decodedSide = side;
            sharpening = false;
            model.show(pair);
            hint();
            draw();
        }, e -> Forms.showError(compareError, Forms.message(e)));
    }

    /**
     * The longer side, in the screen's pixels, the pair's photos take in their pane as it is now (a side of the
     * screen side by side, the whole width one over the other), zoom included: what they are decoded to. Before
     * the panes are laid out, the window's size stands in.
     */
    private int screenSide(List<Photo> pair) {
        boolean side = model.modeProperty().get() == CompareModel.Mode.SIDE_BY_SIDE;
        double w = leftPane.getWidth();
        double h = leftPane.getHeight();
        if (w <= 0 || h <= 0) {
            javafx.scene.Scene scene = leftPane.getScene();
            w = scene == null ? SHARP : side ? scene.getWidth() / 2 : scene.getWidth();
            h = scene == null ? SHARP : scene.getHeight();
        }
        javafx.stage.Window window = leftPane.getScene() == null ? null : leftPane.getScene().getWindow();
        double dpi = window == null ? 1 : Math.max(window.getRenderScaleX(), window.getRenderScaleY());
        double most = 0;
        for (Photo p : pair) {
            double fit = Math.min(w / p.width(), h / p.height()) * model.zoomProperty().get();
            most = Math.max(most, Math.max(p.width(), p.height()) * fit * dpi);
        }
        return (int) Math.ceil(most);
    }

    /** The photo upright at no fewer than {@code side} pixels on its longer side (read at every n-th pixel). */
    private static Image decode(byte[] bytes, Photo p, int side) throws java.io.IOException {
        return FxPhotos.image(ImageFile.decodeAtLeast(bytes, p.orientation(), side));
    }

    /**
     * When the photos take more pixels on screen than they were decoded to (zoomed in, or one over the other
     * across the whole width), reads them again sharper from the bytes already read, up to {@link #SHARP} pixels.
     */
    private void sharpenIfNeeded() {
        Photo a = model.firstProperty().get();
        Photo b = model.secondProperty().get();
        if (a == null || b == null || firstBytes == null || sharpening || decodedSide >= SHARP) {
            return;
        }
        int need = screenSide(List.of(a, b));
        if (need <= decodedSide * 1.05) {
            return;
        }
        int side = Math.min(SHARP, (int) (need * 1.5)); // a little ahead, so that each scroll does not read again
        long load = loads;
        byte[] older = firstBytes;
        byte[] newer = secondBytes;
        sharpening = true;
        background.run(() -> new Image[] {decode(older, a, side), decode(newer, b, side)}, images -> {
            if (load != loads) {
                return;
            }
            sharpening = false;
            firstImage = images[0];
            secondImage = images[1];
            decodedSide = side;
            draw();
        }, e -> {
            sharpening = false;
            Forms.showError(compareError, Forms.message(e));
        });
    }

    private void hint() {
        Photo m = model.marking();
        if (m != null) {
            compareHint.setText(model.markedOne() ? "Now click the pupil on the right of the photo."
                    : "Click the pupil on the left of the photo (" + m.moment().label().toLowerCase(java.util.Locale.ROOT) + ").");
        } else if (!model.canAlign()) {
            compareHint.setText("Mark the pupils on both photos to line the faces up.");
        } else {
            compareHint.setText("Aligned by the pupils. Scroll to zoom, drag to move.");
        }
    }

    /** The scale from world (the first photo's pixels) to the screen in {@code pane}. */
    private double scale(Pane pane) {
        Photo a = model.firstProperty().get();
        if (a == null || pane.getWidth() <= 0) {
            return 1;
        }
        return Math.min(pane.getWidth() / a.width(), pane.getHeight() / a.height()) * model.zoomProperty().get();
    }

    private Point2D offset(Pane pane) {
        Photo a = model.firstProperty().get();
        double fit = Math.min(pane.getWidth() / a.width(), pane.getHeight() / a.height());
        return new Point2D((pane.getWidth() - a.width() * fit) / 2, (pane.getHeight() - a.height() * fit) / 2);
    }

    private Point2D toWorld(Pane pane, double x, double y) {
        if (model.firstProperty().get() == null) {
            return Point2D.ZERO;
        }
        Point2D o = offset(pane);
        double s = scale(pane);
        return new Point2D((x - o.getX()) / s - model.panXProperty().get(), (y - o.getY()) / s - model.panYProperty().get());
    }

    private void draw() {
        Photo a = model.firstProperty().get();
        Photo b = model.secondProperty().get();
        leftPane.getChildren().clear();
        rightPane.getChildren().clear();
        if (a == null || b == null || firstImage == null || leftPane.getWidth() <= 0) {
            return;
        }
        boolean side = model.modeProperty().get() == CompareModel.Mode.SIDE_BY_SIDE;
        rightPane.setVisible(side);
        rightPane.setManaged(side);
        Group left = world(leftPane);
        left.getChildren().add(view(firstImage, a));
        marks(left, a.pupils(), scale(leftPane));
        Group second = new Group(view(secondImage, b));
        Similarity t = model.placement();
        Affine place = new Affine(t.scale() * Math.cos(t.angle()), -t.scale() * Math.sin(t.angle()), t.tx(),
                t.scale() * Math.sin(t.angle()), t.scale() * Math.cos(t.angle()), t.ty());
        second.getTransforms().add(place);
        marks(second, b.pupils(), scale(side ? rightPane : leftPane) * t.scale());
        if (side) {
            Group right = world(rightPane);
            right.getChildren().add(second);
            guides(right, a);
        } else {
            Group holder = new Group(second);
            if (model.modeProperty().get() == CompareModel.Mode.OVERLAY) {
                holder.setOpacity(model.opacityProperty().get());
            } else {
                holder.setClip(new Rectangle(0, 0, a.width() * model.wipeProperty().get(), a.height()));
                Line edge = new Line(a.width() * model.wipeProperty().get(), 0, a.width() * model.wipeProperty().get(),
                        a.height());
                edge.setStroke(Color.WHITE);
                edge.setStrokeWidth(a.width() / 300.0);
                left.getChildren().addAll(holder, edge);
                holder = null;
            }
            if (holder != null) {
                left.getChildren().add(holder);
            }
        }
        guides(left, a);
        sharpenIfNeeded();
    }

    private Group world(Pane pane) {
        Group g = new Group();
        Point2D o = offset(pane);
        double s = scale(pane);
        g.getTransforms().addAll(new Translate(o.getX(), o.getY()), new Scale(s, s),
                new Translate(model.panXProperty().get(), model.panYProperty().get()));
        pane.getChildren().add(g);
        return g;
    }

    private static ImageView view(Image img, Photo p) {
        ImageView v = new ImageView(img);
        v.setFitWidth(p.width());
        v.setFitHeight(p.height());
        v.setSmooth(true);
        return v;
    }

    /** The pupils as rings of about {@link #MARK_RADIUS} screen pixels, whatever the zoom: {@code perPixel} is the
     *  screen size of one of the group's pixels. */
    private static void marks(Group g, Pupils p, double perPixel) {
        if (p == null || perPixel <= 0) {
            return;
        }
        double r = MARK_RADIUS / perPixel;
        for (double[] xy : new double[][] {{p.leftX(), p.leftY()}, {p.rightX(), p.rightY()}}) {
            Circle c = new Circle(xy[0], xy[1], r);
            c.setFill(Color.TRANSPARENT);
            c.setStroke(Color.LIME);
            c.setStrokeWidth(2.5 / perPixel);
            g.getChildren().add(c);
        }
    }

    /** A midline through the pupils' middle (or the photo's), and lines dividing the face in thirds. */
    private void guides(Group g, Photo a) {
        if (!model.guidesProperty().get()) {
            return;
        }
        double mid = a.pupils() == null ? a.width() / 2.0 : (a.pupils().leftX() + a.pupils().rightX()) / 2;
        double w = a.width() / 400.0;
        Line midline = new Line(mid, 0, mid, a.height());
        midline.setStroke(Color.YELLOW);
        midline.setStrokeWidth(w);
        midline.getStrokeDashArray().addAll(w * 8, w * 6);
        g.getChildren().add(midline);
        for (int i = 1; i <= 2; i++) {
            Line third = new Line(0, a.height() * i / 3.0, a.width(), a.height() * i / 3.0);
            third.setStroke(Color.YELLOW);
            third.setStrokeWidth(w);
            g.getChildren().add(third);
        }
    }

    private void clicked(Pane pane, double x, double y) {
        Photo m = model.marking();
        if (m == null) {
            return;
        }
        Photo b = model.secondProperty().get();
        boolean isSecond = b != null && m.id() == b.id();
        if (model.modeProperty().get() == CompareModel.Mode.SIDE_BY_SIDE && pane != (isSecond ? rightPane : leftPane)) {
            return; // side by side, a photo's pupils are marked on its own side
        }
        Point2D w = toWorld(pane, x, y);
        double px = w.getX();
        double py = w.getY();
        if (isSecond) {
            // world -> the second photo's pixels: the inverse of its placement
            Similarity t = model.placement();
            double dx = px - t.tx();
            double dy = py - t.ty();
            double c = Math.cos(-t.angle()) / t.scale();
            double s = Math.sin(-t.angle()) / t.scale();
            px = c * dx - s * dy;
            py = s * dx + c * dy;
        }
        Pupils p = model.click(m, px, py);
        hint();
        if (p != null) {
            long based = m.pupils() == null ? 0 : m.pupils().markId();
            background.run(() -> photos.markPupils(m.id(), based, p), saved -> {
                model.updated(saved);
                hint();
                draw();
            }, e -> {
                Forms.showError(compareError, Forms.message(e));
                hint();
            });
        }
    }

    @FXML
    private void markFirst() {
        startMarking(model.firstProperty().get());
    }

    @FXML
    private void markSecond() {
        startMarking(model.secondProperty().get());
    }

    private void startMarking(Photo p) {
        if (p == null) {
            return;
        }
        Forms.showError(compareError, null);
        model.startMarking(p);
        hint();
    }

    @FXML
    private void zoomIn() {
        Photo a = model.firstProperty().get();
        if (a != null) {
            model.zoomAt(1.25, a.width() / 2.0 - model.panXProperty().get(), a.height() / 2.0 - model.panYProperty().get());
        }
    }

    @FXML
    private void zoomOut() {
        Photo a = model.firstProperty().get();
        if (a != null) {
            model.zoomAt(0.8, a.width() / 2.0 - model.panXProperty().get(), a.height() / 2.0 - model.panYProperty().get());
        }
    }

    @FXML
    private void fit() {
        model.fit();
    }

    @FXML
    private void close() {
        model.stopMarking();
        loads++; // a load under way is not shown
        firstBytes = null;
        secondBytes = null;
        firstImage = null;
        secondImage = null;
        onClose.run();
    }
}
