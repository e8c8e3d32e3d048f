package org.needlepoint.chart;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Saving and signing a draft, without a window. The chart saves itself after every change, one
 * save at a time: a change made while a save runs is saved right after it. Signing asks for the
 * password first; a signature requested while a save runs waits for it, so what is signed is what
 * was saved. {@link #statusProperty()} is what the screen says about it ("Saving…", "Draft saved
 * 10:41:07", "NOT SAVED").
 */
public final class SigningModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    /** What to do once a save has finished. */
    public enum Next { NOTHING, SAVE_AGAIN, SIGN }

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private boolean saving;
    private boolean pending;
    private char[] signRequest;
    private boolean signWithPin;

    /** A change to save: true when the save may start now, false when it waits for the one running. */
    public boolean saveWanted() {
        if (saving) {
            pending = true;
            return false;
        }
        saving = true;
        pending = false;
        status.set("Saving…");
        return true;
    }

    /** The save finished at {@code now}: save again (changes meanwhile), sign (requested meanwhile), or nothing. */
    public Next saved(LocalTime now) {
        saving = false;
        status.set("Draft saved " + TIME.format(now));
        if (pending) {
            return Next.SAVE_AGAIN;
        }
        return signRequest != null ? Next.SIGN : Next.NOTHING;
    }

    /** The save was refused: nothing waits for it any more (a requested signature is dropped). */
    public void saveFailed() {
        saving = false;
        pending = false;
        clearRequest();
        status.set("NOT SAVED");
    }

    /** Why the draft cannot be signed, by field ({@link ChartRules#signProblems}): when the screening tab shows it. */
    public static boolean onScreeningTab(Map<String, String> problems) {
        return problems.keySet().stream().anyMatch(k -> k.startsWith("consent") || k.startsWith("offLabel")
                || k.startsWith("screening"));
    }

    /** What the signing dialog says. */
    public static String dialogHeader(int points, String patientName) {
        return "Sign " + points + (points == 1 ? " point" : " points") + " for " + patientName
                + ". The chart is then locked; corrections become addenda.";
    }

    /** The injector gave the password: true when signing may start now, false when it waits for the save running. */
    public boolean signWanted(char[] password) {
        return signWanted(password, false);
    }

    /** The injector gave the password, or with {@code pin} their signing PIN: as {@link #signWanted(char[])}. */
    public boolean signWanted(char[] secret, boolean pin) {
        clearRequest();
        signRequest = secret;
        signWithPin = pin;
        return !saving;
    }

    /** Whether the signature waiting or starting was given as a PIN (else the password). */
    public boolean signingWithPin() {
        return signWithPin;
    }

    /** Signing starts: the password, handed over once (the model forgets it). */
    public char[] startSigning() {
        char[] pw = signRequest;
        signRequest = null;
        saving = true;
        status.set("Signing…");
        return pw;
    }

    /** Signing finished: signed (the chart is locked; nothing to say) or refused (the draft stays saved). */
    public void signingFinished(boolean signed) {
        saving = false;
        status.set(signed ? "" : "Draft saved, not signed");
    }

    /** The chart was (re)loaded: a signed chart says nothing, a draft that it is saved. */
    public void loaded(boolean signed) {
        status.set(signed ? "" : "Draft saved");
    }

    public void opening() {
        status.set("Opening…");
    }

    public void clear() {
        status.set("");
    }

    /** True while a change is not yet in the database. */
    public boolean dirty() {
        return saving || pending;
    }

    private void clearRequest() {
        if (signRequest != null) {
            Arrays.fill(signRequest, '\0');
            signRequest = null;
        }
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
