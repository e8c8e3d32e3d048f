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
            List<Source> sources = List.of(new Paged(new FakeIndex(a), page), new Listed(new ArrayList<>(b)),
                    new Union(List.of(new Listed(new ArrayList<>(c1)), new Paged(new FakeIndex(c2), page))));
            assertThat(NameOrder.intersect(sources, limit)).as("round %d", round)
                    .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
        }
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
