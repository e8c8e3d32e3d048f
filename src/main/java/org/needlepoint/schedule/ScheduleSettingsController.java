package org.needlepoint.schedule;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.needlepoint.common.ValidationException;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * Admin ▸ Appointments: the rooms, the clinic's opening hours, each injector's working hours and
 * the late-cancellation window. The typed hours are read by {@link HoursForm}; the rules are the service's.
 */
public final class ScheduleSettingsController implements AdminTab {
    static final String OPENING = "opening";
    static final String INJECTOR = "injector";

    private final AppointmentService appointments;
    private final Background background;

    @FXML private Label scheduleError;
    @FXML private Label scheduleStatus;
    @FXML private TableView<Room> roomsTable;
    @FXML private TableColumn<Room, String> roomNameColumn;
    @FXML private TableColumn<Room, String> roomActiveColumn;
    @FXML private TextField roomName;
    @FXML private CheckBox roomActive;
    @FXML private Button saveRoomButton;
    @FXML private GridPane openingGrid;
    @FXML private ComboBox<Injector> injectorChoice;
    @FXML private GridPane injectorGrid;
    @FXML private Button saveInjectorHoursButton;
    @FXML private TextField lateCancelHours;

    private final Map<DayOfWeek, CheckBox> openDays = new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, ChoiceBox<HoursForm.Choice>> injectorDays = new EnumMap<>(DayOfWeek.class);
    /** Every time field by its {@link HoursForm#field} name, and the late-cancellation field. */
    private final Map<String, TextField> fields = new HashMap<>();
    private Room editing;

    public ScheduleSettingsController(AppointmentService appointments, Background background) {
        this.appointments = appointments;
        this.background = background;
    }

    @FXML
    private void initialize() {
        roomNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        roomActiveColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().active() ? "Yes" : "No, out of use"));
        roomsTable.getSelectionModel().selectedItemProperty().addListener((o, was, room) -> edit(room));
        for (DayOfWeek d : DayOfWeek.values()) {
            int row = d.getValue() - 1;
            CheckBox open = new CheckBox("Open");
            open.setId("open" + d.name());
            openDays.put(d, open);
            TextField from = timeField(HoursForm.field(OPENING, d, true));
            TextField to = timeField(HoursForm.field(OPENING, d, false));
            from.disableProperty().bind(open.selectedProperty().not());
            to.disableProperty().bind(open.selectedProperty().not());
            openingGrid.addRow(row, dayLabel(d), open, from, new Label("to"), to);

            ChoiceBox<HoursForm.Choice> choice = new ChoiceBox<>();
            choice.getItems().setAll(HoursForm.Choice.CLINIC, HoursForm.Choice.HOURS, HoursForm.Choice.CLOSED);
            choice.setId("injectorDay" + d.name());
            choice.setPrefWidth(160);
            injectorDays.put(d, choice);
            TextField own = timeField(HoursForm.field(INJECTOR, d, true));
            TextField ownTo = timeField(HoursForm.field(INJECTOR, d, false));
            own.disableProperty().bind(choice.valueProperty().isNotEqualTo(HoursForm.Choice.HOURS));
            ownTo.disableProperty().bind(choice.valueProperty().isNotEqualTo(HoursForm.Choice.HOURS));
            injectorGrid.addRow(row, dayLabel(d), choice, own, new Label("to"), ownTo);
        }
        fields.put("lateCancelHours", lateCancelHours);
        injectorChoice.valueProperty().addListener((o, was, injector) -> loadInjector(injector));
        injectorGrid.disableProperty().bind(injectorChoice.valueProperty().isNull());
        refresh();
    }

    private TextField timeField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefWidth(80);
        fields.put(id, f);
        return f;
    }

    private static Label dayLabel(DayOfWeek d) {
        Label l = new Label(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        l.setMinWidth(100);
        return l;
    }

    /** Shown again: reads the rooms, the hours and the setting (another admin may have changed them). */
    @Override
    public void refresh() {
        background.run(() -> new Loaded(appointments.rooms(), appointments.settings(), appointments.injectors()), this::show,
                error -> Forms.showError(scheduleError, Forms.message(error)));
    }

    private record Loaded(List<Room> rooms, ScheduleSettings settings, List<Injector> injectors) {
    }

    private void show(Loaded l) {
        showRooms(l.rooms());
        showOpening(l.settings());
        lateCancelHours.setText(Integer.toString(l.settings().lateCancelHours()));
        Injector chosen = injectorChoice.getValue();
        injectorChoice.getItems().setAll(l.injectors());
        if (chosen != null && l.injectors().contains(chosen)) {
            injectorChoice.setValue(chosen);
        } else if (!l.injectors().isEmpty()) {
            injectorChoice.setValue(l.injectors().get(0));
        }
    }

    private void showRooms(List<Room> rooms) {
        roomsTable.getItems().setAll(rooms);
        edit(null);
    }

    private void showOpening(ScheduleSettings s) {
        for (HoursForm.Row r : HoursForm.rows(s.openingHours(), false)) {
            openDays.get(r.day()).setSelected(r.choice() == HoursForm.Choice.HOURS);
            fields.get(HoursForm.field(OPENING, r.day(), true)).setText(r.from());
            fields.get(HoursForm.field(OPENING, r.day(), false)).setText(r.to());
        }
    }

    private void edit(Room room) {
        editing = room;
        roomName.setText(room == null ? "" : room.name());
        roomActive.setSelected(room == null || room.active());
        saveRoomButton.setText(room == null ? "Add room" : "Save room");
    }

    @FXML
    private void newRoom() {
        roomsTable.getSelectionModel().clearSelection();
        edit(null);
        roomName.requestFocus();
    }

    @FXML
    private void saveRoom() {
        clearMessages();
        Room room = editing == null ? new Room(0, roomName.getText(), roomActive.isSelected(), 0)
                : new Room(editing.id(), roomName.getText(), roomActive.isSelected(), editing.version());
        background.run(() -> {
            Room saved = appointments.saveRoom(room);
            return new Object[] {saved, appointments.rooms()};
        }, done -> {
            Room saved = (Room) done[0];
            @SuppressWarnings("unchecked")
            List<Room> rooms = (List<Room>) done[1];
            showRooms(rooms);
            Forms.showStatus(scheduleStatus, "Saved the room " + saved.name() + (saved.active() ? "." : " (out of use)."));
        }, this::failed);
    }

    @FXML
    private void saveOpeningHours() {
        clearMessages();
        List<HoursForm.Row> rows = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            rows.add(new HoursForm.Row(d, openDays.get(d).isSelected() ? HoursForm.Choice.HOURS : HoursForm.Choice.CLOSED,
                    fields.get(HoursForm.field(OPENING, d, true)).getText(), fields.get(HoursForm.field(OPENING, d, false)).getText()));
        }
        List<DayHours> week;
        try {
            week = HoursForm.clinicWeek(rows, OPENING);
        } catch (ValidationException e) {
            failed(e);
            return;
        }
        background.run(() -> appointments.saveOpeningHours(week), s -> {
            showOpening(s);
            Forms.showStatus(scheduleStatus, "Saved the opening hours.");
        }, this::failed);
    }

    private void loadInjector(Injector injector) {
        saveInjectorHoursButton.setDisable(injector == null);
        if (injector == null) {
            return;
        }
        background.run(() -> appointments.injectorWeek(injector.id()), this::showInjector, this::failed);
    }

    private void showInjector(InjectorWeek w) {
        for (HoursForm.Row r : HoursForm.rows(w.ownDays(), true)) {
            injectorDays.get(r.day()).setValue(r.choice());
            fields.get(HoursForm.field(INJECTOR, r.day(), true)).setText(r.from());
            fields.get(HoursForm.field(INJECTOR, r.day(), false)).setText(r.to());
        }
    }

    @FXML
    private void saveInjectorHours() {
        clearMessages();
        Injector injector = injectorChoice.getValue();
        if (injector == null) {
            return;
        }
        List<HoursForm.Row> rows = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            rows.add(new HoursForm.Row(d, injectorDays.get(d).getValue(), fields.get(HoursForm.field(INJECTOR, d, true)).getText(),
                    fields.get(HoursForm.field(INJECTOR, d, false)).getText()));
        }
        List<DayHours> own;
        try {
            own = HoursForm.injectorDays(rows, INJECTOR);
        } catch (ValidationException e) {
            failed(e);
            return;
        }
        background.run(() -> appointments.saveInjectorHours(injector.id(), own), w -> {
            showInjector(w);
            Forms.showStatus(scheduleStatus, "Saved the working hours of " + w.injectorName() + ".");
        }, this::failed);
    }

    @FXML
    private void saveLateCancel() {
        clearMessages();
        int hours;
        try {
            hours = HoursForm.lateCancelHours(lateCancelHours.getText());
        } catch (ValidationException e) {
            failed(e);
            return;
        }
        background.run(() -> appointments.saveLateCancelHours(hours), s -> {
            lateCancelHours.setText(Integer.toString(s.lateCancelHours()));
            Forms.showStatus(scheduleStatus, "Saved: a cancellation less than " + s.lateCancelHours()
                    + " hours before the appointment counts as late.");
        }, this::failed);
    }

    private void clearMessages() {
        Forms.showError(scheduleError, null);
        Forms.showStatus(scheduleStatus, null);
        Map<String, Control> all = new HashMap<>(fields);
        all.put("roomName", roomName);
        Forms.markAll(all, Map.of());
    }

    private void failed(Throwable error) {
        if (error instanceof ValidationException v) {
            Map<String, Control> all = new HashMap<>(fields);
            all.put("roomName", roomName);
            Forms.markAll(all, v.fieldErrors());
        }
        Forms.showError(scheduleError, Forms.message(error));
    }
}
