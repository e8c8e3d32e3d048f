package org.needlepoint.backup;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rotation: which backups in a folder are kept. Daily: every backup of the latest day (today, in
 * practice), and the newest backup of each of the other {@code keepDaily - 1} most recent days that
 * have one. Weekly: before the oldest of those days, the newest backup of each of the
 * {@code keepWeekly} most recent (ISO, Monday to Sunday) weeks. Every other backup is deleted. A
 * clinic that backs up every day therefore has one backup for each of the last 7 days (all of
 * today's) and 4 more, a week apart, reaching back about a month.
 */
public final class BackupPolicy {
    private BackupPolicy() {
    }

    /** The backups to keep, newest first; {@code all} in any order. */
    public static List<BackupFile> keep(List<BackupFile> all, int keepDaily, int keepWeekly) {
        List<BackupFile> sorted = new ArrayList<>(all);
        sorted.sort(BackupFile.NEWEST_FIRST);
        Set<BackupFile> kept = new LinkedHashSet<>();
        Set<LocalDate> days = new HashSet<>();
        LocalDate oldestDaily = null;
        LocalDate newest = sorted.isEmpty() ? null : sorted.get(0).createdAt().toLocalDate();
        for (BackupFile f : sorted) {
            LocalDate day = f.createdAt().toLocalDate();
            if (day.equals(newest)) {
                kept.add(f); // the latest day's backups are all kept (a "Back up now" before something risky)
                days.add(day);
                oldestDaily = day;
            } else if (days.size() < keepDaily && days.add(day)) {
                kept.add(f);
                oldestDaily = day;
            }
        }
        Set<Long> weeks = new HashSet<>();
        for (BackupFile f : sorted) {
            LocalDate day = f.createdAt().toLocalDate();
            if (oldestDaily != null && !day.isBefore(oldestDaily)) {
                continue;
            }
            long week = day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < keepWeekly && weeks.add(week)) {
                kept.add(f);
            }
        }
        List<BackupFile> result = new ArrayList<>(kept);
        result.sort(BackupFile.NEWEST_FIRST);
        return result;
    }

    /** The backups rotation deletes: all the others. */
    public static List<BackupFile> toDelete(List<BackupFile> all, int keepDaily, int keepWeekly) {
        Set<BackupFile> kept = new HashSet<>(keep(all, keepDaily, keepWeekly));
        return all.stream().filter(f -> !kept.contains(f)).sorted(BackupFile.NEWEST_FIRST).toList();
    }
}
