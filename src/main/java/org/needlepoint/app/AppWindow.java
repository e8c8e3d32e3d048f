package org.needlepoint.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.util.logging.Level;
import javafx.application.Platform;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.needlepoint.backup.BackupViews;
import org.needlepoint.backup.DamagedRecords;
import org.needlepoint.backup.DamagedRecordsController;
import org.needlepoint.chart.ChartViews;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.clinic.ClinicService;
import org.needlepoint.clinic.ClinicViews;
import org.needlepoint.clinic.SetupController;
import org.needlepoint.followup.AdverseEventController;
import org.needlepoint.followup.FollowUpViews;
import org.needlepoint.schedule.ScheduleViews;
import org.needlepoint.inventory.InventoryViews;
import org.needlepoint.patient.PatientViews;
import org.needlepoint.photo.PhotoViews;
import org.needlepoint.security.LockController;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.SecurityViews;
import org.needlepoint.security.SignInController;
import org.needlepoint.security.User;
import org.needlepoint.server.JoinClient;
import org.needlepoint.server.JoinController;
import org.needlepoint.server.JoinFolder;
import org.needlepoint.server.JoinForm;
import org.needlepoint.server.ServerLauncher;
import org.needlepoint.server.ServerViews;
import org.needlepoint.store.DamagedRecordsException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.PagePrinter;
import org.needlepoint.checkout.CheckoutViews;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;
import org.needlepoint.ui.View;
import org.needlepoint.ui.ViewLoader;

/**
 * The application window and its flow: first-run setup, sign-in, the main window, and the idle
 * lock laid over it. The window's own screens (setup, sign-in, lock, main, Today, Admin) are
 * registered here; every feature registers its own screens through its {@code *Views} class.
 */
public final class AppWindow implements Shell {
    public static final double WIDTH = 1366;
    public static final double HEIGHT = 768;

    private Services services;
    private final Background background;
    private final ViewLoader loader = new ViewLoader();
    /** What the features registered over the open services; registered anew when the records are opened anew (joined, served). */
    private Screens screens = new Screens(loader);
    /** Records refused at open (damaged, or older than their seal), and what opens the store again once they are dealt with. */
    private DamagedRecords damagedRecords;
    private java.util.function.Consumer<String> reopen;
    private final StackPane root = new StackPane();
    private IdleMonitor idle;
    private String clinic = "Needlepoint";
    private View<SignInController> signInView;
    private View<MainController> main;
    /** The status bar's subscription to the server's reachability (a joined PC), replaced at each sign-in. */
    private org.needlepoint.common.Changes.Subscription serverWatch;
    private View<LockController> lockView;
    private Stage stage;
    /** Where exported files are saved: the system's save dialog; tests hand back a path. */
    private SaveDialog saveDialog = SaveDialog.PDF_CHOOSER;
    /** The printer checkout prints on: this PC's; tests hand in one that keeps the pages. */
    private PagePrinter printer = PagePrinter.SYSTEM;
    /** The "backing up before closing" overlay, while the exit backup runs. */
    private javafx.scene.Node exitBackup;
    /** The store is open and holds a clinic: there is something to back up. */
    private boolean clinicReady;
    /** The data folder, and how to open its records (again): given by {@link #startOpening}. */
    private java.nio.file.Path folder;
    private java.util.concurrent.Callable<Services> open;
    private java.util.function.Consumer<Throwable> onFailure;
    /** Starts the clinic server when an admin turns this PC into it; tests hand in one with their class path. */
    private ServerLauncher serverLauncher = ServerLauncher.forThisApp();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AppWindow.class.getName());

    /** A window over services that are already open (tests). */
    public AppWindow(Services services, Background background) {
        this(background);
        this.services = services;
        registerFeatures();
    }

    /** A window that opens its services itself, after showing the sign-in form ({@link #startOpening}). */
    public AppWindow(Background background) {
        this.background = background;
        root.setId("appRoot");
        loader.register(SetupController.class, () -> new SetupController(services.clinic(), services.auth(), background,
                        user -> background.run(() -> clinicName(services), name -> {
                            clinic = name;
                            enter(user);
                        }, error -> enter(user))))
                .register(SignInController.class, () -> new SignInController(() -> services.auth(), background, clinic, this::enter))
                .register(LockController.class, () -> new LockController(services.auth(), services.session(), background,
                        this::unlocked, this::switchUser))
                .register(MainController.class, () -> new MainController(loader, services.session().require(), clinic,
                        services.db().folder(), () -> loader.load(AdminController.class).root(), this::signOut, this::lockNow,
                        this::quit))
                .register(TodayController.class, () -> new TodayController(loader, services.clock(),
                        services.session().require(), screens.todayCards()))
                .register(AdminController.class, () -> new AdminController(screens))
                .register(DamagedRecordsController.class, () -> new DamagedRecordsController(damagedRecords, background,
                        reopen))
                .register(FirstRunController.class, () -> new FirstRunController(folder,
                        () -> openStore(open, onFailure, null)))
                .register(JoinController.class, () -> new JoinController(new JoinForm(folder, Clock.systemDefaultZone()),
                        background, this::joined));
    }

    /** Each feature registers its screens, Today cards and Admin tabs, with the services they use (once they are open). */
    private void registerFeatures() {
        Services s = services;
        screens.follow(s.changes());
        SecurityViews.register(screens, background, s.users(), s.audit(), s.clock());
        SecurityViews.registerPersonal(screens, background, this, s.auth());
        ClinicViews.register(screens, background, s.clinic());
        PatientViews.register(screens, background, this, s.patients(), s.session());
        ChartViews.register(screens, background, this, s.charts(), s.inventory(), s.reports(), s.adverseEvents(), s.clock(),
                () -> saveDialog);
        ScheduleViews.register(screens, background, s.session(), this, s.appointments(), s.checkIns(), s.patients(),
                s.inventory(), s.consents(), s.reports(), s.clock(), () -> printer, () -> saveDialog);
        CheckoutViews.register(screens, background, this, s.checkout(), () -> printer, () -> saveDialog);
        InventoryViews.register(screens, background, this, s.inventory(), s.reports(), s.session(), s.clock());
        PhotoViews.register(screens, background, s.photos(), s.clock());
        FollowUpViews.register(screens, background, this, s.followUps(), s.adverseEvents(), s.patients(), s.charts(),
                s.reports(), s.session(), () -> saveDialog, s.clock(), s.taskBookings(), s.appointments());
        BackupViews.register(screens, background, s.backups(), s.clock(), this::restored);
        ServerViews.register(screens, background, s.clinicPcs(), s.db(), s.clock(), this::turnIntoServer);
    }

    /** Builds the scene on {@code stage} over the open services and shows setup or sign-in. */
    public void start(Stage stage) {
        buildScene(stage);
        ready(new Opened(services, services.clinic().isSetUp(), clinicName(services)));
        stage.show();
    }

    /** What opening the store found out. */
    public record Opened(Services services, boolean setUp, String clinicName) {
    }

    /**
     * Shows the sign-in form at once, then opens the store in the background: the person can type
     * while the database opens, and a clinic PC shows its window as fast as a bare JavaFX one.
     * A first run (no clinic yet) swaps the form for the setup screen; a failure goes to
     * {@code onFailure} with its message.
     */
    public void startOpening(Stage stage, java.util.concurrent.Callable<Services> open,
                             java.util.function.Consumer<Throwable> onFailure) {
        startOpening(stage, null, open, onFailure);
    }

    /**
     * As {@link #startOpening(Stage, java.util.concurrent.Callable, java.util.function.Consumer)}, on
     * {@code folder}: a new, empty folder first asks whether to set up a new clinic or join the
     * clinic's server, before anything is created in it.
     */
    public void startOpening(Stage stage, java.nio.file.Path folder, java.util.concurrent.Callable<Services> open,
                             java.util.function.Consumer<Throwable> onFailure) {
        this.folder = folder;
        this.open = open;
        this.onFailure = onFailure;
        buildScene(stage);
        signInView = loader.load(SignInController.class);
        signInView.controller().waitForStore();
        root.getChildren().setAll(signInView.root());
        stage.setTitle("Needlepoint — sign in");
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
            if (services == null && folder == null) {
                openStore(open, onFailure, null);
            } else if (services == null) {
                background.run(() -> JoinFolder.isNew(folder), isNew -> {
                    if (isNew) {
                        showFirstRun();
                    } else {
                        openStore(open, onFailure, null);
                    }
                }, error -> openStore(open, onFailure, null));
            }
        });
        stage.show();
    }

    /**
     * Opens the store in the background. Records refused as damaged show the screen that says so and
     * offers the newest backup (or, to an admin, the records as they are); once one is done the store
     * is opened again, and the sign-in form says what was done ({@code notice}).
     */
    private void openStore(java.util.concurrent.Callable<Services> open, java.util.function.Consumer<Throwable> onFailure,
                           String notice) {
        openStore(open, onFailure, notice, false);
    }

    /** As above; a {@code problem} shows its message as one (red), not as a notice. */
    private void openStore(java.util.concurrent.Callable<Services> open, java.util.function.Consumer<Throwable> onFailure,
                           String notice, boolean problem) {
        background.run(() -> {
            Services s = open.call();
            return new Opened(s, s.clinic().isSetUp(), clinicName(s));
        }, opened -> {
            ready(opened);
            if (notice != null && signInView != null && root.getChildren().contains(signInView.root())) {
                if (problem) {
                    signInView.controller().showMessage(notice);
                } else {
                    signInNotice(notice);
                }
            }
        }, error -> {
            if (error instanceof DamagedRecordsException damaged) {
                damagedRecords = new DamagedRecords(damaged, d -> new Services(d, Clock.systemDefaultZone(),
                        new PasswordHasher()).checks(), new PasswordHasher(), Clock.systemDefaultZone());
                reopen = done -> openStore(open, onFailure, done);
                root.getChildren().setAll(loader.load(DamagedRecordsController.class).root());
                stage.setTitle("Needlepoint — the clinic's records need attention");
            } else {
                onFailure.accept(error);
            }
        });
    }

    private void ready(Opened opened) {
        if (services != opened.services()) { // the first open, or the records opened anew (joined, served)
            services = opened.services();
            screens = new Screens(loader);
            registerFeatures();
        }
        if (idle != null) {
            idle.disarm();
        }
        clinic = opened.clinicName();
        idle = new IdleMonitor(services.clock(), ClinicService.DEFAULT_IDLE_LOCK_MINUTES, this::lockNow);
        idle.attach(root.getScene());
        if (opened.setUp()) {
            clinicReady = true;
            backUpIfDue();
        }
        if (!opened.setUp()) {
            View<SetupController> setup = loader.load(SetupController.class);
            setup.controller().showDataFolder(services.db().folder());
            root.getChildren().setAll(setup.root());
        } else if (signInView != null && root.getChildren().contains(signInView.root())) {
            signInView.controller().storeReady(clinic);
        } else {
            showSignIn(null);
        }
    }

    /** First run on a new, empty data folder: set up a new clinic here, or join the clinic's server. */
    private void showFirstRun() {
        root.getChildren().setAll(loader.load(FirstRunController.class).root());
        stage.setTitle("Needlepoint — welcome");
    }

    /** This PC joined a clinic server and the person recognised its fingerprint: its records open through it. */
    private void joined(JoinClient.Joined joined) {
        openStore(open, onFailure, "This PC has joined the clinic server of " + joined.link().clinic()
                + ". Sign in with your Needlepoint username and password.");
    }

    /**
     * Admin ▸ Clinic server ▸ Turn this PC into the clinic server: everyone is signed out, the records
     * are closed, the server starts on them as a process of its own, and the records open again
     * through it (the sign-in form says so). When the server does not start, they open here as
     * before, and the sign-in form says why.
     */
    private void turnIntoServer() {
        if (open == null) {
            status("This window cannot open the records again, so it cannot turn this PC into the clinic server.");
            return;
        }
        Services old = services;
        java.nio.file.Path dir = old.db().folder();
        main = null;
        lockView = null;
        idle.disarm();
        javafx.scene.control.Label what = new javafx.scene.control.Label("Starting the clinic server on this PC…");
        what.getStyleClass().add("title-3");
        javafx.scene.control.Label how = new javafx.scene.control.Label("This takes up to a minute. Then sign in again.");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(14, new javafx.scene.control.ProgressIndicator(), what, how);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.setId("startingServer");
        box.getStyleClass().add("lock-screen");
        root.getChildren().setAll(box);
        stage.setTitle("Needlepoint — starting the clinic server");
        background.run(() -> {
            old.auth().signOut();
            old.db().close();
            serverLauncher.start(dir);
            return null;
        }, ok -> openStore(open, onFailure, "This PC is now the clinic server. Sign in again. To add a PC: Admin ▸"
                + " Clinic server ▸ Make a join code."), error -> openStore(open, onFailure, Forms.message(error)
                + " This PC keeps the clinic's records itself, as before.", true));
    }

    /** The launcher of the clinic server's process (tests: one with their class path). */
    public void setServerLauncher(ServerLauncher launcher) {
        this.serverLauncher = launcher;
    }

    private void buildScene(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        // ControlsFX may wrap the root in its decoration pane: the new scene root gets the theme's mark too
        scene.rootProperty().addListener((o, was, now) -> org.needlepoint.ui.Themes.mark(now, darkTheme()));
        scene.getStylesheets().add(ViewLoader.stylesheet("/org/needlepoint/app/app.css"));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (isUnlockedMain()) {
                main.controller().focusSearch();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            if (isUnlockedMain()) {
                newPatient("");
            }
        });
        stage.setTitle("Needlepoint");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> {
            if (!closeRequested()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            if (idle != null) {
                idle.disarm();
            }
            if (services != null) {
                services.changes().close();
            }
        });
    }

    /**
     * The window's close button, Quit and Ctrl+Q: unsaved work is confirmed first; then the exit backup
     * runs and closes the window itself (false: keep the window for now), or, with no clinic open yet,
     * the window may close at once (true).
     */
    private boolean closeRequested() {
        if (exitBackup != null) {
            return true; // closing while the exit backup runs: it is cut short, and cleaned up by the next backup
        }
        if (main != null && lockView == null && main.controller().hasUnsavedWork()
                && !confirmDiscard("Closing Needlepoint discards them.", "Discard and close")) {
            return false;
        }
        if (clinicReady) {
            backUpAndClose();
            return false;
        }
        return true;
    }

    /** Quit (the menu's button, Ctrl+Q): as the window's close button, with the same backup on closing. */
    void quit() {
        if (stage != null && closeRequested()) {
            stage.close();
        }
    }

    /** AtlantaFX's own Primer Dark or Primer Light, for the whole application; ":dark" on the root for our CSS. */
    @Override
    public void useDarkTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        org.needlepoint.ui.Themes.mark(root, dark);
        if (root.getScene() != null && root.getScene().getRoot() != root) {
            org.needlepoint.ui.Themes.mark(root.getScene().getRoot(), dark); // a decoration pane wraps the root
        }
    }

    /** Whether the dark theme is on (tests, and the screenshots of both themes). */
    public boolean darkTheme() {
        return org.needlepoint.ui.Themes.isDark(root);
    }


    /**
     * On closing: the exit backup (when switched on), with the window saying so, then the window
     * closes whatever the outcome (a failure is logged and shown on the home screen next time).
     */
    private void backUpAndClose() {
        if (idle != null) {
            idle.disarm();
        }
        javafx.scene.control.Label what = new javafx.scene.control.Label("Backing up the clinic's records before closing…");
        what.getStyleClass().add("title-3");
        javafx.scene.control.Label how = new javafx.scene.control.Label("This takes a few seconds. Closing the window"
                + " again stops waiting: the backup is then cut short, and the previous backups are kept.");
        how.setWrapText(true);
        how.setMaxWidth(520);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(14, new javafx.scene.control.ProgressIndicator(), what, how);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.setId("exitBackup");
        box.getStyleClass().add("lock-screen");
        exitBackup = box;
        background.run(() -> services.backups().backUpOnExit(org.needlepoint.backup.BackupProgress.NONE), done -> stage.close(), error -> {
            LOG.log(Level.WARNING, "The backup on closing failed: " + Forms.message(error));
            stage.close();
        });
        // shown only when the backup takes a moment: a quick one closes without a flash
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        later.setOnFinished(ev -> {
            if (stage.isShowing() && !root.getChildren().contains(box)) {
                root.getChildren().add(box);
            }
        });
        later.play();
    }

    /** What the window and the features registered (tests check every view's controller is among them). */
    Screens screens() {
        return screens;
    }

    public IdleMonitor idleMonitor() {
        return idle;
    }

    public Scene scene() {
        return root.getScene();
    }

    private boolean isUnlockedMain() {
        return main != null && lockView == null;
    }

    /** Reads the idle-lock setting in the background, then watches for idleness. */
    private void armIdleLock() {
        background.run(() -> services.clinic().idleLockMinutes(), minutes -> {
            idle.setMinutes(minutes);
            if (main != null && lockView == null) {
                idle.arm();
            }
        }, error -> idle.arm());
    }

    private static String clinicName(Services s) {
        return s.clinic().clinic().map(Clinic::name).orElse("Needlepoint");
    }

    private void showSignIn(String message) {
        useDarkTheme(false);
        main = null;
        lockView = null;
        idle.disarm();
        View<SignInController> v = loader.load(SignInController.class);
        v.controller().showMessage(message);
        signInView = v;
        root.getChildren().setAll(v.root());
        stage.setTitle("Needlepoint — sign in");
    }

    /** On a joined PC, the status bar follows whether the clinic server answers (the change feed's looks, within 5 s). */
    private void followServer(MainController bar) {
        services.db().link().ifPresent(link -> {
            bar.showServer(link.address(), true);
            if (serverWatch != null) {
                serverWatch.close();
            }
            serverWatch = services.changes().onReachable(up -> Platform.runLater(() -> {
                if (main != null && main.controller() == bar) {
                    bar.showServer(link.address(), up);
                }
            }));
        });
    }

    private void signInNotice(String message) {
        signInView.controller().showNotice(message);
    }

    private void enter(User user) {
        main = loader.load(MainController.class);
        lockView = null;
        root.getChildren().setAll(main.root());
        background.run(() -> services.auth().theme(), t -> useDarkTheme(t == org.needlepoint.security.Theme.DARK),
                error -> LOG.log(Level.WARNING, "The user's theme could not be read: " + Forms.message(error)));
        stage.setTitle("Needlepoint — " + clinic + " — " + user.displayName());
        services.changes().start(); // the lists on screen follow the other PCs' changes
        followServer(main.controller());
        armIdleLock();
        clinicReady = true;
        backUpIfDue();
    }

    /**
     * The day's first backup, at start and after each sign-in (a PC left on overnight), when none
     * has succeeded today; off the FX thread. The home screen's backup card shows how it went.
     */
    private void backUpIfDue() {
        background.run(() -> services.backups().backUpIfDueToday(), done -> refreshToday(), error -> {
            LOG.log(Level.WARNING, "The day's first backup failed: " + Forms.message(error));
            refreshToday();
        });
    }

    private void refreshToday() {
        if (main != null) {
            main.controller().refreshToday();
        }
    }

    /**
     * After Admin → Backups restored a backup: the records (and staff accounts) are now the backup's,
     * so everyone signs in again; the form says what happened.
     */
    private void restored(String message) {
        background.run(() -> {
            services.auth().signOut();
            return clinicName(services);
        }, name -> {
            clinic = name;
            showSignIn(null);
            signInNotice(message);
        }, err -> {
            showSignIn(null);
            signInNotice(message);
        });
    }

    @Override
    public void lockNow() {
        if (main == null || lockView != null) {
            return;
        }
        idle.disarm();
        lockView = loader.load(LockController.class);
        main.root().setVisible(false);
        root.getChildren().add(lockView.root());
        lockView.controller().focus();
    }

    private void unlocked() {
        root.getChildren().remove(lockView.root());
        lockView = null;
        main.root().setVisible(true);
        armIdleLock();
    }

    private void switchUser() {
        if (main != null && main.controller().hasUnsavedWork() && !confirmDiscard()) {
            return;
        }
        endSession();
    }

    @Override
    public void signOut() {
        if (main != null && main.controller().hasUnsavedWork() && !confirmDiscard()) {
            return;
        }
        endSession();
    }

    private void endSession() {
        background.run(() -> {
            services.auth().signOut();
            return null;
        }, ok -> showSignIn(null), err -> showSignIn(Forms.message(err)));
    }

    private boolean confirmDiscard() {
        return confirmDiscard("Signing out discards them.", "Discard and sign out");
    }

    private boolean confirmDiscard(String consequence, String discardLabel) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "A form has changes that are not saved. " + consequence,
                new ButtonType(discardLabel, ButtonBar.ButtonData.OK_DONE),
                new ButtonType("Keep working", ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setHeaderText("Unsaved changes");
        a.initOwner(stage);
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    @Override
    public void openPatient(long patientId) {
        if (main != null) {
            main.controller().showPatientForm(patientId, null);
        }
    }

    @Override
    public void newPatient(String searchText) {
        if (main != null) {
            main.controller().showPatientForm(null, searchText);
        }
    }

    @Override
    public void openChart(long patientId, Long visitId) {
        if (main != null) {
            main.controller().showChart(patientId, visitId);
        }
    }

    @Override
    public void backToPatientSearch() {
        if (main != null) {
            main.controller().backToSearch();
        }
    }

    @Override
    public void followUpsChanged() {
        if (main != null) {
            main.controller().followUpsChanged();
        }
    }

    @Override
    public void showFollowUps() {
        if (main != null) {
            main.controller().showFollowups();
        }
    }

    @Override
    public void status(String message) {
        if (main != null) {
            main.controller().status(message);
        }
    }

    @Override
    public void reportSideEffect(long patientId, long visitId) {
        // the form names the patient; it opens (and audits) the visit itself, so the header is read without a row
        background.run(() -> services.charts().patientOfVisit(visitId), patient -> {
            if (patient.id() != patientId) {
                status("That visit belongs to another patient's chart.");
                return;
            }
            adverseEventPage(c -> c.startOnVisit(patient, visitId));
        }, error -> status(Forms.message(error)));
    }

    @Override
    public void openAdverseEvent(long eventId) {
        adverseEventPage(c -> c.openEvent(eventId));
    }

    @Override
    public void recordEventFromReport(long patientId, long reportId, int reportVersion) {
        adverseEventPage(c -> c.startFromReport(patientId, reportId, reportVersion));
    }

    /** The side-effect form as a page of the Patients section; closing it goes back to where it was opened from. */
    private void adverseEventPage(java.util.function.Consumer<AdverseEventController> start) {
        if (main == null) {
            return;
        }
        View<AdverseEventController> v = loader.load(AdverseEventController.class);
        MainController m = main.controller();
        v.controller().setOnClose(m::closePage);
        if (m.showPage(v.root(), v.controller())) {
            start.accept(v.controller());
        }
    }

    @Override
    public void showInventoryStock() {
        if (main != null) {
            main.controller().showInventoryStock();
        }
    }

    @Override
    public void showSafetySignals() {
        if (main != null) {
            main.controller().showSafetySignals();
        }
    }

    @Override
    public void showLotRecall(Long lotId) {
        if (main != null) {
            main.controller().showLotRecall(lotId);
        }
    }

    @Override
    public void checkout(long appointmentId) {
        CheckoutViews.open(screens, stage, appointmentId);
    }

    /** The printer the checkout prints the aftercare sheet on: this PC's, unless a headless run (a test) hands in its own. */
    public void setPrinter(PagePrinter printer) {
        this.printer = printer == null ? PagePrinter.SYSTEM : printer;
    }

    /** Where exported files go: the system's save dialog unless a headless run (a test) hands back a path instead. */
    public void setSaveDialog(SaveDialog dialog) {
        this.saveDialog = dialog == null ? SaveDialog.PDF_CHOOSER : dialog;
    }
}
