package org.needlepoint.app;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX application on a data folder. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static void launch(Path dataFolder) {
        Application.launch(NeedlepointApp.class, "--data=" + dataFolder.toAbsolutePath());
    }
}
