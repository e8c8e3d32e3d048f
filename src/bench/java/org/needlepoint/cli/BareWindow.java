package org.needlepoint.cli;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.needlepoint.app.AppWindow;
import org.needlepoint.app.ShownReport;

/**
 * The baseline for {@code bench}'s cold start: a bare JavaFX window (one Stage, one Label, the
 * app's window size), started the same way as the app (a plain main calling
 * {@link Application#launch}) and reporting "shown" through the same {@link ShownReport}.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The bare application. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            ShownReport.watch(stage);
            stage.setTitle("Bare JavaFX window");
            stage.setScene(new Scene(new StackPane(new Label("Bare JavaFX window")), AppWindow.WIDTH, AppWindow.HEIGHT));
            stage.show();
        }
    }
}
