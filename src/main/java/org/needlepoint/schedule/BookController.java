package org.needlepoint.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;
import org.needlepoint.common.Changes;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientSummary;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;

/**
 * The appointment book page: the day or week on a {@link BookGrid}, the chosen appointment with the
 * status changes it allows, and the booking form. It follows the change feed's appointment topic, but
 * not while a block is dragged or the booking form is open.
 */
public final class BookController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** The week view's choice of every injector. */
    private static final Injector ALL = new Injector(-1, "All injectors");
    /** The booking form's choice of no room. */
    private static final Room NO_ROOM = new Room(-1, "No room", true, 0);

    private final AppointmentService appointments;
    private final PatientService patients;
    private final InventoryService inventory;
    private final Background background;
    private final Changes changes;
    private final java.util.function.Supplier<org.needlepoint.ui.View<CheckInController>> checkInScreen;
    /** Opens the checkout of an appointment (the checkout feature's screen). */
    private final LongConsumer checkout;
    private final BookModel model = new BookModel();
    private final BookGrid grid = new BookGrid();
    private LocalDate date;
    private BookModel.Mode mode = BookModel.Mode.DAY;
    private long loadSeq;
    private long searchSeq;
    private PatientSummary chosenPatient;
    /** What to do when the hours question is answered yes. */
    private Runnable onYes;
    /** The appointment the details show, as last read: a reload bringing it unchanged leaves its buttons alone. */
    private Appointment shown;
    /** The day or week the book last scrolled for: a reload of the same one keeps the scroll. */
    private String scrolledFor;
    /** N opened the form: the letter typed with it is not the patient's name. */
    private boolean swallowTyped;

    @FXML private BorderPane bookRoot;
    @FXML private Button bookPrev;
    @FXML private Button bookToday;
    @FXML private Button bookNext;
    @FXML private DatePicker bookDate;
    @FXML private Label bookTitle;
    @FXML private ToggleButton bookDayMode;
    @FXML private ToggleButton bookWeekMode;
    @FXML private ToggleButton bookByInjector;
    @FXML private ToggleButton bookByRoom;
    @FXML private ComboBox<Injector> bookWeekInjector;
    @FXML private Button bookNew;
    @FXML private HBox bookQuestion;
    @FXML private Label bookQuestionText;
    @FXML private Label bookMessage;
    @FXML private Label bookStatus;
    @FXML private ScrollPane bookScroll;
    @FXML private VBox bookNothing;
    @FXML private VBox apptDetails;
    @FXML private Label apptTitle;
    @FXML private Label apptStatus;
    @FXML private Label apptWhen;
    @FXML private Label apptPatient;
    @FXML private Label apptWith;
    @FXML private Label apptReason;
    @FXML private FlowPane apptActions;
    @FXML private VBox apptCancelBox;
    @FXML private TextField apptCancelReason;
    @FXML private Label apptError;
    @FXML private VBox bookingForm;
    @FXML private ScrollPane bookingFields;
    @FXML private TextField formPatient;
    @FXML private ListView<PatientSummary> formPatientResults;
    @FXML private Label formPatientChosen;
    @FXML private ComboBox<AppointmentKind> formKind;
    @FXML private TextField formMinutes;
    @FXML private DatePicker formDate;
    @FXML private TextField formTime;
    @FXML private ComboBox<Injector> formInjector;
    @FXML private ComboBox<Room> formRoom;
    @FXML private Button formNextFree;
    @FXML private CheckBox formAnyInjector;
    @FXML private TextArea formReason;
    @FXML private CheckListView<Product> formProducts;
    @FXML private Label formError;
    @FXML private Button formBook;
    @FXML private Button formClose;

    public BookController(AppointmentService appointments, PatientService patients, InventoryService inventory,
                          Background background, Changes changes,
                          java.util.function.Supplier<org.needlepoint.ui.View<CheckInController>> checkInScreen,
                          LongConsumer checkout) {
        this.appointments = appointments;
        this.checkout = checkout;
        this.patients = patients;
        this.inventory = inventory;
        this.background = background;
        this.changes = changes;
        this.checkInScreen = checkInScreen;
    }

    @FXML
    private void initialize() {
        date = appointments.today();
        grid.setId("bookGrid");
        bookScroll.setContent(grid);
        Runnable heads = () -> grid.setHeaderY(Math.max(0, bookScroll.getVvalue()
                * (grid.getHeight() - bookScroll.getViewportBounds().getHeight())));
        bookScroll.vvalueProperty().addListener((o, was, now) -> heads.run());
        bookScroll.viewportBoundsProperty().addListener((o, was, now) -> heads.run());
        grid.heightProperty().addListener((o, was, now) -> heads.run());
        ToggleGroup modes = new ToggleGroup();
        bookDayMode.setToggleGroup(modes);
        bookWeekMode.setToggleGroup(modes);
        bookDayMode.setSelected(true);
        ToggleGroup grouping = new ToggleGroup();
        bookByInjector.setToggleGroup(grouping);
        bookByRoom.setToggleGroup(grouping);
        bookByInjector.setSelected(true);
        keepOneSelected(modes);
        keepOneSelected(grouping);
        modes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                mode = now == bookWeekMode ? BookModel.Mode.WEEK : BookModel.Mode.DAY;
                showModeControls();
                reload();
            }
        });
        grouping.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.grouping(now == bookByRoom ? BookModel.Grouping.ROOM : BookModel.Grouping.INJECTOR);
                redraw();
            }
        });
        bookWeekInjector.valueProperty().addListener((o, was, now) -> {
            model.weekInjector(now == null || now == ALL ? null : now.id());
            redraw();
        });
        showModeControls();
        bookDate.setValue(date);
        bookDate.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(date)) {
                date = now;
                reload();
            }
        });
        grid.selectedProperty().addListener((o, was, now) -> showDetails(now));
        grid.setOnOpen(this::open);
        grid.setOnNew(this::newBookingAt);
        grid.setOnMove(this::move);
        grid.addEventHandler(KeyEvent.KEY_PRESSED, this::gridKey);
        bookRoot.addEventHandler(KeyEvent.KEY_PRESSED, this::pageKey);
        bookRoot.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        bookRoot.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
        setUpForm();
        BooleanBinding busy = grid.draggingProperty().or(bookingForm.visibleProperty());
        LiveRefresh.followLoads(grid, changes, Set.of(ChangeFeed.APPOINTMENT), this::load).pausedWhile(busy);
        reload();
    }

    private static void keepOneSelected(ToggleGroup g) {
        g.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
    }

    private void showModeControls() {
        boolean day = mode == BookModel.Mode.DAY;
        for (Node n : List.of(bookByInjector, bookByRoom)) {
            n.setVisible(day);
            n.setManaged(day);
        }
        bookWeekInjector.setVisible(!day);
        bookWeekInjector.setManaged(!day);
        String unit = day ? "day" : "week";
        bookPrev.getTooltip().setText("Back a " + unit + " (Page Up)");
        bookNext.getTooltip().setText("On a " + unit + " (Page Down)");
    }

    /** The book's keyboard focus (the window calls it when the section is shown). */
    public void focus() {
        Platform.runLater(grid::requestFocus);
    }

    // ------------------------------------------------------------------------------------ loading

    /** Reads the day or week again. */
    public void reload() {
        load(() -> { });
    }

    private void load(Runnable done) {
        long seq = ++loadSeq;
        LocalDate d = date;
        BookModel.Mode m = mode;
        background.run(() -> BookModel.Snapshot.load(appointments, d, m), snap -> {
            if (seq == loadSeq) {
                model.show(snap);
                fillChoices(snap);
                redraw();
            }
            done.run();
        }, e -> {
            message(Forms.message(e));
            done.run();
        });
    }

    private void fillChoices(BookModel.Snapshot snap) {
        List<Injector> weekChoices = new ArrayList<>();
        weekChoices.add(ALL);
        weekChoices.addAll(snap.injectors());
        Injector chosen = bookWeekInjector.getValue();
        if (!weekChoices.equals(bookWeekInjector.getItems())) {
            bookWeekInjector.getItems().setAll(weekChoices);
            bookWeekInjector.setValue(chosen == null ? ALL : weekChoices.stream().filter(i -> i.id() == chosen.id())
                    .findFirst().orElse(ALL));
        }
        if (!snap.injectors().equals(formInjector.getItems())) {
            Injector was = formInjector.getValue();
            formInjector.getItems().setAll(snap.injectors());
            formInjector.setValue(was);
        }
        List<Room> rooms = new ArrayList<>();
        rooms.add(NO_ROOM);
        rooms.addAll(snap.rooms());
        if (!rooms.equals(formRoom.getItems())) {
            Room was = formRoom.getValue();
            formRoom.getItems().setAll(rooms);
            formRoom.setValue(was == null ? NO_ROOM : was);
        }
    }

    private void redraw() {
        if (model.data() == null) {
            return;
        }
        bookTitle.setText(model.title());
        grid.show(model);
        showDetails(grid.selectedProperty().get());
        String shownFor = model.data().mode() + " " + model.data().date();
        if (!shownFor.equals(scrolledFor)) {
            scrolledFor = shownFor;
            LocalDateTime now = appointments.now();
            boolean today = model.columns().stream().anyMatch(c -> c.date().equals(now.toLocalDate()));
            scrollTo(today ? now.toLocalTime().minusHours(1) : model.layoutOfDay());
        }
    }

    /** Scrolls the book so that {@code t} is at the top (as far as it goes). */
    private void scrollTo(java.time.LocalTime t) {
        if (bookScroll.getSkin() == null) {
            // only before the first pulse: applyCss works through the style sheets for every node under the
            // scroll pane, the week's ~600 blocks included, even where nothing changed
            bookScroll.applyCss();
        }
        bookScroll.layout();
        BookLayout l = grid.layoutOfAxis();
        double room = grid.prefHeight(-1) - bookScroll.getViewportBounds().getHeight();
        if (l == null || room <= 0) {
            bookScroll.setVvalue(0);
            return;
        }
        double y = t.isBefore(l.from()) ? 0 : l.y(t);
        bookScroll.setVvalue(Math.max(0, Math.min(1, y / room)));
    }

    // ------------------------------------------------------------------------------------ navigation

    @FXML
    private void previous() {
        go(BookModel.step(date, mode, -1));
    }

    @FXML
    private void next() {
        go(BookModel.step(date, mode, 1));
    }

    @FXML
    private void today() {
        go(appointments.today());
    }

    private void go(LocalDate d) {
        bookDate.setValue(d);
        grid.requestFocus();
    }

    private boolean typing() {
        Node f = bookRoot.getScene() == null ? null : bookRoot.getScene().getFocusOwner();
        return f instanceof TextInputControl || f instanceof ComboBoxBase<?> || f instanceof ListView<?>
                || f instanceof CheckListView<?>;
    }

    private void pageKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && bookingForm.isVisible()) {
            closeForm();
            e.consume();
            return;
        }
        if (typing() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        switch (e.getCode()) {
            case N -> {
                swallowTyped = true;
                newBooking();
            }
            case T -> today();
            case PAGE_UP -> previous();
            case PAGE_DOWN -> next();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void gridKey(KeyEvent e) {
        Appointment sel = grid.selectedProperty().get();
        Appointment to;
        switch (e.getCode()) {
            case UP -> to = model.neighbour(sel, -1, false);
            case DOWN -> to = model.neighbour(sel, 1, false);
            case LEFT -> to = model.neighbour(sel, -1, true);
            case RIGHT -> to = model.neighbour(sel, 1, true);
            case ENTER -> {
                if (sel != null) {
                    open(sel);
                }
                e.consume();
                return;
            }
            default -> {
                return;
            }
        }
        e.consume();
        if (to != null) {
            grid.selectedProperty().set(to);
            Node b = grid.blockOf(to.id());
            if (b != null) {
                double h = grid.getHeight() - bookScroll.getViewportBounds().getHeight();
                if (h > 0) {
                    bookScroll.setVvalue(Math.max(0, Math.min(1, (b.getLayoutY() - BookGrid.HEADER_HEIGHT - 40) / h)));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------ messages

    private void message(String text) {
        Forms.showStatus(bookStatus, null);
        Forms.showError(bookMessage, text);
    }

    private void done(String text) {
        Forms.showError(bookMessage, null);
        Forms.showStatus(bookStatus, text);
    }

    private void ask(String question, Runnable yes) {
        onYes = yes;
        bookQuestionText.setText(question);
        bookQuestion.setVisible(true);
        bookQuestion.setManaged(true);
    }

    private void hideQuestion() {
        onYes = null;
        bookQuestion.setVisible(false);
        bookQuestion.setManaged(false);
    }

    @FXML
    private void questionYes() {
        Runnable r = onYes;
        hideQuestion();
        if (r != null) {
            r.run();
        }
    }

    @FXML
    private void questionNo() {
        hideQuestion();
        done("Nothing was changed.");
        redraw();
    }

    // ------------------------------------------------------------------------------------ moving

    private void move(BookModel.MoveCall call) {
        move(call, false);
    }

    private void move(BookModel.MoveCall call, boolean outsideHoursConfirmed) {
        hideQuestion();
        background.run(() -> appointments.move(call.appointmentId(), call.version(), call.start(), call.minutes(),
                call.injectorId(), call.roomId(), outsideHoursConfirmed), a -> {
            done("Moved: " + a.patientName() + " to " + WHEN.format(a.start()) + "\u2013" + HM.format(a.end()) + " with "
                    + a.injectorName() + (a.roomName() == null ? "" : " in " + a.roomName()) + ".");
            grid.selectedProperty().set(a);
            reload();
        }, e -> {
            redraw();
            if (e instanceof OutsideHoursException) {
                ask(e.getMessage(), () -> move(call, true));
            } else {
                message(Forms.message(e) + " The appointment stays where it was.");
                reload();
            }
        });
    }

    // ------------------------------------------------------------------------------------ the chosen appointment

    private void open(Appointment a) {
        grid.selectedProperty().set(a);
        showDetails(a);
        apptActions.getChildren().stream().findFirst().ifPresent(Node::requestFocus);
    }

    private void showDetails(Appointment a) {
        if (bookingForm.isVisible()) {
            return;
        }
        Appointment now = a == null ? null : model.find(a.id());
        bookNothing.setVisible(now == null);
        apptDetails.setVisible(now != null);
        if (now == null || now.equals(shown)) {
            shown = now;
            return;
        }
        shown = now;
        apptTitle.setText(now.kind().label() + ": " + now.patientName());
        apptStatus.setText(now.status().label());
        apptStatus.getStyleClass().removeIf(s -> s.startsWith("status-"));
        apptStatus.getStyleClass().add("status-" + now.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        apptWhen.setText(WHEN.format(now.start()) + "\u2013" + HM.format(now.end()) + " (" + now.minutes() + " min)");
        apptPatient.setText("Chart #" + now.chartNumber());
        apptWith.setText("With " + now.injectorName() + (now.roomName() == null ? ", no room" : " in " + now.roomName()));
        apptReason.setText(now.reason() == null ? "" : now.reason());
        Forms.showError(apptError, null);
        apptCancelBox.setVisible(false);
        apptCancelBox.setManaged(false);
        apptActions.getChildren().clear();
        boolean atCheckout = now.visitId() != null && (now.status() == AppointmentStatus.ARRIVED
                || now.status() == AppointmentStatus.IN_TREATMENT);
        if (atCheckout) {
            // a checked-in patient's treatment ends at checkout (aftercare, next visit), which completes the appointment
            Button out = new Button("Checkout\u2026");
            out.setId("apptCheckout");
            out.getStyleClass().addAll("big", "accent", "status-action");
            out.setOnAction(ev -> checkout.accept(now.id()));
            apptActions.getChildren().add(out);
        }
        for (AppointmentStatus to : AppointmentService.nextStatuses(now.status())) {
            if (atCheckout && to == AppointmentStatus.COMPLETED) {
                continue;
            }
            Button b = new Button(to == AppointmentStatus.CANCELLED ? "Cancel\u2026"
                    : to == AppointmentStatus.CONFIRMED ? "Confirm" : to.label());
            b.setId("status-" + to.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.getStyleClass().addAll("big", "status-action");
            b.setOnAction(ev -> {
                if (to == AppointmentStatus.CANCELLED) {
                    apptCancelBox.setVisible(true);
                    apptCancelBox.setManaged(true);
                    apptCancelReason.clear();
                    apptCancelReason.requestFocus();
                } else {
                    changeStatus(now, to, null);
                }
            });
            apptActions.getChildren().add(b);
        }
        if (now.checkedInAt() != null) {
            Label in = new Label("Checked in " + HM.format(java.time.LocalDateTime.ofInstant(now.checkedInAt(),
                    appointments.zone())));
            in.setId("bookCheckedIn");
            in.getStyleClass().add("book-checked-in");
            apptActions.getChildren().add(in);
        }
        if (appointments.checkInProblem(now).isEmpty()) {
            Button b = new Button(now.checkedInAt() == null ? "Check in" : "Check in again");
            b.setId("bookCheckIn");
            b.getStyleClass().addAll("big", "status-action");
            if (now.checkedInAt() == null) {
                b.getStyleClass().add("accent");
            }
            b.setOnAction(ev -> checkIn(now));
            apptActions.getChildren().add(b);
        }
        if (apptActions.getChildren().isEmpty()) {
            Label over = new Label("This appointment is over: its status no longer changes.");
            over.setWrapText(true);
            apptActions.getChildren().add(over);
        }
    }

    /** Opens the check-in of the selected appointment; the book reloads once the patient is checked in. */
    private void checkIn(Appointment a) {
        Forms.showError(apptError, null);
        checkInScreen.get().controller().open(a.id(), bookRoot.getScene() == null ? null : bookRoot.getScene().getWindow(),
                done -> {
                    done(CheckInModel.doneMessage(done, appointments.zone()));
                    Forms.showError(bookMessage, done.consentWarning());
                    reload();
                }, refused -> {
                    Forms.showError(apptError, refused);
                    reload();
                });
    }

    private void changeStatus(Appointment a, AppointmentStatus to, String note) {
        background.run(() -> appointments.changeStatus(a.id(), a.version(), to, note), done -> {
            done(done.patientName() + ": " + done.status().label().toLowerCase(Locale.ROOT) + ".");
            reload();
        }, e -> {
            Forms.showError(apptError, Forms.message(e));
            if (e instanceof ValidationException v && v.fieldErrors().containsKey("cancelReason")) {
                Forms.mark(apptCancelReason, v.fieldErrors().get("cancelReason"));
            }
            reload();
        });
    }

    @FXML
    private void confirmCancel() {
        Appointment a = grid.selectedProperty().get();
        if (a != null) {
            Forms.mark(apptCancelReason, null);
            changeStatus(model.find(a.id()) == null ? a : model.find(a.id()), AppointmentStatus.CANCELLED,
                    apptCancelReason.getText());
        }
    }

    @FXML
    private void keepAppointment() {
        apptCancelBox.setVisible(false);
        apptCancelBox.setManaged(false);
    }

    // ------------------------------------------------------------------------------------ booking form

    private void setUpForm() {
        formBook.disableProperty().bind(bookingForm.visibleProperty().not());
        formClose.disableProperty().bind(bookingForm.visibleProperty().not());
        formKind.getItems().setAll(AppointmentKind.values());
        formKind.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                formMinutes.setText(String.valueOf(AppointmentService.defaultMinutes(now)));
            }
        });
        formRoom.setConverter(new StringConverter<>() {
            @Override
            public String toString(Room r) {
                return r == null ? "" : r.name();
            }

            @Override
            public Room fromString(String s) {
                return null;
            }
        });
        formPatientResults.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PatientSummary p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.displayName() + "  #" + p.chartNumber() + "  "
                        + (p.birthDate() == null ? "" : p.birthDate()) + (p.phone() == null ? "" : "  " + p.phone()));
            }
        });
        formPatient.textProperty().addListener((o, was, now) -> search(now));
        formPatient.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !formPatientResults.getItems().isEmpty()) {
                formPatientResults.requestFocus();
                formPatientResults.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        formPatientResults.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                chosenPatient = now;
                formPatientChosen.setText("Chosen: " + now.displayName() + "  #" + now.chartNumber());
                Forms.mark(formPatient, null);
            }
        });
        formProducts.setCellFactory(v -> new CheckBoxListCell<>(formProducts::getItemBooleanProperty, new StringConverter<>() {
            @Override
            public String toString(Product p) {
                return p == null ? "" : p.name() + (p.brand() == null || p.name().contains(p.brand()) ? "" : " (" + p.brand() + ")");
            }

            @Override
            public Product fromString(String s) {
                return null;
            }
        }));
    }

    private void search(String text) {
        long seq = ++searchSeq;
        if (text == null || text.isBlank()) {
            formPatientResults.getItems().clear();
            return;
        }
        background.run(() -> patients.search(text), rows -> {
            if (seq == searchSeq) {
                formPatientResults.getItems().setAll(rows);
            }
        }, e -> Forms.showError(formError, Forms.message(e)));
    }

    @FXML
    private void newBooking() {
        BookModel.Column first = grid.columns().isEmpty() ? null : grid.columns().get(0);
        LocalDateTime now = appointments.now();
        java.time.LocalTime at = now.toLocalTime().withSecond(0).withNano(0);
        at = at.plusMinutes((BookLayout.SNAP - at.getMinute() % BookLayout.SNAP) % BookLayout.SNAP);
        LocalDate day = mode == BookModel.Mode.DAY ? date : now.toLocalDate();
        Appointment sel = grid.selectedProperty().get();
        if (sel != null) {
            day = sel.end().toLocalDate();
            at = sel.end().toLocalTime();
        }
        openForm(first == null ? null : new BookGrid.Slot(first, at, null), day);
    }

    private void newBookingAt(BookGrid.Slot slot) {
        openForm(slot, slot.column().date());
    }

    private void openForm(BookGrid.Slot slot, LocalDate day) {
        hideQuestion();
        chosenPatient = null;
        formPatient.clear();
        formPatientResults.getItems().clear();
        formPatientChosen.setText("No patient chosen yet.");
        formKind.setValue(AppointmentKind.TREATMENT);
        if (slot != null && slot.minutes() != null) {
            formMinutes.setText(String.valueOf(slot.minutes()));
        }
        formDate.setValue(day);
        formTime.setText(slot == null ? "" : HM.format(slot.start()));
        Long injector = slot == null ? null : slot.column().injectorId();
        if (injector == null && slot != null && !slot.column().byRoom()) {
            injector = model.weekInjector();
        }
        Long inj = injector;
        formInjector.setValue(inj == null ? null : formInjector.getItems().stream().filter(i -> i.id() == inj).findFirst()
                .orElse(null));
        Long room = slot != null && slot.column().byRoom() ? slot.column().roomId() : null;
        formRoom.setValue(formRoom.getItems().stream().filter(r -> room != null && r.id() == room).findFirst().orElse(NO_ROOM));
        formAnyInjector.setSelected(false);
        formReason.clear();
        Forms.showError(formError, null);
        clearMarks();
        background.run(() -> inventory.products().stream().filter(Product::active).toList(),
                list -> formProducts.getItems().setAll(list), e -> Forms.showError(formError, Forms.message(e)));
        bookNothing.setVisible(false);
        apptDetails.setVisible(false);
        shown = null;
        bookingForm.setVisible(true);
        bookingFields.setVvalue(0);
        formPatient.requestFocus();
    }

    private Map<String, Control> fields() {
        return Map.of("patient", formPatient, "kind", formKind, "date", formDate, "start", formTime, "time", formTime,
                "minutes", formMinutes, "injector", formInjector, "room", formRoom, "reason", formReason,
                "products", formProducts);
    }

    private void clearMarks() {
        fields().values().forEach(c -> Forms.mark(c, null));
    }

    @FXML
    private void closeForm() {
        bookingForm.setVisible(false);
        clearMarks();
        shown = null;
        showDetails(grid.selectedProperty().get());
        grid.requestFocus();
    }

    @FXML
    private void nextFree() {
        clearMarks();
        AppointmentKind kind = formKind.getValue();
        String m = formMinutes.getText() == null ? "" : formMinutes.getText().strip();
        Integer minutes = m.matches("\\d{1,4}") ? Integer.valueOf(m) : null;
        Long injector = formAnyInjector.isSelected() || formInjector.getValue() == null ? null : formInjector.getValue().id();
        LocalDate day = formDate.getValue() == null ? date : formDate.getValue();
        java.time.LocalTime t = BookingForm.time(formTime.getText());
        LocalDateTime from = day.atTime(t == null ? java.time.LocalTime.MIDNIGHT : t);
        if (from.isBefore(appointments.now())) {
            from = appointments.now();
        }
        LocalDateTime start = from;
        background.run(() -> appointments.nextFreeSlot(kind, minutes, injector, start), slot -> {
            if (slot.isEmpty()) {
                Forms.showError(formError, "No free slot in the next " + AppointmentService.SLOT_SEARCH_DAYS
                        + " days for this length" + (injector == null ? "." : " with this injector: try any injector."));
                return;
            }
            FreeSlot f = slot.get();
            formDate.setValue(f.start().toLocalDate());
            formTime.setText(HM.format(f.start()));
            formInjector.getItems().stream().filter(i -> i.id() == f.injectorId()).findFirst().ifPresent(formInjector::setValue);
            Forms.showError(formError, null);
            Forms.showStatus(bookStatus, "Next free slot: " + WHEN.format(f.start()) + " with " + f.injectorName() + ".");
        }, e -> showFormError(e));
    }

    @FXML
    private void book() {
        book(false);
    }

    private void book(boolean outsideHoursConfirmed) {
        clearMarks();
        AppointmentDraft draft;
        try {
            Room room = formRoom.getValue();
            draft = BookingForm.draft(chosenPatient == null ? null : chosenPatient.id(), formKind.getValue(), formDate.getValue(),
                    formTime.getText(), formMinutes.getText(), formInjector.getValue() == null ? null : formInjector.getValue().id(),
                    room == null || room == NO_ROOM ? null : room.id(), formReason.getText(),
                    formProducts.getCheckModel().getCheckedItems().stream().map(Product::id).toList());
        } catch (ValidationException e) {
            showFormError(e);
            return;
        }
        background.run(() -> appointments.book(draft, outsideHoursConfirmed), a -> {
            bookingForm.setVisible(false);
            hideQuestion();
            done("Booked: " + a.patientName() + " #" + a.chartNumber() + ", " + a.kind().label().toLowerCase(Locale.ROOT)
                    + " on " + WHEN.format(a.start()) + "\u2013" + HM.format(a.end()) + " with " + a.injectorName() + ".");
            grid.selectedProperty().set(a);
            if (!a.start().toLocalDate().equals(date) && (mode == BookModel.Mode.DAY
                    || !AppointmentService.weekStart(a.start().toLocalDate()).equals(AppointmentService.weekStart(date)))) {
                bookDate.setValue(a.start().toLocalDate());
            } else {
                reload();
            }
            grid.requestFocus();
        }, e -> {
            if (e instanceof OutsideHoursException) {
                ask(e.getMessage(), () -> book(true));
            } else {
                showFormError(e);
            }
        });
    }

    private void showFormError(Throwable e) {
        Forms.showError(formError, Forms.message(e));
        if (e instanceof ValidationException v) {
            Map<String, Control> f = fields();
            v.fieldErrors().forEach((name, text) -> {
                Control c = f.get(name);
                if (c != null) {
                    Forms.mark(c, text);
                }
            });
        }
    }
}
