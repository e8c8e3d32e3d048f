package org.needlepoint.backup;

/** Told what a backup or restore is doing, step by step (the UI shows it; the crash test kills a backup at one). */
@FunctionalInterface
public interface BackupProgress {
    BackupProgress NONE = what -> { };

    void step(String what);
}
