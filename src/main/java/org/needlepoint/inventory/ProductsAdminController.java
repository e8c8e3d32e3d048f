package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.needlepoint.chart.ChartRules;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Technique;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Decimals;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * Admin ▸ Products: the catalogue (a table) and the chosen product's fields beside it, "Add a
 * product" (the same form, empty, with the kind's usual point filled in as the kind is chosen), and
 * the inventory setting "warn about lots expiring within N days". Kind, unit and pack size are what
 * the product is: editable until a lot of it has been received. Read again whenever the tab is shown.
 */
public final class ProductsAdminController implements AdminTab {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final InventoryService inventory;
    private final Background background;

    @FXML private TableView<Product> productsTable;
    @FXML private TableColumn<Product, String> productNameColumn;
    @FXML private TableColumn<Product, String> productKindColumn;
    @FXML private TableColumn<Product, String> productUnitColumn;
    @FXML private TableColumn<Product, String> productPackColumn;
    @FXML private TableColumn<Product, String> productHoursColumn;
    @FXML private TableColumn<Product, String> productReorderColumn;
    @FXML private TableColumn<Product, String> productGtinsColumn;
    @FXML private TableColumn<Product, String> productActiveColumn;
    @FXML private VBox productEditor;
    @FXML private Label productTitle;
    @FXML private Label productFixed;
    @FXML private TextField productName;
    @FXML private TextField productBrand;
    @FXML private ComboBox<ProductKind> productKind;
    @FXML private ComboBox<Unit> productUnit;
    @FXML private TextField productPackSize;
    @FXML private ComboBox<PackUnit> productPackUnit;
    @FXML private ColorPicker productColour;
    @FXML private CheckBox productSpeywood;
    @FXML private CheckBox productMilk;
    @FXML private Button newProductButton;
    @FXML private TextField productStorage;
    @FXML private TextField productDiluent;
    @FXML private TextField productDiluentMl;
    @FXML private TextField productUsableHours;
    @FXML private TextField productPointMin;
    @FXML private TextField productPointMax;
    @FXML private TextField productVisitMax;
    @FXML private TextField productDefaultAmount;
    @FXML private Label productDefaultUnit;
    @FXML private ComboBox<Depth> productDefaultDepth;
    @FXML private ComboBox<Technique> productDefaultTechnique;
    @FXML private TextField productReorderLevel;
    @FXML private TextArea productGtins;
    @FXML private CheckBox productActive;
    @FXML private Label productError;
    @FXML private Label productStatus;
    @FXML private Button saveProductButton;
    @FXML private TextField expiringDays;
    @FXML private Label expiringError;
    @FXML private Label expiringStatus;
    @FXML private Button saveExpiringButton;

    private Map<String, Control> fields;
    /** The product being edited; null while a new one is being added. */
    private Product product;
    private boolean adding;
    private boolean saving;

    public ProductsAdminController(InventoryService inventory, Background background) {
        this.inventory = inventory;
        this.background = background;
    }

    @FXML
    private void initialize() {
        column(productNameColumn, Product::name);
        column(productKindColumn, p -> p.kind().shortLabel());
        column(productUnitColumn, p -> p.unit().symbol());
        column(productPackColumn, p -> Amounts.plain(p.packSize()) + " " + p.packUnit());
        column(productHoursColumn, p -> p.usableHours() == null ? "—" : p.usableHours() + " h");
        column(productReorderColumn, p -> p.reorderLevel() == 0 ? "never" : Integer.toString(p.reorderLevel()));
        column(productGtinsColumn, p -> String.join("\n", p.gtins()));
        column(productActiveColumn, p -> p.active() ? "Yes" : "No");
        productsTable.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && (product == null || p.id() != product.id() || p.version() != product.version())) {
                edit(p);
            }
        });
        fields = new LinkedHashMap<>();
        fields.put("name", productName);
        fields.put("brand", productBrand);
        fields.put("kind", productKind);
        fields.put("unit", productUnit);
        fields.put("packSize", productPackSize);
        fields.put("colour", productColour);
        fields.put("storage", productStorage);
        fields.put("defaultDiluent", productDiluent);
        fields.put("defaultDiluentMl", productDiluentMl);
        fields.put("usableHours", productUsableHours);
        fields.put("pointMin", productPointMin);
        fields.put("pointMax", productPointMax);
        fields.put("visitMax", productVisitMax);
        fields.put("defaultAmount", productDefaultAmount);
        fields.put("defaultDepth", productDefaultDepth);
        fields.put("defaultTechnique", productDefaultTechnique);
        fields.put("reorderLevel", productReorderLevel);
        fields.put("gtins", productGtins);
        productEditor.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                save();
            }
        });
        productKind.getItems().setAll(ProductKind.values());
        productUnit.getItems().setAll(Unit.values());
        productPackUnit.getItems().setAll(PackUnit.values());
        productKind.valueProperty().addListener((o, was, k) -> kindChosen(was, k));
        productUnit.valueProperty().addListener((o, was, u) -> productDefaultUnit.setText(
                u == null ? "per point" : u.symbol() + " per point"));
        productEditor.setDisable(true);
        refresh();
    }

    /**
     * A kind chosen (or changed, while that is allowed): its unit (toxins U, the others mL; "other"
     * keeps what was chosen), its usual pack unit, and the depths and techniques it takes; on a new
     * product also the kind's usual point where the form names none or still names the last kind's.
     */
    private void kindChosen(ProductKind was, ProductKind k) {
        if (k == null) {
            return;
        }
        if (k.unit() != null) {
            productUnit.setValue(k.unit());
        } else if (productUnit.getValue() == null) {
            productUnit.setValue(Unit.ML);
        }
        productUnit.setDisable(productKind.isDisabled() || k.unit() != null);
        if (adding && (productPackUnit.getValue() == null || was != null && productPackUnit.getValue() == was.usualPackUnit())) {
            productPackUnit.setValue(k.usualPackUnit());
        }
        Depth depth = productDefaultDepth.getValue();
        Technique technique = productDefaultTechnique.getValue();
        productDefaultDepth.getItems().setAll(ChartRules.depthsFor(k));
        productDefaultTechnique.getItems().setAll(ChartRules.techniquesFor(k));
        boolean usual = adding && (was == null || same(productDefaultAmount.getText(), was.usualAmount()));
        productDefaultDepth.setValue(usual && (was == null || depth == was.usualDepth()) ? k.usualDepth()
                : ChartRules.depthsFor(k).contains(depth) ? depth : null);
        productDefaultTechnique.setValue(usual && (was == null || technique == was.usualTechnique()) ? k.usualTechnique()
                : ChartRules.techniquesFor(k).contains(technique) ? technique : null);
        if (usual) {
            productDefaultAmount.setText(Amounts.plain(k.usualAmount()));
        }
    }

    private static boolean same(String typed, BigDecimal usual) {
        return Decimals.isBlank(typed) || usual != null && Decimals.parse(typed).map(v -> v.compareTo(usual) == 0)
                .orElse(false);
    }

    /** "Add a product": the form emptied for a new product, ready to type its name. */
    @FXML
    private void newProduct() {
        adding = true;
        product = null;
        productsTable.getSelectionModel().clearSelection();
        productEditor.setDisable(false);
        productTitle.setText("New product");
        productFixed.setText("Choose its kind first: the kind decides the unit it is charted in, its usual point, the"
                + " diagram layer, its consent, aftercare sheet and follow-ups. Kind, unit and pack can change until"
                + " a lot is received.");
        for (TextField f : List.of(productName, productBrand, productPackSize, productStorage, productDiluent,
                productDiluentMl, productUsableHours, productPointMin, productPointMax, productVisitMax,
                productDefaultAmount)) {
            f.clear();
        }
        productKind.setDisable(false);
        productPackSize.setDisable(false);
        productPackUnit.setDisable(false);
        productKind.setValue(null);
        productUnit.setValue(null);
        productUnit.setDisable(true);
        productPackUnit.setValue(null);
        productDefaultDepth.getItems().clear();
        productDefaultTechnique.getItems().clear();
        productReorderLevel.setText("0");
        productGtins.clear();
        productColour.setValue(Color.web(InventoryService.freeColour(productsTable.getItems())));
        productSpeywood.setSelected(false);
        productMilk.setSelected(false);
        productActive.setSelected(true);
        Forms.markAll(fields, Map.of());
        Forms.showError(productError, null);
        Forms.showStatus(productStatus, null);
        productName.requestFocus();
    }

    private static void column(TableColumn<Product, String> c, Function<Product, String> text) {
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(text.apply(v.getValue())));
    }

    /** Reads the catalogue and the setting again, keeping the chosen product chosen. */
    @Override
    public void refresh() {
        load(null);
    }

    private void load(String message) {
        load(message, null);
    }

    private void load(String message, String status) {
        background.run(() -> new Loaded(inventory.products(), inventory.expiringWithinDays()), l -> {
            Long chosen = product == null ? (l.products().isEmpty() ? null : l.products().get(0).id()) : product.id();
            product = null;
            productsTable.getItems().setAll(l.products());
            if (chosen != null) {
                l.products().stream().filter(p -> p.id() == chosen).findFirst().ifPresent(p -> {
                    productsTable.getSelectionModel().select(p);
                    edit(p);
                });
            }
            expiringDays.setText(Integer.toString(l.expiringDays()));
            Forms.mark(expiringDays, null);
            saveExpiringButton.setDisable(false);
            Forms.showError(productError, message);
            Forms.showStatus(productStatus, status);
        }, error -> Forms.showError(productError, Forms.message(error)));
    }

    private record Loaded(List<Product> products, int expiringDays) {
    }

    private void edit(Product p) {
        adding = false;
        product = p;
        productEditor.setDisable(false);
        productTitle.setText(p.name() + (p.active() ? "" : "  (not in use)"));
        String what = p.kind() + ", " + Amounts.plain(p.packSize()) + " " + p.packUnit() + " per " + p.packWord()
                + ", charted in " + p.unit().symbol() + (p.speywoodUnits() ? " (Speywood units)" : "") + ".";
        productFixed.setText(what);
        lockWhat(true);
        background.run(() -> inventory.productReceived(p.id()), received -> {
            if (product != null && product.id() == p.id()) {
                lockWhat(received);
                productFixed.setText(what + (received
                        ? " Lots of it have been received, so its kind, unit and pack cannot change: add a new product"
                        + " for another kind or pack size."
                        : " No lot received yet: its kind, unit and pack can still be corrected."));
            }
        }, error -> Forms.showError(productError, Forms.message(error)));
        productName.setText(p.name());
        productBrand.setText(p.brand());
        productKind.setValue(p.kind());
        productUnit.setValue(p.unit());
        productPackSize.setText(Amounts.plain(p.packSize()));
        productPackUnit.setValue(p.packUnit());
        productColour.setValue(Color.web(p.colour()));
        productSpeywood.setSelected(p.speywoodUnits());
        productMilk.setSelected(p.milkProtein());
        productStorage.setText(orEmpty(p.storage()));
        productDiluent.setText(orEmpty(p.defaultDiluent()));
        productDiluentMl.setText(Amounts.plain(p.defaultDiluentMl()));
        productUsableHours.setText(p.usableHours() == null ? "" : p.usableHours().toString());
        productPointMin.setText(Amounts.plain(p.pointMin()));
        productPointMax.setText(Amounts.plain(p.pointMax()));
        productVisitMax.setText(Amounts.plain(p.visitMax()));
        productDefaultAmount.setText(Amounts.plain(p.defaultAmount()));
        productDefaultUnit.setText(p.unit().symbol() + " per point");
        productDefaultDepth.getItems().setAll(ChartRules.depthsFor(p.kind()));
        productDefaultDepth.setValue(p.defaultDepth());
        productDefaultTechnique.getItems().setAll(ChartRules.techniquesFor(p.kind()));
        productDefaultTechnique.setValue(p.defaultTechnique());
        productReorderLevel.setText(Integer.toString(p.reorderLevel()));
        productGtins.setText(String.join("\n", p.gtins()));
        productActive.setSelected(p.active());
        Forms.markAll(fields, Map.of());
        Forms.showError(productError, null);
        Forms.showStatus(productStatus, null);
    }

    /** Kind, unit and pack: fixed once a lot has been received. */
    private void lockWhat(boolean locked) {
        productKind.setDisable(locked);
        productPackSize.setDisable(locked);
        productPackUnit.setDisable(locked);
        ProductKind k = productKind.getValue();
        productUnit.setDisable(locked || k == null || k.unit() != null);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @FXML
    private void save() {
        if ((product == null && !adding) || saving) {
            return;
        }
        Forms.showStatus(productStatus, null);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal ml = amount(productDiluentMl, "defaultDiluentMl", "Type the diluent volume in mL, e.g. 2.5, or leave it empty.", errors);
        Integer hours = whole(productUsableHours, true, "usableHours", "Type the usable hours as a whole number, e.g. 24, or leave it empty.", errors);
        BigDecimal min = amount(productPointMin, "pointMin", "Type the per-point minimum as a number, or leave it empty.", errors);
        BigDecimal max = amount(productPointMax, "pointMax", "Type the per-point maximum as a number, or leave it empty.", errors);
        BigDecimal visit = amount(productVisitMax, "visitMax", "Type the per-visit maximum as a number, or leave it empty.", errors);
        BigDecimal usual = amount(productDefaultAmount, "defaultAmount", "Type the usual amount per point as a number, e.g."
                + " 10 or 0.1, or leave it empty.", errors);
        Integer reorder = whole(productReorderLevel, false, "reorderLevel", "Type the reorder level in packs (0 = never).", errors);
        BigDecimal packSize = amount(productPackSize, "packSize", "Type what one pack holds as a number, e.g. 1 or 300.",
                errors);
        List<String> gtins = gtins(productGtins.getText(), errors);
        Forms.markAll(fields, errors);
        if (!errors.isEmpty()) {
            Forms.showError(productError, new ValidationException(errors).getMessage());
            return;
        }
        Product p = product != null ? product : new Product(0, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false, false, null, 0, List.of(), true, 0);
        Product edited = p.withNames(productName.getText(), productBrand.getText())
                .withWhat(productKind.getValue(), productUnit.getValue(), packSize, productPackUnit.getValue())
                .withFlags(productSpeywood.isSelected(), productMilk.isSelected())
                .withStorage(productStorage.getText())
                .withReconstitution(productDiluent.getText(), ml, hours)
                .withLimits(min, max, visit)
                .withDefaults(usual, productDefaultDepth.getValue(), productDefaultTechnique.getValue())
                .withReorderLevel(reorder)
                .withGtins(gtins)
                .withLook(hex(productColour.getValue()), productActive.isSelected());
        saving = true;
        Forms.showError(productError, null);
        boolean creating = adding;
        background.run(() -> creating ? inventory.createProduct(edited) : inventory.updateProduct(edited), saved -> {
            saving = false;
            if (creating) {
                product = saved;
                load(null, "Added " + saved.name() + ": it can now be received and charted.");
                return;
            }
            int i = -1;
            for (int k = 0; k < productsTable.getItems().size(); k++) {
                if (productsTable.getItems().get(k).id() == saved.id()) {
                    i = k;
                }
            }
            product = saved;
            if (i >= 0) {
                productsTable.getItems().set(i, saved);
                productsTable.getSelectionModel().select(i);
            }
            edit(saved);
            Forms.showStatus(productStatus, "Saved " + saved.name() + ".");
        }, error -> {
            saving = false;
            if (error instanceof ValidationException v) {
                Forms.markAll(fields, v.fieldErrors());
                Forms.showError(productError, v.getMessage());
            } else if (error instanceof StaleRecordException) {
                load(Forms.message(error) + " The form now shows the saved product: make your change again.");
            } else {
                Forms.showError(productError, Forms.message(error));
            }
        });
    }

    /** "#RRGGBB" of a picked colour. */
    private static String hex(Color c) {
        if (c == null) {
            return null;
        }
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** One GTIN per line, each checked and normalised to 14 digits; a bad line is reported under "gtins". */
    private static List<String> gtins(String text, Map<String, String> errors) {
        List<String> out = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                String g = Gtin.normalise(line);
                if (!out.contains(g)) {
                    out.add(g);
                }
            } catch (Gs1Exception e) {
                errors.put("gtins", "\"" + line.strip() + "\" is not a GTIN: " + e.getMessage());
                return out;
            }
        }
        return out;
    }

    private static BigDecimal amount(TextField f, String field, String message, Map<String, String> errors) {
        if (Decimals.isBlank(f.getText())) {
            return null;
        }
        Optional<BigDecimal> v = Decimals.parse(f.getText());
        if (v.isEmpty()) {
            errors.put(field, message);
        }
        return v.orElse(null);
    }

    private static Integer whole(TextField f, boolean optional, String field, String message, Map<String, String> errors) {
        String t = f.getText() == null ? "" : f.getText().strip();
        if (t.isEmpty() && optional) {
            return null;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    @FXML
    private void saveExpiring() {
        Forms.showStatus(expiringStatus, null);
        Forms.showError(expiringError, null);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer days = whole(expiringDays, false, "expiringWithinDays", "Type the days as a whole number, 1 to 365.", errors);
        if (days != null && (days < 1 || days > 365)) {
            errors.put("expiringWithinDays", "Expiring soon must be between 1 and 365 days.");
        }
        if (!errors.isEmpty()) {
            Forms.mark(expiringDays, errors.get("expiringWithinDays"));
            Forms.showError(expiringError, errors.get("expiringWithinDays"));
            return;
        }
        Forms.mark(expiringDays, null);
        background.run(() -> {
            inventory.setExpiringWithinDays(days);
            return inventory.expiringWithinDays();
        }, now -> {
            expiringDays.setText(Integer.toString(now));
            Forms.showStatus(expiringStatus, "Saved: lots expiring within " + now + " days are flagged.");
        }, error -> {
            if (error instanceof ValidationException v) {
                Forms.mark(expiringDays, v.fieldErrors().get("expiringWithinDays"));
            }
            Forms.showError(expiringError, Forms.message(error));
        });
    }
}
