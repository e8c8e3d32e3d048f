package org.needlepoint.security;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.needlepoint.common.Dates;
import org.needlepoint.common.ValidationException;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/** The audit log, newest first, filtered by user, patient and date range. */
public final class AuditLogController implements AdminTab {
    private static final int LIMIT = AuditFilter.all().limit();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ENGLISH);
    private static final UserChoice ALL_USERS = new UserChoice(null, "All users");

    private final Audit audit;
    private final UserService users;
    private final Background background;
    private final Clock clock;
    private final TypedDate fromText = new TypedDate();
    private final TypedDate toText = new TypedDate();

    @FXML private ComboBox<UserChoice> auditUser;
    @FXML private TextField auditPatient;
    @FXML private DatePicker auditFrom;
    @FXML private DatePicker auditTo;
    @FXML private Button auditApply;
    @FXML private Label auditError;
    @FXML private Label auditSummary;
    @FXML private TableView<AuditEntry> auditTable;
    @FXML private TableColumn<AuditEntry, String> timeColumn;
    @FXML private TableColumn<AuditEntry, String> userColumn;
    @FXML private TableColumn<AuditEntry, String> actionColumn;
    @FXML private TableColumn<AuditEntry, String> recordTypeColumn;
    @FXML private TableColumn<AuditEntry, String> recordIdColumn;
    @FXML private TableColumn<AuditEntry, String> patientColumn;
    @FXML private TableColumn<AuditEntry, String> summaryColumn;
    @FXML private Label auditPlaceholder;

    public AuditLogController(Audit audit, UserService users, Background background, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.background = background;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        column(timeColumn, e -> TIME.format(e.at().atZone(clock.getZone())));
        column(userColumn, AuditEntry::username);
        column(actionColumn, e -> readable(e.action()));
        column(recordTypeColumn, AuditEntry::recordType);
        column(recordIdColumn, e -> e.recordId() == null ? "" : e.recordId().toString());
        column(patientColumn, e -> e.chartNumber() == null ? "" : e.chartNumber().toString());
        column(summaryColumn, AuditEntry::summary);
        summaryColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        auditUser.getItems().setAll(ALL_USERS);
        auditUser.setValue(ALL_USERS);
        auditFrom.setConverter(fromText);
        auditTo.setConverter(toText);
    }

    /** Reads the staff list for the user filter again, then the log with the current filters. */
    @Override
    public void refresh() {
        background.run(users::list, list -> {
            Long selected = selectedUserId();
            List<UserChoice> choices = new ArrayList<>(List.of(ALL_USERS));
            list.forEach(u -> choices.add(new UserChoice(u.id(), u.fullName() + " (" + u.username() + ")"
                    + (u.active() ? "" : ", deactivated"))));
            auditUser.getItems().setAll(choices);
            auditUser.setValue(choices.stream().filter(c -> Objects.equals(c.userId(), selected))
                    .findFirst().orElse(ALL_USERS));
            apply();
        }, error -> Forms.showError(auditError, Forms.message(error)));
    }

    @FXML
    private void apply() {
        Map<String, String> errors = new LinkedHashMap<>();
        Long chart = null;
        String patient = auditPatient.getText().strip();
        if (!patient.isEmpty()) {
            try {
                chart = Long.parseLong(patient);
            } catch (NumberFormatException e) {
                errors.put("patient", "Chart # is the patient's chart number, as on their record; \"" + patient
                        + "\" is not one. Leave it blank for all patients.");
            }
        }
        LocalDate from = auditFrom.getValue();
        LocalDate to = auditTo.getValue();
        if (from == null && fromText.unreadable != null) {
            errors.put("from", "\"" + fromText.unreadable + "\" is not a date: type MM/DD/YYYY or pick one.");
        }
        if (to == null && toText.unreadable != null) {
            errors.put("to", "\"" + toText.unreadable + "\" is not a date: type MM/DD/YYYY or pick one.");
        }
        if (errors.isEmpty() && from != null && to != null && from.isAfter(to)) {
            errors.put("to", "The To date (" + DAY.format(to) + ") is before the From date (" + DAY.format(from) + ").");
        }
        Forms.markAll(Map.of("patient", auditPatient, "from", auditFrom, "to", auditTo), errors);
        if (!errors.isEmpty()) {
            Forms.showError(auditError, new ValidationException(errors).getMessage());
            return;
        }
        Forms.showError(auditError, null);
        AuditFilter filter = new AuditFilter(selectedUserId(), null, chart, from, to, LIMIT + 1);
        auditApply.setDisable(true);
        background.run(() -> audit.find(filter), rows -> {
            auditApply.setDisable(false);
            boolean capped = rows.size() > LIMIT;
            auditTable.getItems().setAll(capped ? rows.subList(0, LIMIT) : rows);
            auditSummary.setText(capped ? "Showing the newest " + LIMIT + " entries. Narrow the filters to see older ones."
                    : rows.size() + (rows.size() == 1 ? " entry" : " entries") + ", newest first.");
        }, error -> {
            auditApply.setDisable(false);
            Forms.showError(auditError, Forms.message(error));
        });
    }

    private Long selectedUserId() {
        return auditUser.getValue() == null ? null : auditUser.getValue().userId();
    }

    private static void column(TableColumn<AuditEntry, String> column, Function<AuditEntry, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    }

    /** "SIGN_IN_FAILED" -> "Sign in failed". */
    private static String readable(String action) {
        String s = action.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** An entry of the user filter; a null id means everyone. */
    private record UserChoice(Long userId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Dates as staff type them (see {@link Dates}). Text it cannot read becomes no date, which the
     * picker would show as an empty field; the text is remembered so that applying the filters can
     * say what was wrong. A date picked from the calendar afterwards makes it moot (the value is set).
     */
    private static final class TypedDate extends StringConverter<LocalDate> {
        private String unreadable;

        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : DAY.format(date);
        }

        @Override
        public LocalDate fromString(String text) {
            unreadable = null;
            if (text == null || text.isBlank()) {
                return null;
            }
            LocalDate date = Dates.parse(text).orElse(null);
            if (date == null) {
                unreadable = text.strip();
            }
            return date;
        }
    }
}
