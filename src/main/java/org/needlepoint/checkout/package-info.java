/**
 * Checkout (issue 13, item 5): the patient back at the desk after a treatment whose chart the injector
 * signed. The Today screen's "Ready for checkout" card and the appointment book's <i>Checkout</i> open the
 * checkout screen: the patient and the visit's products, the aftercare sheet printed on the clinic's
 * printer (or saved as a PDF), the next visit booked at the time the follow-up rules suggest, and the
 * appointment completed.
 */
package org.needlepoint.checkout;
