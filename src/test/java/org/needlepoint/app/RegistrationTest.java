package org.needlepoint.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.ViewLoader;

/** The window's and the features' registrations, taken together, cover every view; an unregistered controller fails. */
class RegistrationTest {
    @TempDir
    Path dir;

    @Test
    void everyViewsControllerIsRegisteredByTheWindowOrItsFeature() throws Exception {
        try (TestClinic clinic = new TestClinic(dir); Background background = new Background()) {
            Screens screens = new AppWindow(clinic.services, background).screens();
            List<String> controllers = new ArrayList<>();
            Pattern controller = Pattern.compile("fx:controller=\"([\\w.]+)\"");
            try (Stream<Path> files = Files.walk(Path.of("resources", "org", "needlepoint"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                    Matcher m = controller.matcher(Files.readString(f));
                    while (m.find()) {
                        controllers.add(m.group(1));
                    }
                }
            }
            assertThat(controllers).hasSizeGreaterThan(30);
            List<String> missing = new ArrayList<>();
            for (String name : controllers) {
                if (!screens.loader().isRegistered(Class.forName(name))) {
                    missing.add(name);
                }
            }
            assertThat(missing).as("controllers of views that no registration covers").isEmpty();
            assertThat(screens.adminTabs()).extracting(Screens.AdminTabEntry::id).containsExactly("usersTab", "auditTab",
                    "followUpRulesTab", "appointmentBookTab", "productsTab", "consentTextsTab", "backupsTab", "clinicServerTab", "settingsTab");
            assertThat(screens.todayCards()).extracting(Class::getSimpleName).containsExactly(
                    "MyPatientsCardController", "TodayAppointmentsCardController", "TomorrowConfirmCardController", "BackupStatusController",
                    "FollowUpsCardController", "StockCardController");
        }
    }

    @Test
    void anUnregisteredControllerIsAnErrorAtLoadTime() {
        ViewLoader loader = new ViewLoader();
        assertThat(loader.isRegistered(TodayController.class)).isFalse();
        assertThatThrownBy(() -> loader.load(TodayController.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No factory registered for controller " + TodayController.class.getName());
    }
}
