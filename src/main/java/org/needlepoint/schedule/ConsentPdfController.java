package org.needlepoint.schedule;

import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.needlepoint.report.ReportService;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * A signed consent's PDF on screen (ConsentPdfView.fxml): its pages as kept with the record, saved as
 * a file or printed on the clinic's printer through the system's print dialog.
 */
public final class ConsentPdfController {
    private static final float DPI = 110;

    private final ReportService reports;
    private final Background background;
    private byte[] pdf;
    private String fileName;
    private List<Image> pages = List.of();

    @FXML private VBox consentPdfRoot;
    @FXML private Label consentPdfTitle;
    @FXML private Label consentPdfError;
    @FXML private Label consentPdfStatus;
    @FXML private VBox consentPdfPages;
    @FXML private Button saveConsentPdfButton;
    @FXML private Button printConsentPdfButton;

    public ConsentPdfController(ReportService reports, Background background) {
        this.reports = reports;
        this.background = background;
    }

    /** Shows {@code pdfBytes} titled {@code title}; {@code name} is the file name offered when saving. */
    public void show(byte[] pdfBytes, String title, String name) {
        this.pdf = pdfBytes;
        this.fileName = name;
        consentPdfTitle.setText(title);
        printConsentPdfButton.setDisable(true);
        background.run(() -> PdfPages.render(pdfBytes, DPI).stream()
                .map(img -> (Image) SwingFXUtils.toFXImage(img, null)).toList(), images -> {
                    pages = images;
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
        Stage stage = new Stage();
        stage.setTitle("Signed consent");
        Scene scene = new Scene(consentPdfRoot);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        // never larger than the screen: the pad and the buttons stay in reach on a small laptop or tablet
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(consentPdfRoot.getPrefWidth(), screen.getWidth()));
        stage.setHeight(Math.min(consentPdfRoot.getPrefHeight(), screen.getHeight()));
        stage.show();
        return stage;
    }

    @FXML
    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save PDF");
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        java.io.File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        Path target = file.toPath();
        byte[] bytes = pdf;
        background.run(() -> reports.write(bytes, target.getParent(), target.getFileName().toString()),
                saved -> Forms.showStatus(consentPdfStatus, "Saved " + saved),
                error -> Forms.showError(consentPdfError, Forms.message(error)));
    }

    /** The system's print dialog, then each page scaled to the printer's page. */
    @FXML
    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            Forms.showError(consentPdfError, "No printer is set up on this PC: save the PDF and print it from another.");
            return;
        }
        if (!job.showPrintDialog(window())) {
            return;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        boolean ok = true;
        for (Image page : pages) {
            ImageView v = new ImageView(page);
            v.setPreserveRatio(true);
            v.setFitWidth(layout.getPrintableWidth());
            v.setFitHeight(layout.getPrintableHeight());
            ok &= job.printPage(v);
        }
        if (ok && job.endJob()) {
            Forms.showStatus(consentPdfStatus, "Sent " + pages.size() + " page(s) to the printer.");
        } else {
            Forms.showError(consentPdfError, "The printer did not take the consent: " + job.getJobStatus() + ".");
        }
    }

    private Window window() {
        return consentPdfRoot.getScene() == null ? null : consentPdfRoot.getScene().getWindow();
    }
}
