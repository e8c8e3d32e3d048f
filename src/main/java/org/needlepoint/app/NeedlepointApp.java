package org.needlepoint.app;

import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.store.StoreException;

/** The JavaFX application: opens the store in the data folder and shows the window. */
public final class NeedlepointApp extends Application {
    private Database db;
    private Background background;

    @Override
    public void start(Stage stage) {
        ShownReport.watch(stage);
        Path folder = Path.of(getParameters().getNamed().get("data"));
        try {
            db = Database.open(folder);
        } catch (StoreException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText("Needlepoint cannot start");
            a.setTitle("Needlepoint");
            a.showAndWait();
            Platform.exit();
            return;
        }
        background = new Background();
        Services services = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
        new AppWindow(services, background).start(stage);
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
