package org.needlepoint.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation on lists of backups (the files themselves: BackupServiceTest). */
class BackupPolicyTest {
    private static BackupFile at(String iso) {
        LocalDateTime t = LocalDateTime.parse(iso);
        return new BackupFile(Path.of("/b").resolve(BackupFile.fileName(t, 1)), t, 100);
    }

    private static List<String> names(List<BackupFile> files) {
        return files.stream().map(f -> f.createdAt().toString()).toList();
    }

    @Test
    void sixtyDaysOfMorningAndEveningBackupsKeepOnePerDayForAWeekThenOnePerWeekForFourWeeks() {
        List<BackupFile> all = new ArrayList<>();
        LocalDate first = LocalDate.parse("2026-09-23");
        for (int d = 0; d < 60; d++) {
            all.add(new BackupFile(Path.of("m" + d), first.plusDays(d).atTime(8, 0), 1));
            all.add(new BackupFile(Path.of("e" + d), first.plusDays(d).atTime(18, 30), 1));
        }
        // the 61st morning (Sunday 22 November 2026)
        all.add(new BackupFile(Path.of("m60"), first.plusDays(60).atTime(8, 0), 1));

        List<BackupFile> kept = BackupPolicy.keep(all, 7, 4);
        assertThat(names(kept)).containsExactly(
                "2026-11-22T08:00", // today
                "2026-11-21T18:30", "2026-11-20T18:30", "2026-11-19T18:30", "2026-11-18T18:30", "2026-11-17T18:30",
                "2026-11-16T18:30", // the newest of each of 7 days
                "2026-11-15T18:30", // Sunday of the week before (ISO week 46)
                "2026-11-08T18:30", "2026-11-01T18:30", "2026-10-25T18:30"); // three more Sundays
        assertThat(BackupPolicy.toDelete(all, 7, 4)).hasSize(all.size() - 11).doesNotContainAnyElementsOf(kept);
    }

    @Test
    void everyBackupOfTheLatestDayIsKept() {
        List<BackupFile> all = List.of(at("2026-11-21T08:00"), at("2026-11-21T11:15"), at("2026-11-21T18:00"),
                at("2026-11-20T08:00"), at("2026-11-20T18:00"));
        assertThat(names(BackupPolicy.keep(all, 7, 4)))
                .containsExactly("2026-11-21T18:00", "2026-11-21T11:15", "2026-11-21T08:00", "2026-11-20T18:00");
    }

    @Test
    void daysWithoutBackupsDoNotCount() {
        // a clinic closed at weekends: the last 7 days with backups reach back further
        List<BackupFile> all = new ArrayList<>();
        for (String d : List.of("2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17", "2026-11-16", "2026-11-13",
                "2026-11-12", "2026-11-11")) {
            all.add(new BackupFile(Path.of(d), LocalDate.parse(d).atTime(LocalTime.of(18, 0)), 1));
        }
        assertThat(names(BackupPolicy.keep(all, 7, 0))).hasSize(7).doesNotContain("2026-11-11T18:00");
        assertThat(names(BackupPolicy.keep(all, 7, 4))).hasSize(8).contains("2026-11-11T18:00");
    }

    @Test
    void fewerBackupsThanSlotsAreAllKept() {
        List<BackupFile> all = List.of(at("2026-11-21T08:00"), at("2026-11-14T08:00"));
        assertThat(BackupPolicy.toDelete(all, 7, 4)).isEmpty();
        assertThat(BackupPolicy.toDelete(List.of(), 7, 4)).isEmpty();
    }

    @Test
    void fileNamesRoundTripAndForeignOrPartialFilesAreNotBackups() {
        LocalDateTime t = LocalDateTime.parse("2026-11-21T09:05:07");
        assertThat(BackupFile.fileName(t, 1)).isEqualTo("needlepoint-20261121-090507.zip");
        assertThat(BackupFile.fileName(t, 2)).isEqualTo("needlepoint-20261121-090507-2.zip");
        assertThat(BackupFile.isPartial(Path.of(".needlepoint-20261121-090507-1a2b.zip.partial"))).isTrue();
        assertThat(BackupFile.of(Path.of("/nowhere/.needlepoint-20261121-090507-1a2b.zip.partial"))).isEmpty();
        assertThat(BackupFile.of(Path.of("/nowhere/holiday.zip"))).isEmpty();
    }
}
