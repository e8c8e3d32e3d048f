package org.needlepoint.followup;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.needlepoint.report.ReportService;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Shell;

/**
 * The MedWatch export of a recorded side effect ({@code MedWatchExportView}, in the form's header):
 * "MedWatch PDF…" saves the MedWatch-ready report (FDA Form 3500) where the person chooses (with the
 * event's photos attached when "With the event's photos" is ticked); "Copy as
 * text" puts it on the clipboard and shows it. Whether it is offered and possible is the
 * {@link MedWatchExportModel}'s to say.
 */
public final class MedWatchExportController {
    private final ReportService reports;
    private final Background background;
    private final Shell shell;
    private final Supplier<SaveDialog> saveDialog;
    private final MedWatchExportModel model = new MedWatchExportModel();

    @FXML private HBox medWatchExport;
    @FXML private Button medWatchPdfButton;
    @FXML private Tooltip medWatchPdfTooltip;
    @FXML private Button medWatchTextButton;
    @FXML private CheckBox medWatchPhotosCheck;

    /** @param saveDialog where exported PDFs go (the system's save dialog) */
    public MedWatchExportController(ReportService reports, Background background, Shell shell,
                                    Supplier<SaveDialog> saveDialog) {
        this.reports = reports;
        this.background = background;
        this.shell = shell;
        this.saveDialog = saveDialog;
    }

    @FXML
    private void initialize() {
        medWatchExport.visibleProperty().bind(model.shownProperty());
        medWatchExport.managedProperty().bind(model.shownProperty());
        medWatchPdfButton.disableProperty().bind(model.possibleProperty().not());
        medWatchTextButton.disableProperty().bind(model.possibleProperty().not());
        medWatchPhotosCheck.disableProperty().bind(model.possibleProperty().not());
        medWatchPdfTooltip.textProperty().bind(model.pdfHintProperty());
    }

    public MedWatchExportModel model() {
        return model;
    }

    @FXML
    private void exportPdf() {
        if (!model.isPossible()) {
            return;
        }
        long id = model.eventProperty().get().id();
        File file = saveDialog.get().ask(window(), "Save the MedWatch-ready report", model.fileName());
        if (file == null) {
            return;
        }
        Path target = file.toPath().toAbsolutePath();
        model.makingPdf();
        boolean withPhotos = medWatchPhotosCheck.isSelected();
        background.run(() -> reports.write(reports.medWatchPdf(id, withPhotos), target.getParent(), target.getFileName().toString()),
                saved -> {
                    model.pdfSaved(saved.getFileName().toString());
                    shell.status("Saved " + saved);
                }, e -> model.failed(Forms.message(e)));
    }

    @FXML
    private void copyText() {
        if (!model.isPossible()) {
            return;
        }
        long id = model.eventProperty().get().id();
        background.run(() -> reports.medWatchText(id), text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            shell.status("The MedWatch-ready report is on the clipboard");
            preview(text);
        }, e -> model.failed(Forms.message(e)));
    }

    /** Shows the copied text, so the injector sees what will be pasted. */
    private void preview(String text) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle("MedWatch-ready report");
        d.setHeaderText("Copied to the clipboard. Paste it into the FDA's online MedWatch form (3500).");
        TextArea area = new TextArea(text);
        area.setId("medWatchPreviewText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(80);
        area.setPrefRowCount(24);
        area.getStyleClass().add("medwatch-preview");
        d.getDialogPane().setContent(area);
        d.getDialogPane().setId("medWatchPreview");
        ButtonType close = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().add(close);
        d.getDialogPane().lookupButton(close).setId("medWatchPreviewClose");
        if (window() != null) {
            d.initOwner(window());
        }
        d.show();
    }

    private Window window() {
        return medWatchExport.getScene() == null ? null : medWatchExport.getScene().getWindow();
    }
}
