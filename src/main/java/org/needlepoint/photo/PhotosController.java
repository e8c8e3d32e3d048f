package org.needlepoint.photo;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
    static final int THUMB = 200;
    /** The key of photosRoot's property holding the drop handler (a Consumer of the dropped paths). */
    public static final String DROP = "photos.drop";

    private final PhotoService photos;
    private final Background background;
    private final Changes changes;
    private final PhotosModel model;
    private final Map<String, Image> thumbs = new HashMap<>();
    /** The thumbnails being made, with the views waiting for each (a reload during an import draws tiles again). */
    private final Map<String, List<ImageView>> decoding = new HashMap<>();
    /** The tiles on screen by photo id. */
    private final Map<Long, VBox> shownTiles = new HashMap<>();
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
    @FXML private Label dropHint;
    @FXML private ComboBox<Pose> comparePoseBox;
    @FXML private Button compareButton;
    @FXML private Button removePhotoButton;
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

    private void drawGroups() {
        photoGroups.getChildren().clear();
        if (model.photos().isEmpty()) {
            Label none = new Label("No photos yet.");
            none.getStyleClass().add("text-muted");
            photoGroups.getChildren().add(none);
        }
        // the tiles of photos already shown are kept (a reload during an import draws the list again)
        Map<Long, VBox> kept = new HashMap<>();
        for (PhotosModel.Group g : model.groups()) {
            Label title = new Label(g.label() + "  ·  " + g.photos().size() + (g.photos().size() == 1 ? " photo" : " photos"));
            title.getStyleClass().add("title-4");
            FlowPane tiles = new FlowPane(12, 12);
            for (Photo p : g.photos()) {
                VBox tile = shownTiles.containsKey(p.id()) ? shownTiles.get(p.id()) : tile(p);
                kept.put(p.id(), tile);
                tiles.getChildren().add(tile);
            }
            photoGroups.getChildren().addAll(title, tiles);
        }
        shownTiles.clear();
        shownTiles.putAll(kept);
    }

    private VBox tile(Photo p) {
        ImageView view = new ImageView();
        view.setFitWidth(THUMB);
        view.setFitHeight(THUMB * 3 / 4.0);
        view.setPreserveRatio(true);
        StackPane frame = new StackPane(view);
        frame.setPrefSize(THUMB, THUMB * 3 / 4.0);
        frame.getStyleClass().add("photo-frame");
        Label caption = new Label(p.poseLabel() + " · " + p.moment().label().toLowerCase(java.util.Locale.ROOT));
        caption.getStyleClass().add("photo-caption");
        VBox tile = new VBox(4, frame, caption);
        tile.setAlignment(Pos.TOP_CENTER);
        tile.setId("photoTile-" + p.id());
        tile.getStyleClass().add("photo-tile");
        tile.setOnMouseClicked(e -> select(p, tile));
        Image cached = thumbs.get(p.sha256());
        if (cached != null) {
            view.setImage(cached);
        } else if (decoding.containsKey(p.sha256())) {
            decoding.get(p.sha256()).add(view); // made already for a tile the last reload drew: this one waits for it
        } else {
            List<ImageView> waiting = new ArrayList<>(List.of(view));
            decoding.put(p.sha256(), waiting);
            background.run(() -> SwingFXUtils.toFXImage(ImageFile.decode(photos.thumbnailSource(p), p.orientation(), THUMB),
                    null), img -> {
                    decoding.remove(p.sha256());
                    thumbs.put(p.sha256(), img);
                    waiting.forEach(v -> v.setImage(img));
                }, e -> {
                    decoding.remove(p.sha256());
                    caption.setText(p.fileName() + ": " + Forms.message(e));
                });
        }
        return tile;
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
        background.run(() -> photos.importFiles(r, paths), out -> {
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
