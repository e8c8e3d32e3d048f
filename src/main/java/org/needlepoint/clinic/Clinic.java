package org.needlepoint.clinic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;

/** The clinic's profile, as printed on reports. {@code version} is for optimistic locking. */
public record Clinic(String name, String address, String phone, int version) {
    public Clinic {
        name = name == null ? "" : name.strip();
        address = address == null ? "" : address.strip();
        phone = phone == null ? "" : phone.strip();
    }

    public void validate() {
        Map<String, String> e = new LinkedHashMap<>();
        if (name.isEmpty()) {
            e.put("clinicName", "Enter the clinic's name.");
        }
        if (address.isEmpty()) {
            e.put("clinicAddress", "Enter the clinic's address.");
        }
        int digits = Text.phoneDigits(phone).length();
        if (digits < 7 || digits > 15) {
            e.put("clinicPhone", "Enter the clinic's phone number (7 to 15 digits).");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
    }
}
