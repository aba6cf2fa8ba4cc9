package org.vendinghub.ledger.wallet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.InsufficientFundsException;
import org.vendinghub.ledger.LedgerIntegrationTest;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.ledger.sale.VendMoneyService;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.utility.UtilityView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletServiceTest extends LedgerIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WalletService wallets;
    @Autowired
    VendMoneyService money;
    @Autowired
    PricingService pricing;

    @Test
    void a_thin_meter_consumes_from_its_wallet_only_what_was_topped_up() {
        Instant now = Instant.parse("2031-05-01T00:00:00Z");
        clock.set(now);
        String currency = freshCurrency();
        Fixtures fixtures = new Fixtures(context);
        UtilityView utility = fixtures.utility(currency);
        CustomerView customer = fixtures.customer(utility.id());
        long tariff = fixtures.tariff(utility.id(), now, List.of(new TariffBlock(0, 1_643_500)), List.of()).id();
        MeterView meter = fixtures.meter(utility.id(), fixtures.supplyGroup(utility.id(), 1).id(), tariff, customer.id());
        String ref = "momo-" + Fixtures.next();
        wallets.topUp(customer.id(), ref, 1_000, "MOMO");
        wallets.topUp(customer.id(), ref, 1_000, "MOMO");
        assertThat(wallets.wallet(customer.id()).creditBalanceMinor()).as("a retried top-up credits once").isEqualTo(1_000);

        PriceBreakdown reading = pricing.quoteAmount(meter.id(), 800, now);
        VendId consumption = new VendId(UUID.randomUUID());
        money.reserve(consumption, Payer.wallet(customer.id()), Money.of(800, currency), 60);
        money.commit(consumption, meter.id(), reading, now);

        assertThat(wallets.wallet(customer.id()).availableMinor()).isEqualTo(200);
        assertThatThrownBy(() -> money.reserve(new VendId(UUID.randomUUID()), Payer.wallet(customer.id()), Money.of(201, currency), 60))
                .isInstanceOf(InsufficientFundsException.class);
    }
}
