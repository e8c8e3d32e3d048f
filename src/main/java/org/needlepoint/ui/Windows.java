package org.needlepoint.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Screens that open in a window of their own (checkout, consent, a signed consent's PDF). */
public final class Windows {
    private Windows() {
    }

    /**
     * Shows {@code root} in a new window over {@code owner} (null: on its own), with the owner's style sheets (its
     * theme), at the root's preferred size but never larger than the screen, so the buttons stay in reach on a small
     * laptop or tablet. {@code modal}: the owner waits until it closes.
     */
    public static Stage open(Region root, String title, Window owner, boolean modal) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(root);
        if (owner != null) {
            stage.initOwner(owner);
            if (modal) {
                stage.initModality(Modality.WINDOW_MODAL);
            }
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(root.getPrefWidth(), screen.getWidth()));
        stage.setHeight(Math.min(root.getPrefHeight(), screen.getHeight()));
        return stage;
    }
}
