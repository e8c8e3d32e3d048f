package org.needlepoint.schedule;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.needlepoint.security.Session;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Windows;

/**
 * The consent screen (ConsentView.fxml), bound to a {@link ConsentModel}: a reusable view that takes a
 * patient and the kinds a treatment needs ({@link #show}) and reports the consents once signed. The
 * chart's consent step opens it in a window of its own, the patient record too; check-in embeds it.
 */
public final class ConsentController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ConsentService consents;
    private final Session session;
    private final Background background;
    private final ConsentModel model = new ConsentModel();
    private long patientId;
    private Long visitId;
    private Consumer<List<SignedConsent>> onSigned = s -> { };

    @FXML private VBox consentRoot;
    @FXML private Label consentPatient;
    @FXML private FlowPane consentKinds;
    @FXML private ScrollPane consentTextScroll;
    @FXML private VBox consentTextBox;
    @FXML private SignaturePad signaturePad;
    @FXML private Label consentError;
    @FXML private Label consentStatus;
    @FXML private Label consentWitness;
    @FXML private Button clearSignatureButton;
    @FXML private Button closeConsentButton;
    @FXML private Button signConsentButton;

    public ConsentController(ConsentService consents, Session session, Background background) {
        this.consents = consents;
        this.session = session;
        this.background = background;
    }

    @FXML
    private void initialize() {
        model.drawnProperty().bind(signaturePad.emptyProperty().not());
        signConsentButton.disableProperty().bind(model.canSignProperty().not());
        clearSignatureButton.disableProperty().bind(model.busyProperty());
        model.texts().addListener((ListChangeListener<ConsentText>) c -> kinds());
        model.ticked().addListener((SetChangeListener<ConsentKind>) c -> {
            reading();
            for (var n : consentKinds.getChildren()) {
                CheckBox box = (CheckBox) n;
                box.setSelected(model.ticked().contains(ConsentKind.valueOf(box.getId().substring("consentKind-".length()))));
            }
        });
        consentWitness.setText(session.user().map(u -> "Witness: " + u.fullName()).orElse(""));
        closeConsentButton.setVisible(false);
        closeConsentButton.setManaged(false);
    }

    /**
     * Shows the consents for {@code patientId} ({@code patientLabel} in the header), with {@code needed}
     * ticked, signed for {@code visitId} when given; {@code whenSigned} hears the signed consents.
     */
    public void show(long patientId, String patientLabel, Collection<ConsentKind> needed, Long visitId,
                     Consumer<List<SignedConsent>> whenSigned) {
        this.patientId = patientId;
        this.visitId = visitId;
        this.onSigned = Objects.requireNonNull(whenSigned);
        consentPatient.setText(patientLabel);
        signaturePad.clear();
        Forms.showError(consentError, null);
        status(null);
        model.busyProperty().set(true);
        List<ConsentKind> wanted = List.copyOf(needed);
        background.run(consents::currentTexts, texts -> {
            model.busyProperty().set(false);
            model.load(texts, wanted);
            reading();
        }, error -> {
            model.busyProperty().set(false);
            Forms.showError(consentError, Forms.message(error));
        });
    }

    /**
     * Opens the screen (after {@link #show}) in a window of its own over {@code owner}, with the owner's
     * style sheets; its Close button closes it, and so does signing.
     */
    public Stage openWindow(Window owner) {
        Stage stage = Windows.open(consentRoot, "Consent", owner, true);
        closesWith(stage);
        stage.show();
        return stage;
    }

    private void closesWith(Stage stage) {
        closeConsentButton.setVisible(true);
        closeConsentButton.setManaged(true);
        Consumer<List<SignedConsent>> then = onSigned;
        onSigned = signed -> {
            then.accept(signed);
            stage.close();
        };
    }

    /** One big tick box per kind of text ("consentKind-TOXIN"). */
    private void kinds() {
        consentKinds.getChildren().clear();
        for (ConsentText t : model.texts()) {
            CheckBox box = new CheckBox(t.kind().label());
            box.setId("consentKind-" + t.kind().name());
            box.getStyleClass().add("consent-kind");
            box.setSelected(model.ticked().contains(t.kind()));
            box.selectedProperty().addListener((o, was, is) -> model.tick(t.kind(), is));
            box.disableProperty().bind(model.busyProperty());
            consentKinds.getChildren().add(box);
        }
    }

    private void reading() {
        consentTextBox.getChildren().clear();
        List<ConsentModel.Block> blocks = model.reading();
        if (blocks.isEmpty()) {
            Label none = new Label("Tick what the patient consents to: its text appears here.");
            none.getStyleClass().add("text-muted");
            consentTextBox.getChildren().add(none);
        }
        for (ConsentModel.Block b : blocks) {
            Label l = new Label(b.text());
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().add(switch (b.type()) {
                case TITLE -> "consent-text-title";
                case HEADING -> "consent-text-heading";
                case PARAGRAPH, BULLET -> "consent-text-body";
            });
            consentTextBox.getChildren().add(l);
        }
        consentTextScroll.setVvalue(0);
    }

    @FXML
    private void clearSignature() {
        signaturePad.clear();
        Forms.showError(consentError, null);
    }

    @FXML
    private void sign() {
        List<Long> textIds = model.tickedTextIds();
        Signature signature = signaturePad.signature();
        Forms.showError(consentError, null);
        model.busyProperty().set(true);
        long patient = patientId;
        Long visit = visitId;
        background.run(() -> consents.signTexts(patient, textIds, signature, visit), signed -> {
            model.busyProperty().set(false);
            signaturePad.clear();
            status("Signed " + WHEN.format(signed.get(0).signedAt().atZone(ZoneId.systemDefault())) + ": "
                    + signed.stream().map(s -> s.kind().label() + " (version " + s.textVersion() + ")")
                    .collect(Collectors.joining(", ")) + ". Valid until " + signed.get(0).validUntil() + ".");
            onSigned.accept(signed);
        }, error -> {
            model.busyProperty().set(false);
            Forms.showError(consentError, Forms.message(error));
        });
    }

    @FXML
    private void close() {
        if (consentRoot.getScene() != null && consentRoot.getScene().getWindow() instanceof Stage s) {
            s.close();
        }
    }

    private void status(String message) {
        consentStatus.setText(message == null ? "" : message);
        consentStatus.setVisible(message != null);
        consentStatus.setManaged(message != null);
    }

    public ConsentModel model() {
        return model;
    }
}
