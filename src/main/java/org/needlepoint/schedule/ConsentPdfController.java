package org.needlepoint.schedule;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.needlepoint.report.PdfPrinting;
import org.needlepoint.report.ReportService;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.PagePrinter;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Windows;

/**
 * A signed consent's PDF on screen (ConsentPdfView.fxml): its pages as kept with the record, saved as
 * a file or printed on the clinic's printer through the system's print dialog.
 */
public final class ConsentPdfController {
    private static final float DPI = 110;

    private final ReportService reports;
    private final Background background;
    private final Supplier<PagePrinter> printer;
    private final Supplier<SaveDialog> saveDialog;
    private byte[] pdf;
    private String fileName;

    @FXML private VBox consentPdfRoot;
    @FXML private Label consentPdfTitle;
    @FXML private Label consentPdfError;
    @FXML private Label consentPdfStatus;
    @FXML private VBox consentPdfPages;
    @FXML private Button saveConsentPdfButton;
    @FXML private Button printConsentPdfButton;

    public ConsentPdfController(ReportService reports, Background background, Supplier<PagePrinter> printer,
                                Supplier<SaveDialog> saveDialog) {
        this.reports = reports;
        this.background = background;
        this.printer = printer;
        this.saveDialog = saveDialog;
    }

    /** Shows {@code pdfBytes} titled {@code title}; {@code name} is the file name offered when saving. */
    public void show(byte[] pdfBytes, String title, String name) {
        this.pdf = pdfBytes;
        this.fileName = name;
        consentPdfTitle.setText(title);
        printConsentPdfButton.setDisable(true);
        background.run(() -> PdfPages.render(pdfBytes, DPI).stream()
                .map(img -> (Image) SwingFXUtils.toFXImage(img, null)).toList(), images -> {
                    consentPdfPages.getChildren().clear();
                    for (int i = 0; i < images.size(); i++) {
                        ImageView v = new ImageView(images.get(i));
                        v.setId("consentPdfPage-" + (i + 1));
                        v.setPreserveRatio(true);
                        v.setFitWidth(700);
                        v.setStyle("-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.2), 8, 0, 0, 2);");
                        consentPdfPages.getChildren().add(v);
                    }
                    printConsentPdfButton.setDisable(false);
                }, error -> Forms.showError(consentPdfError, Forms.message(error)));
    }

    /** Opens the view in a window of its own over {@code owner}, with the owner's style sheets. */
    public Stage openWindow(Window owner) {
        Stage stage = Windows.open(consentPdfRoot, "Signed consent", owner, false);
        stage.show();
        return stage;
    }

    @FXML
    private void save() {
        Forms.showError(consentPdfError, null);
        java.io.File file = saveDialog.get().ask(window(), "Save the signed consent", fileName);
        if (file == null) {
            return;
        }
        Path target = file.toPath().toAbsolutePath();
        byte[] bytes = pdf;
        background.run(() -> reports.write(bytes, target.getParent(), target.getFileName().toString()),
                saved -> Forms.showStatus(consentPdfStatus, "Saved " + saved),
                error -> Forms.showError(consentPdfError, Forms.message(error)));
    }

    /** The system's print dialog, then each page rendered at the printer's resolution and fitted to its paper. */
    @FXML
    private void print() {
        Forms.showError(consentPdfError, null);
        PagePrinter p = printer.get();
        if (!p.installed()) {
            Forms.showError(consentPdfError, "No printer is installed on this PC: save the PDF and print it from another PC.");
            return;
        }
        Optional<PagePrinter.Job> job = p.begin(window(), fileName);
        if (job.isEmpty()) {
            Forms.showStatus(consentPdfStatus, "Printing cancelled: nothing was sent to the printer.");
            return;
        }
        PagePrinter.Job j = job.get();
        byte[] bytes = pdf;
        printConsentPdfButton.setDisable(true);
        Forms.showStatus(consentPdfStatus, "Printing on " + j.printerName() + "\u2026");
        background.run(() -> PdfPrinting.print(bytes, j), r -> {
            printConsentPdfButton.setDisable(false);
            if (r.sent()) {
                Forms.showStatus(consentPdfStatus, "The signed consent was sent to " + j.printerName() + " (" + r.pages()
                        + (r.pages() == 1 ? " page)." : " pages)."));
            } else {
                Forms.showError(consentPdfError, "The printer " + j.printerName() + " did not take the consent (" + r.printed()
                        + " of " + r.pages() + " pages sent). Try again, or save the PDF.");
            }
        }, error -> {
            printConsentPdfButton.setDisable(false);
            Forms.showError(consentPdfError, Forms.message(error));
        });
    }

    private Window window() {
        return consentPdfRoot.getScene() == null ? null : consentPdfRoot.getScene().getWindow();
    }
}
