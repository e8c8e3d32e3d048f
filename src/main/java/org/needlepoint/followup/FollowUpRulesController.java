package org.needlepoint.followup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Role;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * Admin: the follow-up protocol rules (a table; the chosen rule's editable fields beside it; turn a
 * rule off or on at once) and the follow-up settings (the worklist's look-ahead, the safety-signal
 * threshold, the urgent checklist). Read again whenever the tab is shown.
 */
public final class FollowUpRulesController implements AdminTab {
    private final FollowUpService followUps;
    private final Background background;

    @FXML private TableView<FollowUpRule> rulesTable;
    @FXML private TableColumn<FollowUpRule, String> ruleOnColumn;
    @FXML private TableColumn<FollowUpRule, String> ruleNameColumn;
    @FXML private TableColumn<FollowUpRule, String> ruleScheduleColumn;
    @FXML private TableColumn<FollowUpRule, String> ruleWhoColumn;
    @FXML private Label ruleTitle;
    @FXML private Label ruleTrigger;
    @FXML private TextField ruleName;
    @FXML private ComboBox<TaskKind> ruleKind;
    @FXML private TextField ruleOffset;
    @FXML private ComboBox<OffsetUnit> ruleUnit;
    @FXML private TextField ruleMinDays;
    @FXML private Label ruleCourseLabel;
    @FXML private HBox ruleCourseBox;
    @FXML private TextField ruleCourse;
    @FXML private ComboBox<Role> ruleRole;
    @FXML private CheckBox ruleClinical;
    @FXML private Label ruleBasis;
    @FXML private Label ruleError;
    @FXML private Button saveRuleButton;
    @FXML private Button ruleEnabledButton;
    @FXML private Label ruleStatus;
    @FXML private TextField upcomingDays;
    @FXML private TextField signalEvents;
    @FXML private TextField signalDays;
    @FXML private TextArea urgentChecklistText;
    @FXML private Label fuSettingsError;
    @FXML private Label fuSettingsStatus;
    @FXML private Button saveFollowUpSettingsButton;

    private Map<String, Control> ruleFields;
    private Map<String, Control> settingFields;
    private FollowUpRule rule;
    private FollowUpSettings saved;
    /** A save is running: buttons stay enabled (disabling the focused one would move the focus and scroll the page). */
    private boolean savingRule;
    private boolean savingSettings;

    public FollowUpRulesController(FollowUpService followUps, Background background) {
        this.followUps = followUps;
        this.background = background;
    }

    @FXML
    private void initialize() {
        column(ruleOnColumn, r -> r.enabled() ? "On" : "Off");
        column(ruleNameColumn, FollowUpRule::name);
        column(ruleScheduleColumn, FollowUpRule::schedule);
        column(ruleWhoColumn, r -> r.assigneeRole().label());
        rulesTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FollowUpRule r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("rule-off");
                setTooltip(empty || r == null ? null : new javafx.scene.control.Tooltip(r.name() + "\n"
                        + r.trigger() + severity(r) + ": " + r.schedule() + (r.enabled() ? "" : " (off)")));
                if (!empty && r != null && !r.enabled()) {
                    getStyleClass().add("rule-off");
                }
            }
        });
        rulesTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                edit(r);
            }
        });
        ruleKind.getItems().setAll(TaskKind.values());
        ruleUnit.getItems().setAll(OffsetUnit.values());
        ruleRole.getItems().setAll(Role.values());
        ruleFields = new LinkedHashMap<>();
        ruleFields.put("name", ruleName);
        ruleFields.put("kind", ruleKind);
        ruleFields.put("offsetAmount", ruleOffset);
        ruleFields.put("offsetUnit", ruleUnit);
        ruleFields.put("minDays", ruleMinDays);
        ruleFields.put("courseSessions", ruleCourse);
        ruleFields.put("assigneeRole", ruleRole);
        settingFields = Map.of("upcomingDays", upcomingDays, "signalEvents", signalEvents, "signalDays", signalDays,
                "urgentChecklist", urgentChecklistText);
        showCourse(false);
        refresh();
    }

    private static void column(TableColumn<FollowUpRule, String> c, Function<FollowUpRule, String> text) {
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(text.apply(v.getValue())));
    }

    /** Reads the rules and settings again, keeping the chosen rule chosen. */
    @Override
    public void refresh() {
        load(null);
    }

    /** Reads the rules and settings again, then shows {@code ruleMessage} (or nothing) about the rule. */
    private void load(String ruleMessage) {
        background.run(() -> new Loaded(followUps.rules(), followUps.settings()), l -> {
            showRules(l);
            showSettings(l.settings());
            Forms.showError(ruleError, ruleMessage);
        }, error -> Forms.showError(ruleError, Forms.message(error)));
    }

    private record Loaded(java.util.List<FollowUpRule> rules, FollowUpSettings settings) {
    }

    private void showRules(Loaded l) {
        Long chosen = rule == null ? (l.rules().isEmpty() ? null : l.rules().get(0).id()) : rule.id();
        rulesTable.getItems().setAll(l.rules());
        if (chosen != null) {
            l.rules().stream().filter(r -> r.id() == chosen).findFirst().ifPresent(r -> {
                rulesTable.getSelectionModel().select(r);
                edit(r);
            });
        }
    }

    // ---------------------------------------------------------------------------------- a rule

    private void edit(FollowUpRule r) {
        rule = r;
        ruleTitle.setText(r.name() + (r.enabled() ? "" : "  (off)"));
        ruleTrigger.setText(r.trigger() + severity(r) + ". Now: " + r.schedule() + ".");
        ruleName.setText(r.name());
        ruleKind.setValue(r.kind());
        ruleOffset.setText(Integer.toString(r.offsetAmount()));
        ruleUnit.setValue(r.offsetUnit());
        ruleMinDays.setText(r.minDays() == null ? "" : r.minDays().toString());
        showCourse(r.trigger().countsSessions());
        ruleCourse.setText(r.courseSessions() == null ? "" : r.courseSessions().toString());
        ruleRole.setValue(r.assigneeRole());
        ruleClinical.setSelected(r.clinical());
        ruleBasis.setText(r.basis() == null ? "" : "Default from: " + r.basis());
        ruleEnabledButton.setText(r.enabled() ? "Turn this rule off" : "Turn this rule on");
        saveRuleButton.setDisable(false);
        ruleEnabledButton.setDisable(false);
        Forms.markAll(ruleFields, Map.of());
        Forms.showError(ruleError, null);
    }

    private static String severity(FollowUpRule r) {
        if (r.severityMin() == null) {
            return "";
        }
        return r.severityMin().equals(r.severityMax()) ? ", grade " + r.severityMin()
                : ", grade " + r.severityMin() + " to " + r.severityMax();
    }

    private void showCourse(boolean on) {
        for (javafx.scene.Node n : java.util.List.of(ruleCourseLabel, ruleCourseBox)) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    @FXML
    private void saveRule() {
        if (rule == null || savingRule) {
            return;
        }
        Forms.showStatus(ruleStatus, null);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer offset = number(ruleOffset.getText(), false, "offsetAmount", "Type the offset as a whole number, e.g. 14.", errors);
        Integer minDays = number(ruleMinDays.getText(), true, "minDays", "Type the minimum as whole days, or leave it empty.", errors);
        Integer course = rule.trigger().countsSessions()
                ? number(ruleCourse.getText(), false, "courseSessions", "Type the sessions in a course, 1 to "
                        + rule.trigger().maxSessions() + ".", errors)
                : null;
        Forms.markAll(ruleFields, errors);
        if (!errors.isEmpty()) {
            Forms.showError(ruleError, new ValidationException(errors).getMessage());
            return;
        }
        FollowUpRule edited = rule.with(ruleName.getText(), ruleKind.getValue(), offset, ruleUnit.getValue(), minDays,
                course, ruleRole.getValue(), ruleClinical.isSelected(), rule.enabled());
        run(() -> followUps.updateRule(edited), "Saved. Tasks created from now on follow the changed rule.");
    }

    @FXML
    private void toggleEnabled() {
        if (rule == null || savingRule) {
            return;
        }
        FollowUpRule r = rule;
        run(() -> followUps.setRuleEnabled(r.id(), r.version(), !r.enabled()), r.enabled()
                ? "Turned off: this rule creates no more tasks. Tasks already made stay." : "Turned on.");
    }

    private void run(java.util.concurrent.Callable<FollowUpRule> work, String done) {
        savingRule = true;
        Forms.showError(ruleError, null);
        background.run(work, saved -> {
            savingRule = false;
            int i = rulesTable.getItems().indexOf(rulesTable.getItems().stream().filter(x -> x.id() == saved.id())
                    .findFirst().orElse(null));
            if (i >= 0) {
                rulesTable.getItems().set(i, saved);
                rulesTable.getSelectionModel().select(i);
            }
            edit(saved);
            Forms.showStatus(ruleStatus, done);
        }, error -> {
            savingRule = false;
            if (error instanceof ValidationException v) {
                Forms.markAll(ruleFields, v.fieldErrors());
                Forms.showError(ruleError, v.getMessage());
            } else if (error instanceof StaleRecordException) {
                load(Forms.message(error) + " The form now shows the saved rule.");
            } else {
                Forms.showError(ruleError, Forms.message(error));
            }
        });
    }

    private static void range(Map<String, String> errors, String field, Integer v, int min, int max, String message) {
        if (v != null && (v < min || v > max)) {
            errors.put(field, message);
        }
    }

    private static Integer number(String text, boolean optional, String field, String message, Map<String, String> errors) {
        String t = text == null ? "" : text.strip();
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

    // ---------------------------------------------------------------------------------- settings

    private void showSettings(FollowUpSettings s) {
        saved = s;
        upcomingDays.setText(Integer.toString(s.upcomingDays()));
        signalEvents.setText(Integer.toString(s.signalEvents()));
        signalDays.setText(Integer.toString(s.signalDays()));
        urgentChecklistText.setText(s.urgentChecklist());
        Forms.markAll(settingFields, Map.of());
        saveFollowUpSettingsButton.setDisable(false);
    }

    @FXML
    private void saveSettings() {
        if (savingSettings || saved == null) {
            return;
        }
        Forms.showStatus(fuSettingsStatus, null);
        Forms.showError(fuSettingsError, null);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer days = number(upcomingDays.getText(), false, "upcomingDays", "Type the days as a whole number, 1 to 60.", errors);
        Integer events = number(signalEvents.getText(), false, "signalEvents", "Type the events as a whole number, 2 to 100.", errors);
        Integer window = number(signalDays.getText(), false, "signalDays", "Type the days as a whole number, 1 to 365.", errors);
        // the service's ranges, checked before anything is saved: one bad field saves nothing
        range(errors, "upcomingDays", days, 1, FollowUpService.MAX_UPCOMING_DAYS,
                "The worklist looks ahead 1 to " + FollowUpService.MAX_UPCOMING_DAYS + " days.");
        range(errors, "signalEvents", events, 2, 100, "A signal needs 2 to 100 events.");
        range(errors, "signalDays", window, 1, 365, "The signal's window is 1 to 365 days.");
        if (urgentChecklistText.getText().strip().length() > FollowUpSettings.MAX_CHECKLIST) {
            errors.put("urgentChecklist", "The checklist is at most " + FollowUpSettings.MAX_CHECKLIST + " characters.");
        }
        Forms.markAll(settingFields, errors);
        if (!errors.isEmpty()) {
            Forms.showError(fuSettingsError, new ValidationException(errors).getMessage());
            return;
        }
        FollowUpSettings before = saved;
        String checklist = urgentChecklistText.getText();
        boolean daysChanged = days != before.upcomingDays();
        boolean signalChanged = events != before.signalEvents() || window != before.signalDays();
        boolean checklistChanged = !checklist.strip().equals(before.urgentChecklist().strip());
        if (!daysChanged && !signalChanged && !checklistChanged) {
            Forms.showStatus(fuSettingsStatus, "Nothing to save: no setting was changed.");
            return;
        }
        savingSettings = true;
        background.run(() -> {
            FollowUpSettings now = before;
            if (signalChanged) {
                now = followUps.setSignalThreshold(events, window);
            }
            if (daysChanged) {
                now = followUps.setUpcomingDays(days);
            }
            if (checklistChanged) {
                now = followUps.setUrgentChecklist(checklist);
            }
            return now;
        }, now -> {
            savingSettings = false;
            showSettings(now);
            Forms.showStatus(fuSettingsStatus, "Saved.");
        }, error -> {
            savingSettings = false;
            if (error instanceof ValidationException v) {
                Forms.markAll(settingFields, v.fieldErrors());
                Forms.showError(fuSettingsError, v.getMessage());
            } else {
                Forms.showError(fuSettingsError, Forms.message(error));
            }
        });
    }
}
