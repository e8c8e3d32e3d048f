package org.needlepoint.photo;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.needlepoint.common.Changes;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;

/**
 * The Photos tab of a patient's record (PhotosView.fxml): where new photos go (visit or adverse event, view,
 * moment), importing files or a folder (a camera's card) or dropping them on the tab; the photos as thumbnails
 * by visit and view, made in the background; Compare for a view (CompareView.fxml, in the same tab). Follows the
 * change feed, so a photo imported on another PC appears.
 */
public final class PhotosController {
    /** A thumbnail's box: the photo fits in it, at its own size. */
    static final int THUMB = 200;
    static final int THUMB_HEIGHT = 150;
    /** The key of photosRoot's property holding the drop handler (a Consumer of the dropped paths). */
    public static final String DROP = "photos.drop";

    private final PhotoService photos;
    private final Background background;
    private final Changes changes;
    private final PhotosModel model;
    private final Map<String, Image> thumbs = new HashMap<>();
    /** The thumbnails being made, with the tiles waiting for each (a reload during an import draws tiles again). */
    private final Map<String, List<Waiting>> decoding = new HashMap<>();
    /**
     * The photos (by hash) whose thumbnail an import is making from the file it has just saved: their tiles wait
     * for it rather than read the original back from the records. Filled by the importing thread.
     */
    private final Set<String> madeByImport = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The tiles on screen by photo id. */
    private final Map<Long, VBox> shownTiles = new HashMap<>();
    /** The groups on screen (a title and its tiles) by their label. */
    private final Map<String, Shown> shownGroups = new HashMap<>();
    private final Label noPhotos = new Label("No photos yet.");
    private Long patientId;
    private long loads;
    private Photo selected;

    @FXML private StackPane photosRoot;
    @FXML private VBox browsePane;
    @FXML private ComboBox<PhotoTarget> photoTargetBox;
    @FXML private ComboBox<Pose> photoPoseBox;
    @FXML private TextField bodyAreaField;
    @FXML private ComboBox<Moment> photoMomentBox;
    @FXML private Button importPhotosButton;
    @FXML private Button importFolderButton;
    @FXML private Label photosError;
    @FXML private Label photosStatus;
    @FXML private Label thumbnailsStatus;
    @FXML private Label dropHint;
    @FXML private ComboBox<Pose> comparePoseBox;
    @FXML private Button compareButton;
    @FXML private Button removePhotoButton;
    @FXML private ScrollPane photoScroll;
    @FXML private VBox photoGroups;
    @FXML private VBox compare;
    @FXML private CompareController compareController;

    public PhotosController(PhotoService photos, Background background, Changes changes, ZoneId zone) {
        this.photos = photos;
        this.background = background;
        this.changes = changes;
        this.model = new PhotosModel(zone);
    }

    @FXML
    private void initialize() {
        photoPoseBox.getItems().setAll(Pose.values());
        photoPoseBox.setValue(Pose.FRONT);
        photoMomentBox.getItems().setAll(Moment.values());
        photoMomentBox.setValue(Moment.BEFORE);
        bodyAreaField.disableProperty().bind(photoPoseBox.valueProperty().isNotEqualTo(Pose.BODY));
        compareButton.disableProperty().bind(comparePoseBox.valueProperty().isNull());
        removePhotoButton.setDisable(true);
        compare.setVisible(false);
        noPhotos.getStyleClass().add("text-muted");
        // The scroll pane's skin keeps its viewport as one cached picture: then a thumbnail coming in repaints every
        // tile in view, not just its own (in software rendering a tenth of a second for a screenful, per thumbnail).
        photoScroll.skinProperty().addListener((o, was, skin) -> uncacheViewport());
        uncacheViewport();
        // what a drop does, for a drop that is not a drag from the desktop (a headless test cannot make a Dragboard)
        photosRoot.getProperties().put(DROP, (java.util.function.Consumer<List<Path>>) this::importPaths);
        compareController.setOnClose(() -> {
            compare.setVisible(false);
            browsePane.setVisible(true);
        });
        // one reload at a time: an import of 50 photos is 50 changes, and they ride on the reload under way
        LiveRefresh.followLoads(photoGroups, changes, Set.of(ChangeFeed.PHOTO, ChangeFeed.CHART,
                ChangeFeed.ADVERSE_EVENT), this::reload);
    }

    /** Shows the patient's photos. */
    public void showPatient(long id) {
        if (patientId != null && patientId != id) {
            // another patient's thumbnails and tiles are not kept
            thumbs.clear();
            shownTiles.clear();
            shownGroups.clear();
        }
        patientId = id;
        compare.setVisible(false);
        browsePane.setVisible(true);
        reload();
    }

    private void reload() {
        reload(() -> { });
    }

    /** Reloads the patient's photos; {@code done} runs once the result is shown, dropped or failed. */
    private void reload(Runnable done) {
        if (patientId == null) {
            done.run();
            return;
        }
        long id = patientId;
        long load = ++loads;
        record Loaded(List<PhotoTarget> targets, List<Photo> photos) {
        }
        background.run(() -> new Loaded(photos.targets(id), photos.photos(id)), l -> {
            done.run();
            if (load != loads || patientId == null || patientId != id) {
                return;
            }
            PhotoTarget chosen = photoTargetBox.getValue();
            photoTargetBox.getItems().setAll(l.targets());
            photoTargetBox.setValue(l.targets().stream().filter(t -> chosen != null && t.label().equals(chosen.label()))
                    .findFirst().orElse(l.targets().isEmpty() ? null : l.targets().get(0)));
            dropHint.setText(l.targets().isEmpty() ? "Photos are attached to a visit: start one on the Treatments tab"
                    + " first." : "Drop photos or a folder here, or use the buttons above. JPEG or PNG.");
            model.show(l.photos());
            Pose pose = comparePoseBox.getValue();
            comparePoseBox.getItems().setAll(model.comparablePoses());
            comparePoseBox.setValue(model.comparablePoses().contains(pose) ? pose
                    : model.comparablePoses().isEmpty() ? null : model.comparablePoses().get(0));
            drawGroups();
        }, e -> {
            done.run();
            Forms.showError(photosError, Forms.message(e));
        });
    }

    /** A visit's (or event's) group on screen. */
    private record Shown(Label title, FlowPane tiles) {
    }

    private void uncacheViewport() {
        Node viewport = photoScroll.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }

    /**
     * Shows the model's groups, changing only what changed: the tiles and groups already on screen stay where they
     * are (a reload during an import adds the new photos' tiles, and the others are not styled and laid out again).
     */
    private void drawGroups() {
        List<Node> groups = new ArrayList<>();
        if (model.photos().isEmpty()) {
            groups.add(noPhotos);
        }
        Map<Long, VBox> keptTiles = new HashMap<>();
        Map<String, Shown> keptGroups = new HashMap<>();
        for (PhotosModel.Group g : model.groups()) {
            Shown shown = shownGroups.get(g.label());
            if (shown == null) {
                Label title = new Label();
                title.getStyleClass().add("title-4");
                shown = new Shown(title, new FlowPane(12, 12));
            }
            String title = g.label() + "  ·  " + g.photos().size() + (g.photos().size() == 1 ? " photo" : " photos");
            if (!title.equals(shown.title().getText())) {
                shown.title().setText(title);
            }
            List<Node> tiles = new ArrayList<>();
            for (Photo p : g.photos()) {
                VBox tile = shownTiles.containsKey(p.id()) ? shownTiles.get(p.id()) : tile(p);
                keptTiles.put(p.id(), tile);
                tiles.add(tile);
            }
            update(shown.tiles().getChildren(), tiles);
            keptGroups.put(g.label(), shown);
            groups.add(shown.title());
            groups.add(shown.tiles());
        }
        update(photoGroups.getChildren(), groups);
        shownTiles.clear();
        shownTiles.putAll(keptTiles);
        shownGroups.clear();
        shownGroups.putAll(keptGroups);
    }

    /** Makes {@code children} {@code wanted}: nothing when they are, the new ones added when they only grew. */
    private static void update(ObservableList<Node> children, List<Node> wanted) {
        if (children.equals(wanted)) {
            return;
        }
        if (children.size() < wanted.size() && wanted.subList(0, children.size()).equals(children)) {
            children.addAll(wanted.subList(children.size(), wanted.size()));
        } else {
            children.setAll(wanted);
        }
    }

    private VBox tile(Photo p) {
        // the thumbnail is made at the size it is shown, so drawing it scales nothing
        ImageView view = new ImageView();
        StackPane frame = new StackPane(view);
        frame.setPrefSize(THUMB, THUMB_HEIGHT);
        frame.setMinSize(THUMB, THUMB_HEIGHT);
        frame.getStyleClass().add("photo-frame");
        Label caption = new Label(p.poseLabel() + " · " + p.moment().label().toLowerCase(java.util.Locale.ROOT));
        caption.getStyleClass().add("photo-caption");
        VBox tile = new VBox(4, frame, caption);
        tile.setAlignment(Pos.TOP_CENTER);
        tile.setId("photoTile-" + p.id());
        tile.getStyleClass().add("photo-tile");
        tile.setOnMouseClicked(e -> select(p, tile));
        Image cached = thumbs.get(p.sha256());
        Waiting waiting = new Waiting(view, caption);
        if (cached != null) {
            view.setImage(cached);
        } else if (decoding.containsKey(p.sha256())) {
            decoding.get(p.sha256()).add(waiting); // on its way for a tile drawn earlier: this one waits for it too
        } else {
            decoding.put(p.sha256(), new ArrayList<>(List.of(waiting)));
            if (!madeByImport.contains(p.sha256())) {
                background.run(() -> thumbnail(photos.thumbnailSource(p), p), img -> thumbnailMade(p, img),
                        e -> thumbnailFailed(p, e));
            }
            showThumbnailsToGo();
        }
        return tile;
    }

    /** A tile waiting for its thumbnail: where it goes, and where a failure is said. */
    private record Waiting(ImageView view, Label caption) {
    }

    /** The thumbnail of {@code p} from its original's bytes, at the size a tile shows it (run in the background). */
    private static Image thumbnail(byte[] original, Photo p) throws java.io.IOException {
        return FxPhotos.image(ImageFile.decodeToFit(original, p.orientation(), THUMB, THUMB_HEIGHT, 2));
    }

    private void thumbnailMade(Photo p, Image img) {
        thumbs.put(p.sha256(), img);
        List<Waiting> waiting = decoding.remove(p.sha256());
        if (waiting != null) {
            waiting.forEach(w -> w.view().setImage(img));
        }
        showThumbnailsToGo();
    }

    private void thumbnailFailed(Photo p, Throwable e) {
        List<Waiting> waiting = decoding.remove(p.sha256());
        if (waiting != null) {
            waiting.forEach(w -> w.caption().setText(p.fileName() + ": " + Forms.message(e)));
        }
        showThumbnailsToGo();
    }

    /**
     * Says how many thumbnails are still being made, in a line above the list (hidden when none is). Each thumbnail
     * that comes in changes it, in the same frame: JavaFX repaints only what changed on screen, but when everything
     * that changed is out of view (a thumbnail below the fold) it repaints the whole window, which in software
     * rendering, with a screenful of tiles, is a frame of a tenth of a second per thumbnail.
     */
    private void showThumbnailsToGo() {
        int n = decoding.size();
        thumbnailsStatus.setText(n == 0 ? "" : "Making thumbnails: " + n + " to go…");
        thumbnailsStatus.setVisible(n > 0);
    }

    private void select(Photo p, VBox tile) {
        selected = p;
        photoGroups.lookupAll(".photo-tile").forEach(n -> n.getStyleClass().remove("selected"));
        tile.getStyleClass().add("selected");
        removePhotoButton.setDisable(false);
        Forms.showStatus(photosStatus, p.fileName() + " · " + model.caption(p) + " · imported by " + p.importedBy());
    }

    @FXML
    private void importPhotos() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import photos");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Photos (JPEG, PNG)", "*.jpg", "*.jpeg", "*.JPG",
                "*.JPEG", "*.png", "*.PNG", "*.heic", "*.HEIC"));
        List<File> files = fc.showOpenMultipleDialog(photosRoot.getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            importPaths(files.stream().map(File::toPath).toList());
        }
    }

    @FXML
    private void importFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Import a folder of photos (or a camera's card)");
        File folder = dc.showDialog(photosRoot.getScene().getWindow());
        if (folder != null) {
            importPaths(List.of(folder.toPath()));
        }
    }

    @FXML
    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    @FXML
    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            importPaths(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Imports files or folders with the choices above them (what a drop or the buttons give). */
    public void importPaths(List<Path> paths) {
        if (patientId == null) {
            return;
        }
        ImportRequest r = new ImportRequest(patientId, photoTargetBox.getValue(), photoPoseBox.getValue(),
                bodyAreaField.getText(), photoMomentBox.getValue());
        Forms.showError(photosError, null);
        Forms.mark(bodyAreaField, null);
        Forms.showStatus(photosStatus, "Importing " + paths.size() + (paths.size() == 1 ? " item…" : " items…"));
        importPhotosButton.setDisable(true);
        importFolderButton.setDisable(true);
        background.run(() -> photos.importFiles(r, paths, (photo, original) -> {
            // the thumbnail is made here, one at a time, from the file just saved (its tile may be drawn already)
            madeByImport.add(photo.sha256());
            Image img = null;
            Exception failed = null;
            try {
                img = thumbnail(original, photo);
            } catch (java.io.IOException | RuntimeException e) {
                failed = e;
            }
            Image made = img;
            Exception error = failed;
            javafx.application.Platform.runLater(() -> {
                madeByImport.remove(photo.sha256());
                if (error == null) {
                    thumbnailMade(photo, made);
                } else {
                    thumbnailFailed(photo, error);
                }
            });
        }), out -> {
            importPhotosButton.setDisable(false);
            importFolderButton.setDisable(false);
            Forms.showStatus(photosStatus, out.summary() + ".");
            if (!out.refused().isEmpty()) {
                Forms.showError(photosError, String.join("\n", out.refused().values()));
            }
            reload();
        }, e -> {
            importPhotosButton.setDisable(false);
            importFolderButton.setDisable(false);
            Forms.showStatus(photosStatus, null);
            if (e instanceof ValidationException v && v.fieldErrors().containsKey("bodyArea")) {
                Forms.mark(bodyAreaField, v.fieldErrors().get("bodyArea"));
            }
            Forms.showError(photosError, Forms.message(e));
        });
    }

    @FXML
    private void openCompare() {
        Pose pose = comparePoseBox.getValue();
        model.defaultPair(pose).ifPresent(pair -> {
            browsePane.setVisible(false);
            compare.setVisible(true);
            compareController.show(model.ofPose(pose), pair);
        });
    }

    @FXML
    private void removePhoto() {
        Photo p = selected;
        if (p == null) {
            return;
        }
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Remove photo");
        d.setHeaderText("Remove " + p.fileName() + " from the record? It stays in the records and the audit log.");
        d.setContentText("Reason:");
        d.getEditor().setId("removeReasonField");
        d.getDialogPane().setId("removePhotoDialog");
        // a reason is required: OK stays off until one is typed (the service refuses a blank one too)
        d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty().bind(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !PhotosModel.reasonGiven(d.getEditor().getText()),
                        d.getEditor().textProperty()));
        d.showAndWait().ifPresent(reason -> background.run(() -> {
            photos.remove(p.id(), reason);
            return p;
        }, done -> {
            selected = null;
            removePhotoButton.setDisable(true);
            Forms.showStatus(photosStatus, p.fileName() + " was removed from the record.");
            reload();
        }, e -> Forms.showError(photosError, Forms.message(e))));
    }
}
