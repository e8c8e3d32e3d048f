package org.needlepoint.inventory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.common.Dates;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;

/**
 * Receiving a delivery. A USB scanner types the pack's GS1 code into {@code scanField} and presses
 * Enter: the code is parsed, the GTIN picks the product (an unknown GTIN is linked to a product once,
 * by an injector or administrator), lot, expiry and serial fill in, and the cursor goes to the
 * quantity; Enter (or Ctrl+S) receives and the cursor goes back to the scan field for the next pack.
 * Supplier, invoice and the day received are kept between packs of one delivery. The same form
 * works without a scanner: choose the product and type the rest.
 */
public final class ReceiveController {
    /** How the scan field shows a group separator: ↔ (U+2194, the glyph Windows shows for character 29; the parser reads it too). */
    static final char GS_SHOWN = '\u2194';
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final InventoryService inventory;
    private final Background background;
    private final User user;

    @FXML private ScrollPane receivePage;
    @FXML private TextField scanField;
    @FXML private Label scanError;
    @FXML private ComboBox<Product> productChoice;
    @FXML private TextField gtinField;
    @FXML private TextField lotField;
    @FXML private DatePicker expiryPicker;
    @FXML private TextField serialField;
    @FXML private TextField quantityField;
    @FXML private Label packWord;
    @FXML private TextField supplierField;
    @FXML private TextField invoiceField;
    @FXML private DatePicker receivedOnPicker;
    @FXML private Label receiveError;
    @FXML private Button receiveButton;
    @FXML private Label receiveStatus;
    @FXML private ListView<String> sessionReceipts;

    private Map<String, Control> fields;
    /** The production date of the last scanned code (AI 11), sent with its receipt; no field shows it. */
    private LocalDate productionDate;
    private boolean busy;

    public ReceiveController(InventoryService inventory, Background background, User user) {
        this.inventory = inventory;
        this.background = background;
        this.user = user;
    }

    @FXML
    private void initialize() {
        fields = new LinkedHashMap<>();
        fields.put("product", productChoice);
        fields.put("gtin", gtinField);
        fields.put("lotNumber", lotField);
        fields.put("expiry", expiryPicker);
        fields.put("serial", serialField);
        fields.put("quantity", quantityField);
        fields.put("supplier", supplierField);
        fields.put("invoice", invoiceField);
        fields.put("receivedOn", receivedOnPicker);
        expiryPicker.setConverter(new DateText());
        receivedOnPicker.setConverter(new DateText());
        receivedOnPicker.setValue(inventory.today());
        scanField.setOnAction(e -> scan());
        // A text field drops control characters, but the group separator (ASCII 29) that a scanner
        // types after a variable-length field is part of the code: show it as the symbol for it.
        scanField.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (e.getCharacter().indexOf(Gs1Parser.GS) >= 0) {
                e.consume();
                scanField.replaceSelection(String.valueOf(GS_SHOWN));
            }
        });
        scanField.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change -> {
            if (change.getText().indexOf(Gs1Parser.GS) >= 0) {
                change.setText(change.getText().replace(Gs1Parser.GS, GS_SHOWN));
            }
            return change;
        }));
        for (TextField f : List.of(gtinField, lotField, serialField, quantityField, supplierField, invoiceField)) {
            f.setOnAction(e -> receive());
        }
        for (DatePicker p : List.of(expiryPicker, receivedOnPicker)) {
            p.getEditor().setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                    commit(p);
                    receive();
                }
            });
        }
        receivePage.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                receive();
            }
        });
        productChoice.valueProperty().addListener((obs, old, p) -> packWord.setText(p == null ? "packs"
                : p.packWord() + "s"));
    }

    /** The tab is shown: reads the catalogue and puts the cursor in the scan field. */
    public void shown() {
        background.run(inventory::products, list -> {
            Product chosen = productChoice.getValue();
            productChoice.getItems().setAll(list.stream().filter(Product::active).toList());
            if (chosen != null) {
                productChoice.setValue(list.stream().filter(p -> p.id() == chosen.id()).findFirst().orElse(null));
            }
        }, error -> Forms.showError(receiveError, Forms.message(error)));
        focusScan();
    }

    private void focusScan() {
        Platform.runLater(() -> {
            scanField.requestFocus();
            scanField.selectAll();
        });
    }

    // --------------------------------------------------------------------------------- scanning

    private void scan() {
        String text = scanField.getText();
        Forms.showError(receiveError, null);
        Forms.showStatus(receiveStatus, null);
        Forms.markAll(fields, Map.of());
        if (text == null || text.isBlank()) {
            Forms.showError(scanError, "Scan a pack's barcode, or fill in the pack below by hand.");
            return;
        }
        Gs1Code code;
        try {
            code = Gs1Parser.parse(text.replace(GS_SHOWN, Gs1Parser.GS), inventory.today());
        } catch (Gs1Exception e) {
            Forms.showError(scanError, e.getMessage() + " Nothing was saved.");
            scanField.selectAll();
            return;
        }
        Forms.showError(scanError, null);
        background.run(() -> inventory.productForGtin(code.gtin()), product -> {
            if (product.isPresent()) {
                fill(code, product.get());
            } else {
                askProduct(code.gtin(), null, p -> fill(code, p));
            }
        }, error -> Forms.showError(scanError, Forms.message(error)));
    }

    private void fill(Gs1Code code, Product product) {
        clearPack();
        if (!productChoice.getItems().contains(product)) {
            productChoice.getItems().add(product);
        }
        productChoice.setValue(product);
        gtinField.setText(code.gtin());
        lotField.setText(code.lot() == null ? "" : code.lot());
        expiryPicker.setValue(code.expiry());
        serialField.setText(code.serial() == null ? "" : code.serial());
        productionDate = code.productionDate();
        List<String> missing = new java.util.ArrayList<>();
        if (code.lot() == null) {
            missing.add("lot number");
        }
        if (code.expiry() == null) {
            missing.add("expiry date");
        }
        if (!missing.isEmpty()) {
            Forms.showError(scanError, "This barcode has no " + String.join(" or ", missing)
                    + ": type it from the pack, then press Enter.");
            (code.lot() == null ? lotField : expiryPicker.getEditor()).requestFocus();
            return;
        }
        quantityField.requestFocus();
        quantityField.selectAll();
    }

    /**
     * Asks once which product an unknown GTIN belongs to, links it, then goes on with the product. Front
     * desk staff may not link barcodes: they are told whom to ask.
     */
    private void askProduct(String gtin, Product preselected, Consumer<Product> then) {
        if (user.role() == Role.FRONT_DESK) {
            Forms.showError(scanError, "This barcode (GTIN " + gtin + ") is not linked to a product yet. Ask an injector"
                    + " or an administrator to scan it once and choose its product; or clear the GTIN and serial below"
                    + " and choose the product by hand. Nothing was saved.");
            scanField.selectAll();
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Which product is this?");
        dialog.setHeaderText("This barcode is not linked to a product yet");
        ComboBox<Product> choice = new ComboBox<>();
        choice.setId("linkProductChoice");
        choice.getItems().setAll(productChoice.getItems());
        choice.setValue(preselected);
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setPromptText("Choose the product printed on the pack");
        boolean admin = user.role() == Role.ADMIN;
        Label text = new Label("GTIN " + gtin + ". Choose the product this pack is: packs with this barcode are"
                + " recognised from now on. " + (admin ? "Not in the list? Add it as a new product."
                : "Not in the list? An administrator adds new products."));
        text.setWrapText(true);
        text.setMaxWidth(460);
        VBox box = new VBox(12, text, choice);
        dialog.getDialogPane().setContent(box);
        ButtonType link = new ButtonType("Link and continue", ButtonBar.ButtonData.OK_DONE);
        ButtonType addNew = new ButtonType("Add a new product…", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().setAll(link, new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE));
        if (admin) {
            dialog.getDialogPane().getButtonTypes().add(0, addNew);
            dialog.getDialogPane().lookupButton(addNew).setId("addProductForGtinButton");
        }
        Button linkButton = (Button) dialog.getDialogPane().lookupButton(link);
        linkButton.setId("linkProductButton");
        linkButton.disableProperty().bind(choice.valueProperty().isNull());
        Window owner = receivePage.getScene() == null ? null : receivePage.getScene().getWindow();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        Optional<ButtonType> pressed = dialog.showAndWait();
        if (pressed.isPresent() && pressed.get() == addNew) {
            Optional<Product> added = new NewProductDialog(inventory, background).show(gtin, owner);
            if (added.isEmpty()) {
                Forms.showError(scanError, "No product was added, and nothing was saved. Scan the pack again to choose"
                        + " or add its product.");
                focusScan();
                return;
            }
            productChoice.getItems().add(added.get());
            then.accept(added.get());
            return;
        }
        Optional<Product> chosen = pressed.filter(b -> b == link).map(b -> choice.getValue());
        if (chosen.isEmpty()) {
            Forms.showError(scanError, "The barcode was not linked, and nothing was saved. Scan it again to choose its"
                    + " product.");
            focusScan();
            return;
        }
        background.run(() -> inventory.linkGtin(gtin, chosen.get().id()), then::accept, error -> {
            Forms.showError(scanError, Forms.message(error));
            focusScan();
        });
    }

    // -------------------------------------------------------------------------------- receiving

    @FXML
    private void receive() {
        if (busy) {
            return;
        }
        Forms.showError(receiveError, null);
        Forms.showStatus(receiveStatus, null);
        Forms.markAll(fields, Map.of());
        Map<String, String> problems = new HashMap<>();
        Integer quantity = quantity();
        if (quantity == null) {
            problems.put("quantity", "Type the number of packs received as a whole number (1 to "
                    + InventoryService.MAX_RECEIPT + ").");
        }
        LocalDate expiry = commit(expiryPicker);
        if (expiry == null && !expiryPicker.getEditor().getText().isBlank()) {
            problems.put("expiry", "Type the expiry date as MM/DD/YYYY, or pick it from the calendar.");
        }
        LocalDate receivedOn = commit(receivedOnPicker);
        if (receivedOn == null && !receivedOnPicker.getEditor().getText().isBlank()) {
            problems.put("receivedOn", "Type the day received as MM/DD/YYYY, or pick it from the calendar.");
        }
        if (!problems.isEmpty()) {
            refused(new ValidationException(problems));
            return;
        }
        Product product = productChoice.getValue();
        ReceiptDraft draft = new ReceiptDraft(gtinField.getText(), product == null ? null : product.id(),
                lotField.getText(), expiry, serialField.getText(), productionDate, quantity, supplierField.getText(),
                invoiceField.getText(), receivedOn);
        busy = true;
        receiveButton.setDisable(true);
        background.run(() -> inventory.receive(draft), this::received, error -> {
            busy = false;
            receiveButton.setDisable(false);
            if (error instanceof UnknownGtinException u) {
                askProduct(u.gtin(), product, p -> {
                    productChoice.setValue(p);
                    receive();
                });
            } else if (error instanceof ValidationException v) {
                refused(v);
            } else {
                Forms.showError(receiveError, Forms.message(error));
            }
        });
    }

    private void received(ReceiveResult r) {
        busy = false;
        receiveButton.setDisable(false);
        Product p = r.product();
        String line = "Received " + p.packs(r.receipt().quantity()) + " of " + p.name() + ", lot " + r.lot().lotNumber()
                + ", expires " + DAY.format(r.lot().expiry()) + " — " + r.lot().onHand() + " on hand"
                + (r.receipt().serial() == null ? "" : " (serial " + r.receipt().serial() + ")");
        Forms.showStatus(receiveStatus, line + ".");
        sessionReceipts.getItems().add(0, line);
        clearPack();
        scanField.clear();
        Forms.showError(scanError, null);
        focusScan();
    }

    private void refused(ValidationException v) {
        Forms.markAll(fields, v.fieldErrors());
        Forms.showError(receiveError, v.getMessage() + " Nothing was saved.");
        String first = v.fieldErrors().keySet().stream().filter(fields::containsKey).findFirst().orElse(null);
        if (!scanField.getText().isBlank()) {
            // the pack came from a scan: the scanner types the next code, so the cursor waits in the scan field
            focusScan();
        } else if (first != null) {
            Control c = fields.get(first);
            (c instanceof DatePicker d ? d.getEditor() : c).requestFocus();
        }
    }

    /** Clears the pack's fields (not the delivery's) for the next pack. */
    @FXML
    private void newPack() {
        clearPack();
        scanField.clear();
        Forms.showError(scanError, null);
        Forms.showError(receiveError, null);
        Forms.showStatus(receiveStatus, null);
        focusScan();
    }

    private void clearPack() {
        Forms.markAll(fields, Map.of());
        productChoice.setValue(null);
        gtinField.clear();
        lotField.clear();
        expiryPicker.setValue(null);
        expiryPicker.getEditor().clear();
        serialField.clear();
        quantityField.setText("1");
        productionDate = null;
    }

    @FXML
    private void minus() {
        Integer q = quantity();
        quantityField.setText(Integer.toString(q == null ? 1 : Math.max(1, q - 1)));
    }

    @FXML
    private void plus() {
        Integer q = quantity();
        quantityField.setText(Integer.toString(q == null ? 1 : Math.min(InventoryService.MAX_RECEIPT, q + 1)));
    }

    private Integer quantity() {
        try {
            return Integer.parseInt(quantityField.getText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads what is typed in a date picker into its value (a picker only does so on Enter or leaving
     * it). Unreadable text leaves the value empty and the text in place, for the message.
     */
    static LocalDate commit(DatePicker picker) {
        String typed = picker.getEditor().getText();
        LocalDate value = typed == null || typed.isBlank() ? null : picker.getConverter().fromString(typed);
        if (value != null || typed == null || typed.isBlank()) {
            picker.setValue(value);
        }
        return value;
    }

    /** Dates in the inventory pickers: shown MM/DD/YYYY, read as staff type them ({@link Dates}). */
    static final class DateText extends StringConverter<LocalDate> {
        private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM/dd/yyyy");

        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : SHOWN.format(date);
        }

        @Override
        public LocalDate fromString(String text) {
            return text == null || text.isBlank() ? null : Dates.parse(text).orElse(null);
        }
    }
}
