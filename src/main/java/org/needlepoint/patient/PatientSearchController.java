package org.needlepoint.patient;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.Shell;

/**
 * The front desk's main screen: search as you type, keyboard first. The results follow the other PCs'
 * changes: the search runs again, the selected patient stays selected and the search box is not touched.
 */
public final class PatientSearchController {
    static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);
    static final String HINT = "Search by name (last, first or first last), phone, date of birth or chart number."
            + " ↓ moves to the results, Enter opens.";

    private final PatientService patients;
    private final Background background;
    private final Shell shell;
    private final Changes changes;
    private final SearchTyping typing = new SearchTyping();

    @FXML private TextField searchField;
    @FXML private Label searchHint;
    @FXML private Button newPatientButton;
    @FXML private TableView<PatientSummary> resultsTable;
    @FXML private TableColumn<PatientSummary, String> nameColumn;
    @FXML private TableColumn<PatientSummary, String> birthColumn;
    @FXML private TableColumn<PatientSummary, String> phoneColumn;
    @FXML private TableColumn<PatientSummary, String> chartColumn;
    @FXML private TableColumn<PatientSummary, String> emailColumn;
    @FXML private Label emptyLabel;

    public PatientSearchController(PatientService patients, Background background, Shell shell, Changes changes) {
        this.patients = patients;
        this.background = background;
        this.shell = shell;
        this.changes = changes;
    }

    @FXML
    private void initialize() {
        LocalDate today = patients.today();
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().displayName()));
        birthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DOB.format(c.getValue().birthDate())
                + "  (" + Period.between(c.getValue().birthDate(), today).getYears() + ")"));
        phoneColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().phone()));
        chartColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().chartNumber())));
        emailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().email()));
        searchField.textProperty().addListener((obs, old, text) -> search(text));
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !resultsTable.getItems().isEmpty()) {
                resultsTable.requestFocus();
                resultsTable.getSelectionModel().select(Math.max(0, resultsTable.getSelectionModel().getSelectedIndex()));
                resultsTable.getFocusModel().focus(resultsTable.getSelectionModel().getSelectedIndex());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                openSelectedOrOnly();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                e.consume();
            }
        });
        resultsTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelectedOrOnly();
                e.consume();
            } else if (e.getCode() == KeyCode.UP && resultsTable.getSelectionModel().getSelectedIndex() <= 0) {
                searchField.requestFocus();
                e.consume();
            }
        });
        resultsTable.setRowFactory(t -> {
            TableRow<PatientSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    shell.openPatient(row.getItem().id());
                }
            });
            return row;
        });
        LiveRefresh.followLoads(resultsTable, changes, Set.of(ChangeFeed.PATIENT), this::reload);
    }

    public void focusSearch() {
        Platform.runLater(() -> {
            searchField.requestFocus();
            searchField.selectAll();
        });
    }

    /** Runs the current search again (after a save, say). */
    public void refresh() {
        search(searchField.getText());
    }

    /**
     * Runs the search on screen again because patients changed (on another PC, say): the patient selected
     * stays selected, and the search box, its caret and a search being typed are left alone. {@code done}
     * runs once its results are shown or dropped.
     */
    private void reload(Runnable done) {
        String text = searchField.getText();
        SearchQuery q = SearchQuery.parse(text);
        if (q.badDate() || q.isEmpty()) {
            done.run(); // nothing listed
            return;
        }
        PatientSummary selected = resultsTable.getSelectionModel().getSelectedItem();
        search(text, selected == null ? null : selected.id(), done);
    }

    private void search(String text) {
        search(text, null, () -> { });
    }

    /**
     * Searches as typed: this keystroke's search cancels the one before, whose results are dropped if
     * they come anyway; the first patients show as soon as they are read, and when there are more, how
     * many match in all follows (a count of its own, cancelled the same way). The patient {@code keep}
     * is selected when the results hold them (else the first); {@code done} runs once the first
     * results are shown or dropped.
     */
    private void search(String text, Long keep, Runnable done) {
        SearchQuery q = SearchQuery.parse(text);
        if (q.badDate() || q.isEmpty()) {
            typing.stop();
            resultsTable.getItems().clear();
            emptyLabel.setText(q.badDate() ? "\"" + text.strip() + "\" is not a real date. Use MM/DD/YYYY or YYYY-MM-DD."
                    : "Start typing a name, phone, birth date or chart number.");
            searchHint.setText(HINT);
            done.run();
            return;
        }
        SearchTyping.Run run = typing.start();
        background.run(() -> patients.search(text, run.cancel()), (SearchPage page) -> {
            if (!typing.isCurrent(run)) {
                done.run();
                return;
            }
            List<PatientSummary> rows = page.rows();
            resultsTable.getItems().setAll(rows);
            if (!rows.isEmpty()) {
                int index = 0;
                for (int i = 0; keep != null && i < rows.size(); i++) {
                    if (rows.get(i).id() == keep) {
                        index = i;
                    }
                }
                resultsTable.getSelectionModel().select(index);
            }
            emptyLabel.setText("No patient matches \"" + text.strip() + "\". Press Ctrl+N to register a new patient.");
            searchHint.setText(SearchTyping.hint(rows.size(), page.more(), null));
            if (page.more()) {
                background.run(() -> patients.count(text, run.cancel()), (Long total) -> {
                    if (typing.isCurrent(run)) {
                        searchHint.setText(SearchTyping.hint(rows.size(), true, total));
                    }
                }, error -> {
                    if (typing.isCurrent(run)) {
                        searchHint.setText("The first " + rows.size() + " matches: type more to narrow the list.");
                    }
                });
            }
            done.run();
        }, error -> {
            if (typing.isCurrent(run)) {
                emptyLabel.setText(Forms.message(error));
                resultsTable.getItems().clear();
            }
            done.run();
        });
    }

    private void openSelectedOrOnly() {
        PatientSummary s = resultsTable.getSelectionModel().getSelectedItem();
        if (s != null) {
            shell.openPatient(s.id());
        }
    }

    @FXML
    private void newPatient() {
        shell.newPatient(searchField.getText());
    }
}
