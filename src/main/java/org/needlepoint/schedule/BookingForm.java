package org.needlepoint.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.needlepoint.common.ValidationException;

/**
 * The booking form's rules, without a window: the text typed for the time ("9:30", "0930", "14:05") and
 * the length in minutes read, and the draft the service books, each problem named by its field.
 */
public final class BookingForm {
    private BookingForm() {
    }

    /** A time as typed: H:mm, HH:mm, Hmm or HHmm; null when it is none of them. */
    public static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace('.', ':');
        if (!t.contains(":") && t.matches("\\d{3,4}")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        }
        if (!t.matches("\\d{1,2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The draft for the form's fields; a {@link ValidationException} names every field that is not right. */
    public static AppointmentDraft draft(Long patientId, AppointmentKind kind, LocalDate date, String timeText,
                                         String minutesText, Long injectorId, Long roomId, String reason,
                                         List<Long> productIds) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (patientId == null) {
            errors.put("patient", "Find the patient and choose them from the list.");
        }
        if (kind == null) {
            errors.put("kind", "Choose what the appointment is for.");
        }
        if (date == null) {
            errors.put("date", "Choose the day.");
        }
        LocalTime time = time(timeText);
        if (time == null) {
            errors.put("time", "Type the time as 9:30 or 14:05.");
        } else if (time.getMinute() % BookLayout.SNAP != 0) {
            errors.put("time", "Book on the " + BookLayout.SNAP + " minutes (9:30, 9:35…).");
        }
        Integer minutes = null;
        String m = minutesText == null ? "" : minutesText.strip();
        if (!m.matches("\\d{1,4}")) {
            errors.put("minutes", "Type the length in minutes, such as 30.");
        } else {
            minutes = Integer.valueOf(m);
            if (minutes < AppointmentService.MIN_MINUTES || minutes > AppointmentService.MAX_MINUTES) {
                errors.put("minutes", "An appointment lasts from " + AppointmentService.MIN_MINUTES + " minutes to "
                        + AppointmentService.MAX_MINUTES / 60 + " hours.");
            } else if (minutes % BookLayout.SNAP != 0) {
                errors.put("minutes", "Use multiples of " + BookLayout.SNAP + " minutes.");
            }
        }
        if (injectorId == null) {
            errors.put("injector", "Choose the injector.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AppointmentDraft(patientId, injectorId, roomId, date.atTime(time), minutes, kind, reason, productIds, null);
    }
}
