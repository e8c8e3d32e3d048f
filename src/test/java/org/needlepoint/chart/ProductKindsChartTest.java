package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.PackUnit;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.testing.Spots;
import org.needlepoint.testing.TestClinic;

/**
 * Issue 15: an administrator adds a product of each kind; each is received and charted with its
 * unit, the kind's usual point and the kind's diagram layer (a muscle for a toxin, an area for the
 * others); the chart with all of them is signed (each kind's consent on file) and its aftercare
 * printed; kind, unit and pack change only until a lot is received.
 */
class ProductKindsChartTest {

    private static Product draft(String name, ProductKind kind, Unit unit, String pack, PackUnit packUnit,
                                 String diluentMl) {
        return new Product(0, name, name.split(" ")[0], kind, unit, new BigDecimal(pack), packUnit, null,
                diluentMl == null ? null : new BigDecimal(diluentMl), null, null, null, null, null, false, false, null, 0,
                List.of(), true, 0);
    }

    @Test
    void aProductOfEachKindIsAddedReceivedAndChartedOnItsLayerInItsUnit(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            InventoryService inventory = f.clinic.services.inventory();
            f.clinic.signIn("admin");
            Map<ProductKind, Product> drafts = Map.of(
                    ProductKind.TOXIN, draft("Neuro 100 U", ProductKind.TOXIN, Unit.U, "100", PackUnit.U, "2.5"),
                    ProductKind.HA_FILLER, draft("Volumiser 1 mL", ProductKind.HA_FILLER, Unit.ML, "1", PackUnit.ML, null),
                    ProductKind.BIOSTIMULATOR, draft("Lactica 150 mg", ProductKind.BIOSTIMULATOR, Unit.ML, "150",
                            PackUnit.MG, "9"),
                    ProductKind.CAHA, draft("Hydroxa 1.5 mL", ProductKind.CAHA, Unit.ML, "1.5", PackUnit.ML, null),
                    ProductKind.DEOXYCHOLIC, draft("Submenta 2 mL", ProductKind.DEOXYCHOLIC, Unit.ML, "2", PackUnit.ML, null),
                    ProductKind.OTHER, draft("Nucleo 2 mL", ProductKind.OTHER, Unit.ML, "2", PackUnit.ML, null));
            List<Product> added = new ArrayList<>();
            for (ProductKind k : ProductKind.values()) {
                Product p = inventory.createProduct(drafts.get(k));
                added.add(p);
                assertThat(p.kind()).isEqualTo(k);
                assertThat(p.defaultAmount()).as(k + ": the kind's usual amount").isEqualTo(k.usualAmount());
                assertThat(p.defaultDepth()).isEqualTo(k.usualDepth());
                assertThat(p.defaultTechnique()).isEqualTo(k.usualTechnique());
                assertThat(p.colour()).as("a free marker colour").matches("#[0-9A-F]{6}");
            }
            assertThat(added.get(ProductKind.DEOXYCHOLIC.ordinal()).defaultAmount()).isEqualByComparingTo("0.2");
            assertThat(added.get(ProductKind.CAHA.ordinal()).reconstituted()).isFalse();
            assertThatThrownBy(() -> inventory.createProduct(draft("Wrong 2 mL", ProductKind.CAHA, Unit.U, "2",
                    PackUnit.ML, null))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fieldErrors()).containsOnlyKeys("unit"));

            f.clinic.signIn("injector");
            List<InjectionPoint> points = new ArrayList<>();
            // one spot where the frontalis muscle and the forehead area overlap
            Placement at = Spots.of(Region.FRONTALIS, Side.RIGHT, Region.Kind.MUSCLE);
            for (Product p : added) {
                Lot lot = f.clinic.receive(p, "L" + p.kind().ordinal(), f.today().plusYears(1), 3);
                points.add(new InjectionPoint("p" + p.id(), at.view(), at.x(), at.y(), Region.FRONTALIS, Side.RIGHT,
                        p.id(), lot.id(), null, p.defaultAmount() == null ? new BigDecimal("0.1") : p.defaultAmount(),
                        p.unit(), p.defaultDepth(), p.defaultTechnique(), null, null));
            }
            VisitChart saved = f.drafted(points);
            for (InjectionPoint pt : saved.points()) {
                Product p = added.stream().filter(x -> x.id() == pt.productId()).findFirst().orElseThrow();
                assertThat(pt.unit()).as(p.name()).isEqualTo(p.kind() == ProductKind.TOXIN ? Unit.U : Unit.ML);
                assertThat(pt.region().kind()).as(p.name() + " lands on the kind's layer")
                        .isEqualTo(p.kind() == ProductKind.TOXIN ? Region.Kind.MUSCLE : Region.Kind.AREA);
            }
            VisitChart signed = f.charts.sign(saved.visit().id(), saved.visit().version(),
                    TestClinic.PASSWORD.toCharArray());
            assertThat(signed.visit().signed()).isTrue();
            byte[] aftercare = f.clinic.services.reports().aftercare(signed.visit().id());
            assertThat(aftercare).as("an aftercare sheet for every kind charted").isNotEmpty();
        }
    }

    @Test
    void kindUnitAndPackChangeOnlyUntilALotIsReceived(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            InventoryService inventory = f.clinic.services.inventory();
            f.clinic.signIn("admin");
            Product p = inventory.createProduct(draft("Mystery 1 mL", ProductKind.OTHER, Unit.ML, "1", PackUnit.ML, null));
            assertThat(inventory.productReceived(p.id())).isFalse();
            Product corrected = inventory.updateProduct(p.withWhat(ProductKind.CAHA, Unit.ML, new BigDecimal("1.5"),
                    PackUnit.ML));
            assertThat(corrected.kind()).isEqualTo(ProductKind.CAHA);
            assertThat(corrected.packSize()).isEqualByComparingTo("1.5");

            f.clinic.receive(corrected, "MY1", f.today().plusYears(1), 2);
            f.clinic.signIn("admin");
            assertThat(inventory.productReceived(p.id())).isTrue();
            assertThatThrownBy(() -> inventory.updateProduct(corrected.withWhat(ProductKind.HA_FILLER, Unit.ML,
                    corrected.packSize(), PackUnit.ML))).isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.fieldErrors()).containsOnlyKeys("kind");
                        assertThat(e.getMessage()).contains("cannot change", "new product");
                    });
            assertThatThrownBy(() -> inventory.updateProduct(corrected.withWhat(ProductKind.CAHA, Unit.ML,
                    new BigDecimal("3"), PackUnit.ML))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fieldErrors()).containsOnlyKeys("packSize"));
            assertThat(inventory.product(p.id()).kind()).isEqualTo(ProductKind.CAHA);
        }
    }
}
