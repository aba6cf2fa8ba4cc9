package org.vendinghub.ledger.debt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.InsufficientFundsException;
import org.vendinghub.ledger.LedgerIntegrationTest;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.pricing.DebtShare;
import org.vendinghub.ledger.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebtServiceTest extends LedgerIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DebtService debts;
    @Autowired
    LedgerService ledger;

    String currency;
    long customerId;

    @BeforeEach
    void customer() {
        currency = freshCurrency();
        Fixtures fixtures = new Fixtures(context);
        customerId = fixtures.customer(fixtures.utility(currency).id()).id();
    }

    @Test
    void a_debt_taken_on_is_owed_in_full_and_offered_to_pricing_with_its_terms() {
        DebtView debt = debts.register(new NewDebt("d-" + Fixtures.next(), customerId, "Arrears", 20_000, 2_500, 1_000L, "alice"));
        assertThat(debt.outstandingMinor()).isEqualTo(20_000);
        assertThat(debt.collectedMinor()).isZero();
        assertThat(ledger.systemAccount(AccountType.DEBT_TAKE_ON, currency).creditBalanceMinor()).isEqualTo(20_000);
        assertThat(debts.openShares(customerId)).containsExactly(new DebtShare(debt.id(), "Arrears", 20_000, 2_500, 1_000L));
    }

    @Test
    void registering_the_same_debt_reference_again_returns_the_debt_and_another_amount_conflicts() {
        String ref = "d-" + Fixtures.next();
        DebtView first = debts.register(new NewDebt(ref, customerId, "Arrears", 20_000, 2_500, null, "alice"));
        assertThat(debts.register(new NewDebt(ref, customerId, "Arrears", 20_000, 2_500, null, "alice")).id()).isEqualTo(first.id());
        assertThatThrownBy(() -> debts.register(new NewDebt(ref, customerId, "Arrears", 30_000, 2_500, null, "alice")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_CONTENT));
        assertThat(debts.debtsOfCustomer(customerId)).hasSize(1);
    }

    @Test
    void a_debt_can_never_be_collected_beyond_what_is_owed() {
        DebtView debt = debts.register(new NewDebt("d-" + Fixtures.next(), customerId, "Fine", 1_000, 5_000, null, "alice"));
        long clearing = ledger.systemAccount(AccountType.VEND_CLEARING, currency).id();
        long cash = ledger.openAccount(AccountType.CHANNEL_CLEARING, currency, "channel:CASH").id();
        ledger.create(NewTransfer.posted(uniqueId("cash"), cash, clearing, 2_000, TransferCode.OTHER, null));
        ledger.create(NewTransfer.posted(uniqueId("rec"), clearing, debt.accountId(), 600, TransferCode.VEND_DEBT_RECOVERY, null));
        assertThatThrownBy(() -> ledger.create(NewTransfer.posted(uniqueId("rec"), clearing, debt.accountId(), 401,
                TransferCode.VEND_DEBT_RECOVERY, null)))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> assertThat(e.code()).isEqualTo(ResultCode.EXCEEDS_DEBITS));
        DebtView after = debts.writeOff(debt.id(), "w-" + Fixtures.next(), 400, "bob");
        assertThat(after.outstandingMinor()).isZero();
        assertThat(after.collectedMinor()).isEqualTo(600);
        assertThat(after.writtenOffMinor()).isEqualTo(400);
        assertThat(debts.openShares(customerId)).isEmpty();
        assertThat(debts.collections(debt.id(), PageRequest.of(0, 10)).getContent()).extracting(TransferView::code)
                .containsExactly(TransferCode.DEBT_TAKE_ON, TransferCode.VEND_DEBT_RECOVERY, TransferCode.DEBT_WRITE_OFF);
    }

    @Test
    void debt_terms_are_validated_with_exact_messages() {
        assertThatThrownBy(() -> debts.register(new NewDebt("d-" + Fixtures.next(), customerId, "X", 1, 0, null, "alice")))
                .isInstanceOf(ValidationException.class).hasMessage("recovery must be 1 to 10000 basis points of each purchase");
        assertThatThrownBy(() -> debts.register(new NewDebt("d-" + Fixtures.next(), customerId, "X", 1, 100, 0L, "alice")))
                .hasMessage("cap per purchase must be positive when set");
        assertThatThrownBy(() -> debts.register(new NewDebt("d-" + Fixtures.next(), customerId, "X", 0, 100, null, "alice")))
                .hasMessage("amount must be positive");
        assertThatThrownBy(() -> debts.register(new NewDebt("d " + Fixtures.next(), customerId, "X", 1, 100, null, "alice")))
                .hasMessage("debt reference must be 1 to 40 characters of A-Z a-z 0-9 . _ -");
    }
}
