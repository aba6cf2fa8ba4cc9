package org.vendinghub.console;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.tariff.TariffView;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;

import java.util.List;

/** The options of the select boxes that many forms share (at most {@value #MAX} each). */
@Component
class Choices {

    static final int MAX = 500;

    private final UtilityService utilities;
    private final TariffService tariffs;

    Choices(UtilityService utilities, TariffService tariffs) {
        this.utilities = utilities;
        this.tariffs = tariffs;
    }

    List<UtilityView> utilities() {
        return utilities.utilities(PageRequest.of(0, MAX, Sort.by("id"))).getContent();
    }

    List<SupplyGroupView> supplyGroups() {
        return utilities.supplyGroups(PageRequest.of(0, MAX, Sort.by("id"))).getContent();
    }

    List<TariffView> tariffs() {
        return tariffs.tariffs(PageRequest.of(0, MAX, Sort.by("id"))).getContent();
    }
}
