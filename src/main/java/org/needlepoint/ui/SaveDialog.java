package org.needlepoint.ui;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save an exported file; tests hand back a path instead of the system's dialog, which headless runs cannot show. */
public interface SaveDialog {
    /** The chosen file, or null when the person cancelled. */
    File ask(Window owner, String title, String initialFileName);

    /** The system's save dialog, for PDFs. */
    SaveDialog PDF_CHOOSER = (owner, title, name) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        return chooser.showSaveDialog(owner);
    };
}
