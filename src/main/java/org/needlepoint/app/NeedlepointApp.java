package org.needlepoint.app;

import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Background;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;

/**
 * The JavaFX application: shows the window at once and opens the store in the data folder behind
 * the sign-in form (see {@link AppWindow#startOpening}).
 */
public final class NeedlepointApp extends Application {
    private Database db;
    private Background background;

    @Override
    public void start(Stage stage) {
        ShownReport.watch(stage);
        Path folder = Path.of(getParameters().getNamed().get("data"));
        background = new Background();
        new AppWindow(background).startOpening(stage, folder, () -> {
            db = Database.openFolder(folder);
            return new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
        }, error -> {
            Alert a = new Alert(Alert.AlertType.ERROR, Forms.message(error));
            a.setHeaderText("Needlepoint cannot start");
            a.setTitle("Needlepoint");
            a.initOwner(stage);
            a.showAndWait();
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        if (background != null) {
            background.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
