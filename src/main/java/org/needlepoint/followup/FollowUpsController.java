package org.needlepoint.followup;

import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;

/**
 * The Follow-ups section: the call worklist (everyone), "log a patient's call" (everyone) and, for
 * injectors and administrators, the review list of reports, side effects and urgent alerts.
 */
public final class FollowUpsController {
    private final User user;

    @FXML private TabPane followUpsTabs;
    @FXML private Tab worklistTab;
    @FXML private Tab patientCallTab;
    @FXML private Tab reviewTab;
    @FXML private WorklistController worklistController;
    @FXML private PatientCallController patientCallController;
    @FXML private ReviewController reviewController;

    public FollowUpsController(User user) {
        this.user = Objects.requireNonNull(user);
    }

    @FXML
    private void initialize() {
        if (!clinical()) {
            followUpsTabs.getTabs().remove(reviewTab);
        }
        worklistController.setOnLoaded(w -> {
            int now = w.overdue().size() + w.dueToday().size();
            worklistTab.setText("Calls to make" + (now == 0 ? "" : " (" + now + ")"));
        });
        reviewController.setOnLoaded(r -> reviewTab.setText("Review" + (r.size() == 0 ? "" : " (" + r.size() + ")")));
        patientCallController.setOnLogged(r -> {
            if (clinical()) {
                reviewController.refresh();
            }
        });
        followUpsTabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == patientCallTab) {
                patientCallController.focus();
            }
        });
    }

    private boolean clinical() {
        return user.role() == Role.INJECTOR || user.role() == Role.ADMIN;
    }

    /** Reloads the lists (each time the section is shown, and after changes elsewhere in the app). */
    public void refresh() {
        worklistController.refresh();
        if (clinical()) {
            reviewController.refresh();
        }
    }

    /** True while a patient's report is typed but not sent. */
    public boolean hasUnsavedWork() {
        return patientCallController.hasUnsavedWork();
    }

    public WorklistController worklist() {
        return worklistController;
    }

    public ReviewController review() {
        return reviewController;
    }
}
