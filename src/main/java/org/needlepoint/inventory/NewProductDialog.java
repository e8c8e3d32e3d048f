package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.needlepoint.common.Decimals;
import org.needlepoint.common.ValidationException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * Receiving ▸ an unknown barcode ▸ "Add a new product": what the pack is (name, brand, kind, unit and
 * pack), with the scanned GTIN, added to the catalogue in one step; the kind's usual point and a free
 * marker colour are filled in by the service, and the rest (limits, storage, reorder level) is edited
 * later in Admin ▸ Products. The dialog stays open with the message at the field while the service
 * refuses the product.
 */
final class NewProductDialog {
    private final InventoryService inventory;
    private final Background background;

    NewProductDialog(InventoryService inventory, Background background) {
        this.inventory = inventory;
        this.background = background;
    }

    /** Shows the dialog for {@code gtin}; the product added, or empty when cancelled. */
    Optional<Product> show(String gtin, Window owner) {
        Dialog<Product> dialog = new Dialog<>();
        dialog.setTitle("Add a new product");
        dialog.setHeaderText("Add the product this pack is (GTIN " + gtin + ")");
        TextField name = field("newProductName", "e.g. Radiesse 1.5 mL");
        TextField brand = field("newProductBrand", "e.g. Radiesse");
        ComboBox<ProductKind> kind = new ComboBox<>();
        kind.setId("newProductKind");
        kind.getItems().setAll(ProductKind.values());
        kind.setPromptText("choose");
        kind.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Unit> unit = new ComboBox<>();
        unit.setId("newProductUnit");
        unit.getItems().setAll(Unit.values());
        unit.setDisable(true);
        TextField packSize = field("newProductPackSize", "e.g. 1.5");
        packSize.setPrefWidth(90);
        ComboBox<PackUnit> packUnit = new ComboBox<>();
        packUnit.setId("newProductPackUnit");
        packUnit.getItems().setAll(PackUnit.values());
        kind.valueProperty().addListener((o, was, k) -> {
            if (k == null) {
                return;
            }
            unit.setValue(k.unit() != null ? k.unit() : unit.getValue() == null ? Unit.ML : unit.getValue());
            unit.setDisable(k.unit() != null);
            packUnit.setValue(k.usualPackUnit());
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name *"), name);
        grid.addRow(1, new Label("Brand (maker) *"), brand);
        grid.addRow(2, new Label("Kind *"), kind);
        grid.addRow(3, new Label("Charted in *"), unit);
        grid.addRow(4, new Label("One pack holds *"), new HBox(6, packSize, packUnit));
        Label error = new Label();
        error.setId("newProductError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        Forms.showError(error, null);
        Label hint = new Label("The kind fills in the usual point per injection; limits, storage and the reorder level"
                + " can be set later in Admin ▸ Products.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        dialog.getDialogPane().setContent(new VBox(12, hint, grid, error));
        ButtonType add = new ButtonType("Add and continue", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(add, new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE));
        Button addButton = (Button) dialog.getDialogPane().lookupButton(add);
        addButton.setId("addNewProductButton");
        Map<String, Control> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("brand", brand);
        fields.put("kind", kind);
        fields.put("unit", unit);
        fields.put("packSize", packSize);
        addButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            Optional<BigDecimal> size = Decimals.parse(packSize.getText());
            if (size.isEmpty()) {
                Map<String, String> problem = Map.of("packSize", "Type what one pack holds as a number, e.g. 1.5.");
                Forms.markAll(fields, problem);
                Forms.showError(error, problem.get("packSize"));
                return;
            }
            Product draft = new Product(0, name.getText(), brand.getText(), kind.getValue(), unit.getValue(), size.get(),
                    packUnit.getValue(), null, null, null, null, null, null, null, false, false, null, 0,
                    List.of(gtin), true, 0);
            addButton.setDisable(true);
            background.run(() -> inventory.createProduct(draft), added -> {
                dialog.setResult(added);
                dialog.close();
            }, failure -> {
                addButton.setDisable(false);
                if (failure instanceof ValidationException v) {
                    Forms.markAll(fields, v.fieldErrors());
                }
                Forms.showError(error, Forms.message(failure));
            });
        });
        dialog.setResultConverter(b -> null);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        Node first = name;
        dialog.setOnShown(e -> first.requestFocus());
        return dialog.showAndWait();
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(22);
        return f;
    }
}
