package org.needlepoint.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimilarityTest {
    @Test
    void theAlignmentMapsOnePhotosPupilsOntoTheOthersWithinAPixel() {
        // the later photo: taken closer (pupils further apart), the head tilted and off centre
        Pupils later = Pupils.of(1812.4, 1290.7, 2411.9, 1388.2);
        Pupils first = Pupils.of(1500, 1400, 1950, 1395);
        Similarity t = Similarity.aligning(later, first);
        double[] l = t.apply(later.leftX(), later.leftY());
        double[] r = t.apply(later.rightX(), later.rightY());
        assertThat(Math.hypot(l[0] - first.leftX(), l[1] - first.leftY())).isLessThan(1.0);
        assertThat(Math.hypot(r[0] - first.rightX(), r[1] - first.rightY())).isLessThan(1.0);
        assertThat(t.scale()).isCloseTo(first.distance() / later.distance(), within(1e-9));
        // the later photo's eye line slopes down by atan(97.5/599.5): turned back up to the first's
        double slopeLater = Math.atan2(later.rightY() - later.leftY(), later.rightX() - later.leftX());
        double slopeFirst = Math.atan2(first.rightY() - first.leftY(), first.rightX() - first.leftX());
        assertThat(t.angle()).isCloseTo(slopeFirst - slopeLater, within(1e-9));
    }

    @Test
    void thePhotoAlignedWithItselfStaysWhereItIs() {
        Pupils p = Pupils.of(100, 200, 300, 200);
        Similarity t = Similarity.aligning(p, p);
        assertThat(t.scale()).isCloseTo(1, within(1e-12));
        assertThat(t.angle()).isCloseTo(0, within(1e-12));
        assertThat(t.tx()).isCloseTo(0, within(1e-9));
        assertThat(t.ty()).isCloseTo(0, within(1e-9));
    }
}
