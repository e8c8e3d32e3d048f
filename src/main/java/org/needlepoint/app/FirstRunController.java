package org.needlepoint.app;

import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.needlepoint.server.JoinController;

/**
 * First run on a new, empty data folder: set up a new clinic (its records on this PC), or join the
 * clinic's server (the included {@code server/JoinView}). Nothing is created in the folder until
 * one of the two is chosen.
 */
public final class FirstRunController {
    private final Path folder;
    private final Runnable onNewClinic;

    @FXML private VBox newClinicCard;
    @FXML private Button newClinicButton;
    @FXML private Node join;
    @FXML private JoinController joinController;
    @FXML private HBox newClinicBusy;
    @FXML private Label firstRunDataFolder;

    public FirstRunController(Path folder, Runnable onNewClinic) {
        this.folder = folder;
        this.onNewClinic = onNewClinic;
    }

    @FXML
    private void initialize() {
        firstRunDataFolder.setText("Data folder on this PC: " + folder.toAbsolutePath());
        newClinicCard.disableProperty().bind(joinController.engagedProperty()); // joining, or joined
    }

    @FXML
    private void newClinic() {
        newClinicButton.setDisable(true);
        join.setDisable(true);
        newClinicBusy.setVisible(true);
        newClinicBusy.setManaged(true);
        onNewClinic.run();
    }
}
