package org.vendinghub.ledger.meter;

import org.vendinghub.domain.StsParameters;

/** A meter with its current STS parameters. {@code lastTid}: minutes since the base date of the last token issued. */
public record MeterView(long id, long utilityId, String meterNumber, String iin, long supplyGroupId, StsParameters sts,
                        long lastTid, MeterStatus status, String blockedReason, MeterKind kind, Long tariffId,
                        Long customerId) {

    /** The 18-digit PAN (IIN + meter number + Luhn digit) the token engine derives keys from. */
    public String pan() {
        String payload = iin + meterNumber;
        return payload + org.vendinghub.domain.MeterNumber.luhnCheckDigit(payload);
    }
}
