package org.needlepoint.ui;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.control.decoration.Decorator;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.needlepoint.common.ReadableException;

/** Small helpers every form uses to show messages where they belong. */
public final class Forms {
    private static final Logger LOG = Logger.getLogger(Forms.class.getName());
    private static final GraphicValidationDecoration DECORATION = new GraphicValidationDecoration();

    private Forms() {
    }

    /** The message to show a person for a failure; unexpected failures are logged with their trace. */
    public static String message(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof ReadableException) {
            return e.getMessage();
        }
        LOG.log(Level.SEVERE, "Unexpected failure", e);
        return "Something went wrong and nothing was saved: " + e;
    }

    public static void showError(Label label, String message) {
        boolean show = message != null && !message.isBlank();
        label.setText(show ? message : "");
        label.setVisible(show);
        label.setManaged(show);
    }

    /** Shows a confirmation such as "Saved" in {@code label}; a blank message hides the label, as for errors. */
    public static void showStatus(Label label, String message) {
        showError(label, message);
    }

    /** Marks {@code control} with an error icon and tooltip (ControlsFX decoration), or clears it. */
    public static void mark(Control control, String message) {
        // Only touch decorations that exist: the first decoration wraps the scene's root in a
        // DecorationPane, which should not happen merely to clear an unmarked field.
        if (control.getStyleClass().remove("field-error")) {
            Decorator.removeAllDecorations(control);
        }
        if (message != null) {
            control.getStyleClass().add("field-error");
            DECORATION.applyValidationDecoration(ValidationMessage.error(control, message));
        }
    }

    /** Decorates each field named in {@code errors}; clears the others in {@code fields}. */
    public static void markAll(Map<String, ? extends Control> fields, Map<String, String> errors) {
        fields.forEach((name, control) -> mark(control, errors.get(name)));
    }

}
