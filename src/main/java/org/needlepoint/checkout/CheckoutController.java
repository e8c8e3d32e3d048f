package org.needlepoint.checkout;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.common.Changes;
import org.needlepoint.common.ValidationException;
import org.needlepoint.report.PdfPrinting;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.Injector;
import org.needlepoint.schedule.OutsideHoursException;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.PagePrinter;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Windows;

/**
 * The checkout screen (CheckoutView.fxml), in a window of its own over the main one: the patient and the
 * signed treatment; (1) the aftercare sheet printed through the system's print dialog, or saved as a PDF
 * when this PC has no printer; (2) the next visit: each follow-up task the visit created with its
 * suggested slot, booked in one click, or the booking form at the suggested time; (3) the appointment
 * completed. The rules are the service's and the wording {@link CheckoutModel}'s.
 */
public final class CheckoutController {
    private final CheckoutService checkout;
    private final Background background;
    private final Supplier<PagePrinter> printer;
    private final Supplier<SaveDialog> saveDialog;
    private final Changes changes;
    private final CheckoutModel model;
    private long appointmentId;
    /** The booking form's task (null: the next visit without a task). */
    private NextVisit formTask;
    /** The booking waiting for the answer to the hours question, and the task it books (null: none). */
    private AppointmentDraft asked;
    private NextVisit askedTask;
    /** The form offered for a visit without a task was booked or put aside: a reload does not offer it again. */
    private boolean offerHandled;

    @FXML private VBox checkoutRoot;
    @FXML private Label checkoutPatient;
    @FXML private Label checkoutWhen;
    @FXML private Label checkoutState;
    @FXML private Label checkoutError;
    @FXML private Label checkoutStatus;
    @FXML private javafx.scene.control.ScrollPane checkoutSteps;
    @FXML private Label checkoutSigned;
    @FXML private VBox checkoutProducts;
    @FXML private Button printAftercareButton;
    @FXML private Button saveAftercareButton;
    @FXML private Label printMessage;
    @FXML private VBox nextVisitRows;
    @FXML private Label nextVisitOffer;
    @FXML private VBox nextVisitForm;
    @FXML private ComboBox<AppointmentKind> nextKind;
    @FXML private DatePicker nextDate;
    @FXML private TextField nextTime;
    @FXML private TextField nextMinutes;
    @FXML private ComboBox<Injector> nextInjector;
    @FXML private Button nextFreeButton;
    @FXML private Button bookNextButton;
    @FXML private HBox nextQuestion;
    @FXML private Label nextQuestionText;
    @FXML private Button completeCheckoutButton;
    @FXML private Button closeCheckoutButton;

    public CheckoutController(CheckoutService checkout, Background background, Supplier<PagePrinter> printer,
                              Supplier<SaveDialog> saveDialog, Changes changes) {
        this.checkout = checkout;
        this.changes = changes;
        this.background = background;
        this.printer = printer;
        this.saveDialog = saveDialog;
        this.model = new CheckoutModel(checkout.zone());
    }

    @FXML
    private void initialize() {
        nextKind.getItems().setAll(AppointmentKind.values());
        Forms.showError(checkoutError, null);
        Forms.showStatus(checkoutStatus, null);
        show(nextQuestion, false);
        show(nextVisitForm, false);
        show(printMessage, false);
        checkoutRoot.setDisable(true);
        // the screen fills in by itself when the injector signs the chart, and follows other PCs' bookings
        LiveRefresh.follow(checkoutRoot, changes, Set.of(ChangeFeed.CHART, ChangeFeed.APPOINTMENT, ChangeFeed.FOLLOWUP),
                () -> {
                    if (appointmentId != 0 && !nextQuestion.isVisible() && !nextVisitForm.isVisible()) {
                        reload();
                    }
                });
        background.run(checkout::injectors, list -> nextInjector.getItems().setAll(list),
                e -> Forms.showError(checkoutError, Forms.message(e)));
    }

    /** The aftercare step's message in one of the styles checkout-done, -warning, -hint; none when {@code text} is null. */
    private void printSays(String text, String style) {
        printMessage.setText(text == null ? "" : text);
        printMessage.getStyleClass().setAll("label", style);
        show(printMessage, text != null);
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** Opens the view in a window of its own over {@code owner}, with the owner's style sheets. */
    public Stage openWindow(Window owner) {
        Stage stage = Windows.open(checkoutRoot, "Checkout", owner, false);
        stage.show();
        return stage;
    }

    /** Loads the checkout of the appointment; a refusal (the chart not signed yet) is shown in words. */
    public void show(long appointment) {
        this.appointmentId = appointment;
        reload();
    }

    private void reload() {
        background.run(() -> checkout.open(appointmentId), this::fill, this::notReady);
    }

    /** The checkout was refused (the chart is not signed yet): the reason, and no step to take. */
    private void notReady(Throwable e) {
        checkoutRoot.setDisable(false);
        if (model.checkout() == null) {
            checkoutPatient.setText("Not ready for checkout");
            checkoutWhen.setText("This screen fills in by itself once the injector signs the chart.");
            show(checkoutState, false);
            checkoutSteps.setVisible(false); // still laid out: the footer stays at the foot of the window
            completeCheckoutButton.setDisable(true);
        }
        Forms.showError(checkoutError, Forms.message(e));
    }

    private void fill(Checkout c) {
        model.show(c);
        checkoutRoot.setDisable(false);
        show(checkoutState, true);
        checkoutSteps.setVisible(true);
        checkoutPatient.setText(model.patient());
        checkoutWhen.setText(model.when());
        checkoutState.setText(c.appointment().status().label());
        checkoutState.getStyleClass().removeIf(s -> s.startsWith("status-"));
        checkoutState.getStyleClass().add("status-" + c.appointment().status().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'));
        checkoutSigned.setText(model.signed());
        checkoutProducts.getChildren().setAll(model.products().stream().map(line -> {
            Label l = new Label(line, new FontIcon("mdal-colorize"));
            l.getStyleClass().add("checkout-product");
            return (Node) l;
        }).toList());
        nextVisitRows.getChildren().setAll(c.nextVisits().stream().map(this::row).toList());
        nextVisitOffer.setText(model.offerText());
        show(nextVisitOffer, c.offer() != null);
        if (c.offer() != null && !offerHandled && !nextVisitForm.isVisible()) {
            fillForm(model.offerForm());
        }
        completeCheckoutButton.setDisable(!model.canComplete());
        completeCheckoutButton.setText(model.canComplete() ? "Complete checkout" : "Checked out");
    }

    private Node row(NextVisit n) {
        Label title = new Label(CheckoutModel.taskTitle(n));
        title.getStyleClass().add("checkout-task");
        title.setWrapText(true);
        Label detail = new Label(CheckoutModel.taskDetail(n));
        detail.getStyleClass().add(n.booked() ? "checkout-booked" : "checkout-slot");
        detail.setWrapText(true);
        detail.setId("nextVisitDetail-" + n.task().id());
        VBox text = new VBox(2, title, detail);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(10, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("checkout-row");
        box.setId("nextVisit-" + n.task().id());
        if (!n.booked()) {
            Button other = new Button("Other time\u2026");
            other.setId("otherTime-" + n.task().id());
            other.getStyleClass().add("big");
            other.setMinWidth(Control.USE_PREF_SIZE);
            other.setOnAction(e -> fillForm(CheckoutModel.formFor(n)));
            box.getChildren().add(other);
            if (n.suggestion().found()) {
                Button book = new Button("Book", new FontIcon("mdal-event_available"));
                book.setId("bookTask-" + n.task().id());
                book.getStyleClass().addAll("accent", "big", "checkout-book");
                book.setMinWidth(Control.USE_PREF_SIZE);
                book.setOnAction(e -> {
                    book.setDisable(true);
                    var s = n.suggestion();
                    bookTask(n, s.kind(), s.start(), s.minutes(), s.injectorId(), false);
                });
                box.getChildren().add(book);
            }
        }
        return box;
    }

    private void fillForm(CheckoutModel.Form f) {
        formTask = f.task();
        nextKind.setValue(f.kind());
        nextDate.setValue(f.date());
        nextTime.setText(f.time());
        nextMinutes.setText(f.minutes());
        nextInjector.setValue(nextInjector.getItems().stream().filter(i -> f.injectorId() != null && i.id() == f.injectorId())
                .findFirst().orElse(null));
        if (f.injectorId() != null && nextInjector.getValue() == null) {
            // the injectors are still loading: choose the suggested one when they come
            nextInjector.getItems().addListener((javafx.collections.ListChangeListener<Injector>) ch -> {
                if (nextInjector.getValue() == null) {
                    nextInjector.getItems().stream().filter(i -> i.id() == f.injectorId()).findFirst()
                            .ifPresent(nextInjector::setValue);
                }
            });
        }
        show(nextVisitForm, true);
        show(nextQuestion, false);
        Forms.mark(nextTime, null);
        Forms.mark(nextMinutes, null);
    }

    // ------------------------------------------------------------------------------------ aftercare

    private String pdfName() {
        Appointment a = model.appointment();
        return "Aftercare " + a.patientName() + " " + a.start().toLocalDate();
    }

    @FXML
    private void printAftercare() {
        Forms.showError(checkoutError, null);
        PagePrinter p = printer.get();
        if (!p.installed()) {
            printSays("No printer is installed on this PC. Save the aftercare sheet as a PDF and print it from"
                    + " another PC, or ask for the clinic's printer to be added to this one.", "checkout-warning");
            printAftercareButton.getStyleClass().remove("accent");
            if (!saveAftercareButton.getStyleClass().contains("accent")) {
                saveAftercareButton.getStyleClass().add("accent");
            }
            saveAftercareButton.requestFocus();
            return;
        }
        printAftercareButton.setDisable(true);
        printSays("Preparing the aftercare sheet\u2026", "checkout-hint");
        background.run(() -> checkout.aftercare(appointmentId), pdf -> {
            Optional<PagePrinter.Job> job = p.begin(window(), pdfName());
            if (job.isEmpty()) {
                printAftercareButton.setDisable(false);
                printSays("Printing cancelled: nothing was sent to the printer.", "checkout-hint");
                return;
            }
            PagePrinter.Job j = job.get();
            printSays("Printing on " + j.printerName() + "\u2026", "checkout-hint");
            background.run(() -> PdfPrinting.print(pdf, j), r -> {
                printAftercareButton.setDisable(false);
                if (r.sent()) {
                    printSays("Aftercare sheet sent to " + j.printerName() + " (" + r.pages()
                            + (r.pages() == 1 ? " page)." : " pages)."), "checkout-done");
                } else {
                    printSays("The printer " + j.printerName() + " did not take the aftercare sheet (" + r.printed()
                            + " of " + r.pages() + " pages sent). Try again, or save the PDF.", "checkout-warning");
                }
            }, e -> {
                printAftercareButton.setDisable(false);
                printSays(null, "checkout-hint");
                Forms.showError(checkoutError, Forms.message(e));
            });
        }, e -> {
            printAftercareButton.setDisable(false);
            printSays(null, "checkout-hint");
            Forms.showError(checkoutError, Forms.message(e));
        });
    }

    @FXML
    private void saveAftercare() {
        Forms.showError(checkoutError, null);
        File file = saveDialog.get().ask(window(), "Save the aftercare sheet", pdfName() + ".pdf");
        if (file == null) {
            return;
        }
        Path target = file.toPath().toAbsolutePath();
        background.run(() -> checkout.save(checkout.aftercare(appointmentId), target.getParent(),
                target.getFileName().toString()), saved -> {
                    printSays("Saved " + saved + ".", "checkout-done");
                }, e -> Forms.showError(checkoutError, Forms.message(e)));
    }

    // ------------------------------------------------------------------------------------ next visit

    private void bookTask(NextVisit n, AppointmentKind kind, java.time.LocalDateTime start, int minutes, long injectorId,
                          boolean confirmed) {
        Forms.showError(checkoutError, null);
        background.run(() -> checkout.bookTask(n.task().id(), n.task().version(), kind, start, minutes, injectorId, confirmed),
                this::booked, e -> refused(e, new AppointmentDraft(0, injectorId, null, start, minutes, kind, null, null,
                        n.task().id()), n));
    }

    @FXML
    private void bookFromForm() {
        Forms.showError(checkoutError, null);
        Forms.mark(nextTime, null);
        Forms.mark(nextMinutes, null);
        AppointmentDraft d;
        try {
            Injector i = nextInjector.getValue();
            d = model.draft(nextKind.getValue(), nextDate.getValue(), nextTime.getText(), nextMinutes.getText(),
                    i == null ? null : i.id());
        } catch (ValidationException v) {
            markFields(v);
            return;
        }
        book(d);
    }

    /** Books the form's visit (the hours asked about first: {@link #refused}). */
    private void book(AppointmentDraft d) {
        bookNextButton.setDisable(true);
        if (formTask != null) {
            NextVisit n = formTask;
            background.run(() -> checkout.bookTask(n.task().id(), n.task().version(), d.kind(), d.start(), d.minutes(),
                    d.injectorId(), false), this::booked, e -> refused(e, d, n));
        } else {
            background.run(() -> checkout.bookNext(appointmentId, d.kind(), d.start(), d.minutes(), d.injectorId(),
                    false), this::booked, e -> refused(e, d, null));
        }
    }

    private void booked(Appointment next) {
        bookNextButton.setDisable(false);
        offerHandled = true;
        show(nextVisitForm, false);
        show(nextQuestion, false);
        asked = null;
        askedTask = null;
        Forms.showStatus(checkoutStatus, CheckoutModel.booked(next));
        reload();
    }

    private void refused(Throwable e, AppointmentDraft d, NextVisit task) {
        bookNextButton.setDisable(false);
        if (e instanceof OutsideHoursException) {
            asked = d;
            askedTask = task;
            nextQuestionText.setText(e.getMessage());
            show(nextQuestion, true);
            return;
        }
        if (e instanceof ValidationException v) {
            markFields(v);
        }
        Forms.showError(checkoutError, Forms.message(e));
        reload();
    }

    private void markFields(ValidationException v) {
        Map<String, String> errors = v.fieldErrors();
        Forms.mark(nextTime, errors.getOrDefault("time", errors.get("start")));
        Forms.mark(nextMinutes, errors.get("minutes"));
        Forms.showError(checkoutError, String.join(" ", errors.values()));
    }

    @FXML
    private void bookAnyway() {
        show(nextQuestion, false);
        AppointmentDraft d = asked;
        NextVisit task = askedTask;
        asked = null;
        askedTask = null;
        if (d == null) {
            return;
        }
        if (task != null) {
            bookTask(task, d.kind(), d.start(), d.minutes(), d.injectorId(), true);
        } else {
            bookNextButton.setDisable(true);
            background.run(() -> checkout.bookNext(appointmentId, d.kind(), d.start(), d.minutes(), d.injectorId(), true),
                    this::booked, e -> refused(e, d, null));
        }
    }

    @FXML
    private void notThen() {
        asked = null;
        askedTask = null;
        show(nextQuestion, false);
        reload();
    }

    @FXML
    private void nextFree() {
        Forms.showError(checkoutError, null);
        Injector i = nextInjector.getValue();
        AppointmentKind kind = nextKind.getValue();
        if (i == null || kind == null || nextDate.getValue() == null) {
            Forms.showError(checkoutError, "Choose the kind, the injector and the day to look from.");
            return;
        }
        int minutes;
        try {
            minutes = Integer.parseInt(nextMinutes.getText().strip());
        } catch (NumberFormatException e) {
            Forms.mark(nextMinutes, "Type the length in minutes, such as 30.");
            return;
        }
        java.time.LocalDateTime from = nextDate.getValue().atStartOfDay();
        background.run(() -> checkout.nextFreeSlot(kind, minutes, i.id(), from), slot -> {
            if (slot.isEmpty()) {
                Forms.showError(checkoutError, i.name() + " has no free slot of " + minutes + " minutes in the 90 days from "
                        + CheckoutModel.DAY.format(from) + ".");
                return;
            }
            nextDate.setValue(slot.get().start().toLocalDate());
            nextTime.setText(CheckoutModel.HM.format(slot.get().start()));
        }, e -> Forms.showError(checkoutError, Forms.message(e)));
    }

    @FXML
    private void hideForm() {
        offerHandled = true;
        show(nextVisitForm, false);
        show(nextQuestion, false);
    }

    // ------------------------------------------------------------------------------------ complete

    @FXML
    private void complete() {
        Forms.showError(checkoutError, null);
        completeCheckoutButton.setDisable(true);
        Appointment a = model.appointment();
        background.run(() -> checkout.complete(a.id(), a.version()), done -> {
            Forms.showStatus(checkoutStatus, done.patientName() + " is checked out: the appointment is completed.");
            reload();
        }, e -> {
            completeCheckoutButton.setDisable(false);
            Forms.showError(checkoutError, Forms.message(e));
            reload();
        });
    }

    @FXML
    private void close() {
        if (window() instanceof Stage s) {
            s.close();
        }
    }

    private Window window() {
        return checkoutRoot.getScene() == null ? null : checkoutRoot.getScene().getWindow();
    }
}
