package org.needlepoint.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.needlepoint.common.Text;

/** Everything the patient form edits. Blank optional text is stored as null. */
public record PatientDetails(
        String firstName, String middleName, String lastName, String preferredName,
        LocalDate birthDate, Sex sex,
        String mobilePhone, String otherPhone, String email,
        String addressLine, String city, String region, String postalCode,
        String emergencyName, String emergencyPhone, String emergencyRelation,
        String allergies, String medications, String conditions, Pregnancy pregnancy,
        boolean photoConsent, boolean marketingConsent,
        String alerts, String notes,
        String rewardsProgramme, String rewardsMember) {

    /** The manufacturer rewards programmes offered on the form (any other name may be typed). */
    public static final List<String> REWARDS_PROGRAMMES = List.of("All\u0113 (Allergan Aesthetics)",
            "ASPIRE Galderma Rewards", "Evolus Rewards", "Xperience+ (Merz Aesthetics)");
    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 \\-]{2,38}[A-Za-z0-9]");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9 +().\\-/x]+");

    public PatientDetails {
        firstName = Text.clean(firstName);
        middleName = Text.clean(middleName);
        lastName = Text.clean(lastName);
        preferredName = Text.clean(preferredName);
        mobilePhone = Text.clean(mobilePhone);
        otherPhone = Text.clean(otherPhone);
        email = Text.clean(email);
        addressLine = Text.clean(addressLine);
        city = Text.clean(city);
        region = Text.clean(region);
        postalCode = Text.clean(postalCode);
        emergencyName = Text.clean(emergencyName);
        emergencyPhone = Text.clean(emergencyPhone);
        emergencyRelation = Text.clean(emergencyRelation);
        allergies = Text.clean(allergies);
        medications = Text.clean(medications);
        conditions = Text.clean(conditions);
        alerts = Text.clean(alerts);
        notes = Text.clean(notes);
        rewardsProgramme = Text.clean(rewardsProgramme);
        rewardsMember = Text.clean(rewardsMember);
        if (pregnancy == null) {
            pregnancy = Pregnancy.UNKNOWN;
        }
    }

    /** A patient who belongs to no manufacturer rewards programme. */
    public PatientDetails(String firstName, String middleName, String lastName, String preferredName,
                          LocalDate birthDate, Sex sex, String mobilePhone, String otherPhone, String email,
                          String addressLine, String city, String region, String postalCode,
                          String emergencyName, String emergencyPhone, String emergencyRelation,
                          String allergies, String medications, String conditions, Pregnancy pregnancy,
                          boolean photoConsent, boolean marketingConsent, String alerts, String notes) {
        this(firstName, middleName, lastName, preferredName, birthDate, sex, mobilePhone, otherPhone, email, addressLine,
                city, region, postalCode, emergencyName, emergencyPhone, emergencyRelation, allergies, medications,
                conditions, pregnancy, photoConsent, marketingConsent, alerts, notes, null, null);
    }

    /** The same details with the patient's rewards-programme membership (both, or neither: null). */
    public PatientDetails withRewards(String programme, String member) {
        return new PatientDetails(firstName, middleName, lastName, preferredName, birthDate, sex, mobilePhone,
                otherPhone, email, addressLine, city, region, postalCode, emergencyName, emergencyPhone,
                emergencyRelation, allergies, medications, conditions, pregnancy, photoConsent, marketingConsent, alerts,
                notes, programme, member);
    }

    /** Field name to message, in form order; empty when the record can be saved. */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> e = new LinkedHashMap<>();
        if (firstName == null) {
            e.put("firstName", "Enter the legal first name.");
        }
        if (lastName == null) {
            e.put("lastName", "Enter the legal last name.");
        }
        if (birthDate == null) {
            e.put("birthDate", "Enter the date of birth.");
        } else if (birthDate.isAfter(today)) {
            e.put("birthDate", "The date of birth is in the future.");
        } else if (birthDate.isBefore(today.minusYears(120))) {
            e.put("birthDate", "The date of birth is more than 120 years ago.");
        }
        if (sex == null) {
            e.put("sex", "Choose the sex.");
        }
        phoneProblem(mobilePhone).ifPresent(m -> e.put("mobilePhone", m));
        phoneProblem(otherPhone).ifPresent(m -> e.put("otherPhone", m));
        if (mobilePhone == null && otherPhone == null && !e.containsKey("mobilePhone")) {
            e.put("mobilePhone", "Enter at least one phone number so the clinic can call back.");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            e.put("email", "This is not an email address (like name@example.com).");
        }
        phoneProblem(emergencyPhone).ifPresent(m -> e.put("emergencyPhone", m));
        if (rewardsMember != null && rewardsProgramme == null) {
            e.put("rewardsProgramme", "Choose the rewards programme this member number belongs to.");
        } else if (rewardsProgramme != null && rewardsProgramme.length() > 60) {
            e.put("rewardsProgramme", "Too long: at most 60 characters.");
        }
        if (rewardsProgramme != null && rewardsMember == null) {
            e.put("rewardsMember", "Enter the patient's member number in " + rewardsProgramme
                    + ", or clear the programme.");
        } else if (rewardsMember != null && !MEMBER.matcher(rewardsMember).matches()) {
            e.put("rewardsMember", "A member number is 4 to 40 letters and digits (spaces and hyphens between them).");
        }
        checkLength(e, "firstName", firstName, 100);
        checkLength(e, "middleName", middleName, 100);
        checkLength(e, "lastName", lastName, 100);
        checkLength(e, "preferredName", preferredName, 100);
        checkLength(e, "allergies", allergies, 2000);
        checkLength(e, "medications", medications, 2000);
        checkLength(e, "conditions", conditions, 2000);
        checkLength(e, "notes", notes, 4000);
        checkLength(e, "alerts", alerts, 1000);
        return e;
    }

    /** The message for a malformed phone number, if it is one. */
    public static java.util.Optional<String> phoneProblem(String phone) {
        if (phone == null || phone.isBlank()) {
            return java.util.Optional.empty();
        }
        int digits = phone.replaceAll("\\D", "").length();
        if (!PHONE_CHARS.matcher(phone.strip()).matches() || digits < 7 || digits > 15) {
            return java.util.Optional.of("Not a phone number: use 7 to 15 digits, e.g. (555) 010-2345.");
        }
        return java.util.Optional.empty();
    }

    private static void checkLength(Map<String, String> e, String field, String v, int max) {
        if (v != null && v.length() > max && !e.containsKey(field)) {
            e.put(field, "Too long: at most " + max + " characters.");
        }
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** "Last, First (Preferred)". */
    public String displayName() {
        return lastName + ", " + firstName + (preferredName != null && !preferredName.equals(firstName)
                ? " (" + preferredName + ")" : "");
    }

    /** What the header shows in red besides allergies: pregnancy, screening flags, free-text alerts. */
    public List<String> alertLines() {
        List<String> out = new ArrayList<>();
        if (pregnancy.alert()) {
            out.add(pregnancy.toString().toUpperCase(java.util.Locale.ROOT));
        }
        if (medications != null && BLEEDING_RISK.matcher(Text.fold(medications)).find()) {
            out.add("Bleeding risk: " + medications);
        }
        if (conditions != null && SCREENING_CONDITIONS.matcher(Text.fold(conditions)).find()) {
            out.add("Screen before treatment: " + conditions);
        }
        if (alerts != null) {
            out.add(alerts);
        }
        return out;
    }

    /** Medication words that raise bleeding and bruising risk (domain.md, "Screening before treatment"). */
    private static final Pattern BLEEDING_RISK = Pattern.compile("\\b(warfarin|apixaban|rivaroxaban|dabigatran"
            + "|edoxaban|heparin|enoxaparin|clopidogrel|ticagrelor|prasugrel|aspirin|ibuprofen|naproxen|diclofenac"
            + "|nsaid|fish oil|omega-3|vitamin e\\b|ginkgo|anticoagul)");

    /** Conditions that contraindicate or need a decision before toxins or biostimulators. */
    private static final Pattern SCREENING_CONDITIONS = Pattern.compile("\\b(myasthenia|lambert|als\\b|amyotrophic"
            + "|neuromuscular|keloid|hypertrophic scar|immunosuppress|autoimmune|bleeding disorder|ha?emophilia"
            + "|cold sore|herpes)");
}
