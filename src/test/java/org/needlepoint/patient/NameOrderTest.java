package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.needlepoint.patient.NameOrder.Entry;
import org.needlepoint.patient.NameOrder.Listed;
import org.needlepoint.patient.NameOrder.Paged;
import org.needlepoint.patient.NameOrder.Source;
import org.needlepoint.patient.NameOrder.Union;

/** The walk of the parts of a query, on made-up sources: what it returns, and how little it reads. */
class NameOrderTest {

    /** A sorted "index" read a page at a time, counting the entries it hands out. */
    static final class FakeIndex implements NameOrder.Page {
        final List<Entry> entries;
        int read;
        int pages;

        FakeIndex(Set<Entry> entries) {
            this.entries = new ArrayList<>(new TreeSet<>(entries));
        }

        @Override
        public List<Entry> read(Entry from, int n) {
            int i = NameOrder.lowerBound(entries, 0, from);
            List<Entry> page = entries.subList(i, Math.min(entries.size(), i + n));
            read += page.size();
            pages++;
            return List.copyOf(page);
        }
    }

    static Set<Entry> random(Random rnd, int n, int names) {
        Set<Entry> out = new TreeSet<>();
        while (out.size() < n) {
            long id = 1 + rnd.nextInt(50_000);
            out.add(new Entry("name" + (id % names), id));
        }
        return out;
    }

    @Test
    void aBroadPartReadsOnePageOfWhatTheListShows() throws Exception {
        FakeIndex index = new FakeIndex(random(new Random(1), 20_000, 300));
        List<Entry> first = NameOrder.intersect(List.of(new Paged(index, 101)), 101);
        assertThat(first).isEqualTo(index.entries.subList(0, 101));
        assertThat(index.pages).isEqualTo(1);
        assertThat(index.read).isEqualTo(101);
    }

    @Test
    void theWalkTakesExactlyThePatientsEveryPartHoldsInListOrder() throws Exception {
        Random rnd = new Random(2);
        for (int round = 0; round < 50; round++) {
            Set<Entry> a = random(rnd, 1 + rnd.nextInt(3000), 50);
            Set<Entry> b = random(rnd, 1 + rnd.nextInt(3000), 50);
            Set<Entry> c1 = random(rnd, rnd.nextInt(200), 50);
            Set<Entry> c2 = random(rnd, rnd.nextInt(2000), 50);
            Set<Entry> c = new TreeSet<>(c1);
            c.addAll(c2);
            List<Entry> expected = a.stream().filter(b::contains).filter(c::contains).sorted().collect(Collectors.toList());
            int limit = 1 + rnd.nextInt(150);
            int page = 1 + rnd.nextInt(120);
            List<Entry> first = expected.subList(0, Math.min(limit, expected.size()));
            assertThat(NameOrder.intersect(sources(a, b, c1, c2, page), limit)).as("round %d", round).isEqualTo(first);
            // with the batches checked against the query: the same, however small the pages
            NameOrder.Verifier all = candidates -> candidates.stream().filter(e -> a.contains(e) && b.contains(e)
                    && c.contains(e)).toList();
            assertThat(NameOrder.intersect(sources(a, b, c1, c2, page), limit, all, NameOrder.JUMPS_BEFORE_CHECKING)).as("round %d, checked", round)
                    .isEqualTo(first);
            assertThat(NameOrder.intersect(sources(a, b, c1, c2, 1), limit, all, 0)).as("round %d, pages of 1", round)
                    .isEqualTo(first);
        }
    }

    static List<Source> sources(Set<Entry> a, Set<Entry> b, Set<Entry> c1, Set<Entry> c2, int page) {
        return List.of(new Paged(new FakeIndex(a), page), new Listed(new ArrayList<>(b)),
                new Union(List.of(new Listed(new ArrayList<>(c1)), new Paged(new FakeIndex(c2), page))));
    }

    @Test
    void scatteredPatientsOfOnePartAreCheckedInBatchesNotReadOneByOne() throws Exception {
        // a surname that is also the second half of hyphenated names: those patients lie all over the list
        Set<Entry> surname = new TreeSet<>();
        Set<Entry> firstName = new TreeSet<>();
        for (long id = 1; id <= 40_000; id++) {
            boolean scattered = id % 997 == 0;
            String last = scattered ? "l" + (id % 300) + "-l150" : "l" + (id % 300);
            Entry e = new Entry(last + (id % 7 == 0 ? " ava" : " zoe"), id);
            if (last.endsWith("l150")) {
                surname.add(e);
            }
            if (id % 7 == 0) {
                firstName.add(e);
            }
        }
        List<Entry> expected = surname.stream().filter(firstName::contains).toList();
        int[] checks = new int[1];
        NameOrder.Verifier verifier = candidates -> {
            checks[0]++;
            return candidates.stream().filter(e -> surname.contains(e) && firstName.contains(e)).toList();
        };
        FakeIndex walked = new FakeIndex(firstName);
        assertThat(NameOrder.intersect(List.of(new Listed(new ArrayList<>(surname)), new Paged(walked, 101)), 101))
                .isEqualTo(expected);
        FakeIndex checked = new FakeIndex(firstName);
        assertThat(NameOrder.intersect(List.of(new Listed(new ArrayList<>(surname)), new Paged(checked, 101)), 101,
                verifier, NameOrder.JUMPS_BEFORE_CHECKING)).isEqualTo(expected);
        assertThat(walked.pages).as("a read per scattered patient").isGreaterThan(25);
        assertThat(checked.pages + checks[0]).as("reads and checks").isLessThan(15);
    }

    @Test
    void twoPartsThatMeetLateAreSkippedThroughNotReadThrough() throws Exception {
        // "balbury ava": the surname's patients sit together in list order; the first name's are everywhere
        Set<Entry> surname = new TreeSet<>();
        Set<Entry> firstName = new TreeSet<>();
        for (long id = 1; id <= 40_000; id++) {
            String last = "l" + (id % 300);
            Entry e = new Entry(last + (id % 7 == 0 ? " ava" : " zoe"), id);
            if (last.equals("l150")) {
                surname.add(e);
            }
            if (id % 7 == 0) {
                firstName.add(e);
            }
        }
        FakeIndex ava = new FakeIndex(firstName);
        List<Entry> found = NameOrder.intersect(List.of(new Listed(new ArrayList<>(surname)), new Paged(ava, 101)), 101);
        assertThat(found).isNotEmpty().allMatch(e -> e.nameKey().equals("l150 ava"));
        assertThat(found).hasSize((int) surname.stream().filter(firstName::contains).count());
        assertThat(ava.read).as("entries of the first name read").isLessThan(300);
    }
}
