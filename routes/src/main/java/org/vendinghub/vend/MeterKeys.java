package org.vendinghub.vend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.StsParameters;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.MeterKeyParams;

/** Translates the ledger's view of a meter into the token engine's key parameters and vending key id. */
@Component
class MeterKeys {

    private final UtilityService utilities;

    MeterKeys(UtilityService utilities) {
        this.utilities = utilities;
    }

    MeterKeyParams params(MeterView meter, StsParameters sts) {
        return new MeterKeyParams(meter.pan(), sts.sgc(), Integer.parseInt(sts.ti()), sts.krn(), sts.keyType(),
                BaseDate.of(sts.baseDate()), Dkga.of(sts.dkga()), Ea.of(sts.ea()));
    }

    /** The vending key of a supply group (SGC + KRN), as the security module knows it. */
    String vendingKeyId(StsParameters sts) {
        return utilities.supplyGroup(sts.sgc(), sts.krn())
                .orElseThrow(() -> new VendRejectedException("NO_SUPPLY_GROUP", "supply group " + sts.sgc() + " with key revision "
                        + sts.krn() + " is not set up: import its vending key first"))
                .vendingKeyId();
    }
}
