package org.needlepoint.ui;

import java.awt.image.BufferedImage;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

/**
 * {@link PagePrinter} on JavaFX's printing: {@link PrinterJob#showPrintDialog} for the printer and its
 * settings, then each page image in an {@link ImageView} fitted to the size it is printed at (the image
 * keeps its full resolution), one {@link PrinterJob#printPage} per page.
 */
final class FxPagePrinter implements PagePrinter {
    @Override
    public boolean installed() {
        return !Printer.getAllPrinters().isEmpty();
    }

    @Override
    public Optional<Job> begin(Window owner, String jobName) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return Optional.empty();
        }
        job.getJobSettings().setJobName(jobName);
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return Optional.empty();
        }
        return Optional.of(new FxJob(job));
    }

    private static final class FxJob implements Job {
        private final PrinterJob job;
        private final PageLayout layout;
        private final int dpi;

        FxJob(PrinterJob job) {
            this.job = job;
            this.layout = job.getJobSettings().getPageLayout();
            var resolution = job.getJobSettings().getPrintResolution();
            this.dpi = resolution == null ? 300 : Math.min(resolution.getFeedResolution(), resolution.getCrossFeedResolution());
        }

        @Override
        public double printableWidth() {
            return layout.getPrintableWidth();
        }

        @Override
        public double printableHeight() {
            return layout.getPrintableHeight();
        }

        @Override
        public int dpi() {
            return dpi;
        }

        @Override
        public String printerName() {
            return job.getPrinter().getName();
        }

        @Override
        public boolean page(BufferedImage image, double widthPoints, double heightPoints) {
            ImageView view = new ImageView(SwingFXUtils.toFXImage(image, null));
            view.setSmooth(true);
            view.setFitWidth(widthPoints);
            view.setFitHeight(heightPoints);
            return job.printPage(view);
        }

        @Override
        public boolean end() {
            return job.endJob();
        }

        @Override
        public void cancel() {
            job.cancelJob();
        }
    }
}
