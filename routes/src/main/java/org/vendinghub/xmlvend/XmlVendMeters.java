package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;

/** The meter a request names, or the XMLVend fault for a bad, unknown or blocked one. */
@Component
class XmlVendMeters {

    private final MeterService meters;

    XmlVendMeters(MeterService meters) {
        this.meters = meters;
    }

    /** @throws org.vendinghub.domain.ValidationException for a bad check digit (the endpoint's MSNOCheckDigitEx) */
    MeterView known(String msno) {
        String number = new org.vendinghub.domain.MeterNumber(msno).value();
        try {
            return meters.byNumber(number);
        } catch (NotFoundException e) {
            throw new XmlVendException(XmlVendFaultType.UNKNOWN_METER, "UNKNOWN_METER", "meter " + number
                    + " is not registered on this server: ask the customer to contact the utility");
        }
    }

    MeterView sellable(String msno) {
        MeterView meter = known(msno);
        if (meter.status() == MeterStatus.BLOCKED) {
            throw new XmlVendException(XmlVendFaultType.BLOCKED_METER, "BLOCKED_METER", "meter " + meter.meterNumber()
                    + " is blocked (" + meter.blockedReason() + "): the customer must contact the utility");
        }
        return meter;
    }
}
