package org.needlepoint.ui;

import javafx.scene.Parent;

/** A loaded FXML view and its controller. */
public record View<C>(Parent root, C controller) {
}
