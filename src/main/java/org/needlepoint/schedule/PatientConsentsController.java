package org.needlepoint.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.View;

/**
 * The Consents tab of a patient's record (PatientConsentsView.fxml): the consents signed, newest first,
 * with their text version, day, last valid day and witness; "View PDF" shows the selected one's PDF
 * as kept; "Sign a consent…" opens the consent screen. The list follows the change feed.
 */
public final class PatientConsentsController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ConsentService consents;
    private final Background background;
    private final Changes changes;
    private final Supplier<View<ConsentController>> consentScreen;
    private final Supplier<View<ConsentPdfController>> pdfView;
    private Long patientId;
    private String patientLabel;
    private long loads;

    @FXML private VBox patientConsentsRoot;
    @FXML private Label patientConsentsSummary;
    @FXML private Label patientConsentsError;
    @FXML private Label patientConsentsStatus;
    @FXML private Button viewConsentPdfButton;
    @FXML private Button patientSignConsentButton;
    @FXML private TableView<SignedConsent> patientConsentsTable;
    @FXML private TableColumn<SignedConsent, String> pcKindColumn;
    @FXML private TableColumn<SignedConsent, String> pcVersionColumn;
    @FXML private TableColumn<SignedConsent, String> pcSignedColumn;
    @FXML private TableColumn<SignedConsent, String> pcValidColumn;
    @FXML private TableColumn<SignedConsent, String> pcWitnessColumn;

    public PatientConsentsController(ConsentService consents, Background background, Changes changes,
                                     Supplier<View<ConsentController>> consentScreen,
                                     Supplier<View<ConsentPdfController>> pdfView) {
        this.consents = consents;
        this.background = background;
        this.changes = changes;
        this.consentScreen = consentScreen;
        this.pdfView = pdfView;
    }

    @FXML
    private void initialize() {
        pcKindColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().kind().label()));
        pcVersionColumn.setCellValueFactory(c -> new SimpleStringProperty("version " + c.getValue().textVersion()));
        pcSignedColumn.setCellValueFactory(c -> new SimpleStringProperty(WHEN.format(c.getValue().signedAt()
                .atZone(ZoneId.systemDefault()))));
        pcValidColumn.setCellValueFactory(c -> new SimpleStringProperty(validity(c.getValue(), consents.today())));
        pcWitnessColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().witnessName()));
        patientConsentsTable.setFixedCellSize(40);
        viewConsentPdfButton.disableProperty().bind(patientConsentsTable.getSelectionModel().selectedItemProperty().isNull());
        LiveRefresh.follow(patientConsentsTable, changes, Set.of(ChangeFeed.CONSENT), this::reload);
    }

    /** "12 Jan 2027 (valid)" or "12 Jan 2027 (expired)". */
    static String validity(SignedConsent s, LocalDate today) {
        return DAY.format(s.validUntil()) + (s.validOn(today) ? "  (valid)" : today.isAfter(s.validUntil())
                ? "  (expired)" : "");
    }

    /** Shows the patient's consents ({@code label} names them in the consent screen). */
    public void showPatient(long id, String label) {
        this.patientId = id;
        this.patientLabel = label;
        reload();
    }

    private void reload() {
        if (patientId == null) {
            return;
        }
        long id = patientId;
        long load = ++loads;
        background.run(() -> consents.signedConsents(id), list -> {
            if (load != loads || patientId == null || patientId != id) {
                return;
            }
            if (list.equals(patientConsentsTable.getItems())) {
                return; // nothing new (the feed's echo of this PC's own signing): keep the rows under the pointer
            }
            SignedConsent selected = patientConsentsTable.getSelectionModel().getSelectedItem();
            patientConsentsTable.getItems().setAll(list);
            if (selected != null) {
                list.stream().filter(s -> s.id() == selected.id()).findFirst()
                        .ifPresent(patientConsentsTable.getSelectionModel()::select);
            }
            long valid = list.stream().filter(s -> s.validOn(consents.today())).map(SignedConsent::kind).distinct().count();
            patientConsentsSummary.setText(list.isEmpty() ? "" : list.size() + " signed, " + valid + " kind(s) valid today");
        }, error -> Forms.showError(patientConsentsError, Forms.message(error)));
    }

    @FXML
    private void viewPdf() {
        SignedConsent s = patientConsentsTable.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        background.run(() -> consents.pdf(s.id()), pdf -> {
            View<ConsentPdfController> v = pdfView.get();
            v.controller().show(pdf, s.kind().label() + ", version " + s.textVersion() + " · signed "
                    + WHEN.format(s.signedAt().atZone(ZoneId.systemDefault())), "consent-" + s.kind().name().toLowerCase(
                    Locale.ROOT) + "-" + s.signedOn() + ".pdf");
            v.controller().openWindow(owner());
        }, error -> Forms.showError(patientConsentsError, Forms.message(error)));
    }

    @FXML
    private void signConsent() {
        if (patientId == null) {
            return;
        }
        View<ConsentController> v = consentScreen.get();
        v.controller().show(patientId, patientLabel, List.of(), null, signed -> {
            Forms.showStatus(patientConsentsStatus, "Signed: " + signed.size() + " consent(s).");
            reload();
        });
        v.controller().openWindow(owner());
    }

    private Window owner() {
        return patientConsentsRoot.getScene() == null ? null : patientConsentsRoot.getScene().getWindow();
    }
}
