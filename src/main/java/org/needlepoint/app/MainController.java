package org.needlepoint.app;

import org.needlepoint.ui.ViewLoader;
import org.needlepoint.ui.Page;
import org.needlepoint.ui.View;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.needlepoint.patient.PatientController;
import org.needlepoint.patient.PatientSearchController;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;

/**
 * The signed-in window: navigation on the left, the section in the middle, the status bar below.
 * Sections are built once and kept, so switching away and back keeps whatever was typed.
 */
public final class MainController {
    private final ViewLoader loader;
    private final User user;
    private final String clinic;
    private final Path dataFolder;
    private final Supplier<Parent> adminView;
    private final Runnable onSignOut;
    private final Runnable onLock;

    @FXML private Label clinicName;
    @FXML private ToggleButton navPatients;
    @FXML private ToggleButton navToday;
    @FXML private ToggleButton navBook;
    @FXML private ToggleButton navInventory;
    @FXML private ToggleButton navFollowups;
    @FXML private ToggleButton navSafety;
    @FXML private ToggleButton navAdmin;
    @FXML private Button lockButton;
    @FXML private Button signOutButton;
    @FXML private StackPane content;
    @FXML private Label statusUser;
    @FXML private Label statusRole;
    @FXML private Label statusMessage;
    @FXML private Label statusData;
    @FXML private Label statusServer;

    private final StackPane patientsSection = new StackPane();
    private View<PatientSearchController> search;
    private View<PatientController> patientForm;
    private View<org.needlepoint.chart.ChartController> chart;
    private View<TodayController> today;
    private View<org.needlepoint.schedule.BookController> book;
    private View<org.needlepoint.inventory.InventoryController> inventory;
    private View<org.needlepoint.followup.FollowUpsController> followups;
    @FXML private org.needlepoint.followup.UrgentBannerController urgentBannerController;
    private View<org.needlepoint.inventory.RecallController> recall;
    private Tab recallTab;
    private View<org.needlepoint.followup.SafetySignalsController> safety;
    private Page page;
    private java.util.List<Node> beforePage;
    private ToggleButton navBeforePage;
    private Parent admin;
    private final Runnable onQuit;
    @FXML private ToggleButton navMySettings;

    public MainController(ViewLoader loader, User user, String clinic, Path dataFolder, Supplier<Parent> adminView,
                          Runnable onSignOut, Runnable onLock, Runnable onQuit) {
        this.onQuit = onQuit;
        this.loader = loader;
        this.user = user;
        this.clinic = clinic;
        this.dataFolder = dataFolder;
        this.adminView = adminView;
        this.onSignOut = onSignOut;
        this.onLock = onLock;
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton b : new ToggleButton[] {navPatients, navToday, navBook, navInventory, navFollowups, navSafety,
                navAdmin, navMySettings}) {
            b.setToggleGroup(group);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                statusMessage.setText(""); // a message belongs to the section it was said in
            }
        });
        clinicName.setText(clinic);
        boolean isAdmin = user.role() == Role.ADMIN;
        navAdmin.setVisible(isAdmin);
        navAdmin.setManaged(isAdmin);
        boolean clinical = isAdmin || user.role() == Role.INJECTOR;
        navSafety.setVisible(clinical);
        navSafety.setManaged(clinical);
        statusUser.setText("Signed in: " + user.displayName());
        statusRole.setText("Role: " + user.role().label());
        statusData.setText("Data: " + dataFolder);
        patientsSection.setId("patientsSection");
        search = loader.load(PatientSearchController.class);
        patientsSection.getChildren().setAll(search.root());
        showPatients();
    }

    /**
     * On a joined PC: where the records are, and whether the clinic server answers. When it does not,
     * the bar says so plainly; what is on screen and any typing stay, and a save says nothing was saved.
     */
    public void showServer(String address, boolean reachable) {
        statusServer.setVisible(true);
        statusServer.setManaged(true);
        statusData.setText("Records: clinic server " + address);
        statusServer.getStyleClass().remove("server-down");
        if (reachable) {
            statusServer.setText("Clinic server: connected");
        } else {
            statusServer.getStyleClass().add("server-down");
            statusServer.setText("Clinic server not reachable: your typing is kept; saving works again once it is back");
        }
    }

    @FXML
    public void showPatients() {
        navPatients.setSelected(true);
        content.getChildren().setAll(patientsSection);
        if (patientForm == null || !patientsSection.getChildren().contains(patientForm.root())) {
            search.controller().focusSearch();
        }
    }

    @FXML
    private void showToday() {
        navToday.setSelected(true);
        if (today == null) {
            today = loader.load(TodayController.class);
        }
        today.controller().refresh();
        content.getChildren().setAll(today.root());
    }

    /** The appointment book (every role). */
    @FXML
    void showBook() {
        navBook.setSelected(true);
        if (book == null) {
            book = loader.load(org.needlepoint.schedule.BookController.class);
        }
        content.getChildren().setAll(book.root());
        book.controller().focus();
    }

    @FXML
    private void showInventory() {
        navInventory.setSelected(true);
        if (inventory == null) {
            inventory = loader.load(org.needlepoint.inventory.InventoryController.class);
            recall = loader.load(org.needlepoint.inventory.RecallController.class);
            recallTab = inventory.controller().addTab("recallTab", "Recall", recall.root());
        } else {
            inventory.controller().refresh();
        }
        content.getChildren().setAll(inventory.root());
    }

    /** Inventory, on its Stock tab (the Today screen's stock card). */
    void showInventoryStock() {
        showInventory();
        inventory.controller().showStock();
    }

    /** Inventory on its Recall tab; the lot's list at once when {@code lotId} is given (safety signals). */
    public void showLotRecall(Long lotId) {
        showInventory();
        inventory.controller().select(recallTab);
        if (lotId != null) {
            recall.controller().showLot(lotId);
        }
        recall.controller().focus();
    }

    @FXML
    void showFollowups() {
        navFollowups.setSelected(true);
        if (followups == null) {
            followups = loader.load(org.needlepoint.followup.FollowUpsController.class);
        }
        followups.controller().refresh();
        content.getChildren().setAll(followups.root());
    }

    /** Follow-up records changed somewhere in the app: the urgent banner and the follow-up screens reload. */
    void followUpsChanged() {
        urgentBannerController.refresh();
        if (followups != null) {
            followups.controller().refresh();
        }
        if (today != null && content.getChildren().contains(today.root())) {
            today.controller().refresh();
        }
    }

    /** Adverse events by lot, product, injector and type, and the current safety signals (injectors and admins). */
    @FXML
    public void showSafetySignals() {
        if (user.role() == Role.FRONT_DESK) {
            return;
        }
        navSafety.setSelected(true);
        if (safety == null) {
            safety = loader.load(org.needlepoint.followup.SafetySignalsController.class);
        }
        safety.controller().refresh();
        content.getChildren().setAll(safety.root());
    }

    /** My settings: the signed-in person's own signing PIN and theme (read afresh each time). */
    @FXML
    void showMySettings() {
        if (!leavePage()) {
            return;
        }
        navMySettings.setSelected(true);
        content.getChildren().setAll(loader.load(org.needlepoint.security.MySettingsController.class).root());
    }

    @FXML
    private void quit() {
        onQuit.run();
    }

    @FXML
    private void showAdmin() {
        if (user.role() != Role.ADMIN) {
            return;
        }
        navAdmin.setSelected(true);
        if (admin == null) {
            admin = adminView.get();
        }
        content.getChildren().setAll(admin);
    }

    /** Opens a patient's record (or an empty form when {@code id} is null), replacing any open form. */
    void showPatientForm(Long id, String prefill) {
        if (!leavePage()) {
            return;
        }
        if (patientForm != null && patientForm.controller().isDirty() && !patientForm.controller().confirmDiscard()) {
            showPatients();
            patientsSection.getChildren().setAll(patientForm.root());
            return;
        }
        patientForm = loader.load(PatientController.class);
        chart = null;
        if (id == null) {
            patientForm.controller().startNew(prefill);
        } else {
            patientForm.controller().open(id);
        }
        patientsSection.getChildren().setAll(patientForm.root());
        showPatients();
    }

    /** Replaces the patient form with the charting screen for that patient. */
    void showChart(long patientId, Long visitId) {
        if (!leavePage()) {
            return;
        }
        if (patientForm != null && patientForm.controller().isDirty() && !patientForm.controller().confirmDiscard()) {
            return;
        }
        patientForm = null;
        chart = loader.load(org.needlepoint.chart.ChartController.class);
        chart.controller().open(patientId, visitId);
        patientsSection.getChildren().setAll(chart.root());
        showPatients();
    }

    void backToSearch() {
        if (!leavePage()) {
            return;
        }
        patientsSection.getChildren().setAll(search.root());
        patientForm = null;
        search.controller().refresh();
        showPatients();
    }

    /** Ctrl+F from anywhere. */
    void focusSearch() {
        if (page != null && page.isDirty()) {
            showPatients();
            return;
        }
        dropPage();
        if (patientForm != null && patientsSection.getChildren().contains(patientForm.root())
                && patientForm.controller().isDirty()) {
            showPatients();
            return;
        }
        patientsSection.getChildren().setAll(search.root());
        patientForm = null;
        showPatients();
    }

    /** True when an open form holds typing that is not saved. */
    boolean hasUnsavedWork() {
        return patientForm != null && patientForm.controller().isDirty()
                || chart != null && chart.controller().isDirty()
                || followups != null && followups.controller().hasUnsavedWork()
                || page != null && page.isDirty();
    }

    /**
     * Shows {@code root} in the Patients section in place of what it showed (the record, a chart);
     * {@link #closePage()} goes back to that, in the section the person came from. False when an
     * open page's typing is kept (the person did not agree to discard it).
     */
    boolean showPage(Parent root, Page controller) {
        if (page != null && page.isDirty() && !page.confirmDiscard()) {
            showPatients();
            return false;
        }
        if (page == null) {
            beforePage = java.util.List.copyOf(patientsSection.getChildren());
            navBeforePage = (ToggleButton) navPatients.getToggleGroup().getSelectedToggle();
        }
        page = controller;
        patientsSection.getChildren().setAll(root);
        showPatients();
        return true;
    }

    /** Leaves the page for what the Patients section showed before it, and the section the person came from. */
    void closePage() {
        if (page == null) {
            return;
        }
        java.util.List<Node> before = beforePage;
        ToggleButton from = navBeforePage;
        dropPage();
        patientsSection.getChildren().setAll(before);
        if (from == null || from == navPatients || !from.isVisible()) {
            showPatients();
        } else {
            from.fire();
        }
    }

    /** True when no page is open, or it holds nothing unsaved, or the person agrees to discard it. */
    private boolean leavePage() {
        if (page != null && page.isDirty() && !page.confirmDiscard()) {
            showPatients();
            return false;
        }
        dropPage();
        return true;
    }

    private void dropPage() {
        page = null;
        beforePage = null;
        navBeforePage = null;
    }

    /** Reads the home screen's cards again when it is the section shown (a backup just finished). */
    void refreshToday() {
        if (today != null && content.getChildren().contains(today.root())) {
            today.controller().refresh();
        }
    }

    void status(String message) {
        statusMessage.setText(message);
    }

    @FXML
    private void signOut() {
        onSignOut.run();
    }

    @FXML
    private void lock() {
        onLock.run();
    }

    private static Node comingSoon(String id, String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("title-2");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(560);
        Label tag = new Label("Not built yet");
        tag.getStyleClass().add("coming-soon-tag");
        VBox box = new VBox(12, tag, t, body);
        box.setAlignment(Pos.CENTER);
        box.setId(id);
        box.getStyleClass().add("coming-soon");
        return box;
    }
}
