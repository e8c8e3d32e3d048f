package org.needlepoint.photo;

import java.time.Instant;
import java.util.EnumSet;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.patient.Patient;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;

/** A patient with visits (made through the chart's store) and, when asked, photography consent. */
final class PhotoFixture {
    final TestClinic clinic;
    final Patient patient;

    PhotoFixture(TestClinic clinic, String lastName, boolean consent) {
        this.clinic = clinic;
        clinic.signIn("injector");
        this.patient = clinic.services.patients().create(TestClinic.patient("Photo", lastName, "1985-04-05",
                "555010" + (1000 + Math.abs(lastName.hashCode() % 9000))), true);
        if (consent) {
            clinic.services.consents().sign(patient.id(), EnumSet.of(ConsentKind.PHOTOGRAPHY), Consents.signature(), null);
        }
    }

    /** A visit of the patient by the injector, started at {@code at}. */
    PhotoTarget visit(Instant at) {
        long injector = clinic.services.session().require().id();
        long id = clinic.db.tx(c -> new ChartStore().insertVisit(c, patient.id(), injector, at));
        return clinic.services.photos().targets(patient.id()).stream().filter(t -> Long.valueOf(id).equals(t.visitId()))
                .findFirst().orElseThrow();
    }

    ImportRequest front(PhotoTarget t, Moment m) {
        return new ImportRequest(patient.id(), t, Pose.FRONT, null, m);
    }
}
