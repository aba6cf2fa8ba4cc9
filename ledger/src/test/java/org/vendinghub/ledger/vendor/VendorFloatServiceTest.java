package org.vendinghub.ledger.vendor;

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
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.testsupport.Fixtures;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorFloatServiceTest extends LedgerIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    VendorService vendors;
    @Autowired
    VendorFloatService floats;
    @Autowired
    LedgerService ledger;

    String currency;
    long utilityId;
    VendorView discounted;
    VendorView other;

    @BeforeEach
    void vendors() {
        currency = freshCurrency();
        utilityId = new Fixtures(context).utility(currency).id();
        VendorGroupView group = vendors.createGroup("Group " + Fixtures.next());
        discounted = vendors.create(new NewVendor(utilityId, "Dealer " + Fixtures.next(), group.id(), null, VendorTerms.DISCOUNT,
                500, 0, 0));
        other = vendors.create(new NewVendor(utilityId, "Shop " + Fixtures.next(), group.id(), null, VendorTerms.COMMISSION,
                0, 250, 0));
    }

    @Test
    void a_deposit_at_a_five_percent_discount_buys_float_worth_x_over_one_minus_d_rounded_down() {
        // 10000 / 0.95 = 10526.32 -> bonus 10000 × 500 / 9500 = 526.3 -> 526
        String ref = "slip-" + Fixtures.next();
        List<TransferView> deposit = floats.deposit(new VendorDeposit(ref, discounted.id(), 10_000, "BANK", "slip"));

        assertThat(deposit).extracting(TransferView::amountMinor).containsExactly(10_000L, 526L);
        assertThat(vendors.vendor(discounted.id()).balanceMinor()).isEqualTo(10_526);
        assertThat(ledger.systemAccount(AccountType.VENDOR_DISCOUNT_EXPENSE, currency).debitBalanceMinor()).isEqualTo(526);
        assertThat(ledger.findAccount(AccountType.CHANNEL_CLEARING, currency, "channel:BANK").orElseThrow().debitBalanceMinor())
                .isEqualTo(10_000);

        assertThat(floats.deposit(new VendorDeposit(ref, discounted.id(), 10_000, "BANK", "slip"))).isEqualTo(deposit);
        assertThat(vendors.vendor(discounted.id()).balanceMinor()).as("a replayed deposit credits once").isEqualTo(10_526);
    }

    @Test
    void a_vendor_on_commission_terms_gets_no_bonus() {
        floats.deposit(new VendorDeposit("slip-" + Fixtures.next(), other.id(), 10_000, "CASH", null));
        assertThat(vendors.vendor(other.id()).balanceMinor()).isEqualTo(10_000);
        assertThat(vendors.commissionFor(other.id())).isEqualTo(new SaleCommission(other.id(), 250, null, 0));
    }

    @Test
    void float_moves_between_vendors_only_as_far_as_the_sender_has_it() {
        floats.deposit(new VendorDeposit("slip-" + Fixtures.next(), other.id(), 1_000, "CASH", null));
        floats.transfer(new VendorTransfer("t-" + Fixtures.next(), other.id(), discounted.id(), 600, "alice"));
        assertThat(vendors.vendor(discounted.id()).balanceMinor()).isEqualTo(600);
        assertThatThrownBy(() -> floats.transfer(new VendorTransfer("t-" + Fixtures.next(), other.id(), discounted.id(), 401, "alice")))
                .isInstanceOf(InsufficientFundsException.class);
        assertThatThrownBy(() -> floats.transfer(new VendorTransfer("t-" + Fixtures.next(), other.id(), other.id(), 1, "alice")))
                .isInstanceOf(ValidationException.class).hasMessage("a vendor cannot transfer to itself");
    }

    @Test
    void an_adjustment_moves_money_only_when_a_second_user_approves_it() {
        AdjustmentView requested = floats.requestAdjustment(other.id(), 700, "cash counted twice", "alice");
        assertThat(vendors.vendor(other.id()).balanceMinor()).isZero();
        assertThatThrownBy(() -> floats.approveAdjustment(requested.id(), "alice"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo(ResultCode.SAME_USER_CANNOT_APPROVE))
                .hasMessage("adjustment " + requested.id() + " must be decided by a user other than alice, who requested it");

        AdjustmentView approved = floats.approveAdjustment(requested.id(), "bob");

        assertThat(approved.status()).isEqualTo(AdjustmentStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("bob");
        assertThat(vendors.vendor(other.id()).balanceMinor()).isEqualTo(700);
        assertThat(ledger.systemAccount(AccountType.ADJUSTMENT, currency).debitBalanceMinor()).isEqualTo(700);
        assertThatThrownBy(() -> floats.rejectAdjustment(requested.id(), "carol"))
                .isInstanceOf(ConflictException.class).hasMessage("adjustment " + requested.id() + " is already approved");
    }

    @Test
    void a_rejected_or_unaffordable_adjustment_moves_nothing() {
        AdjustmentView rejected = floats.rejectAdjustment(floats.requestAdjustment(other.id(), 500, "typo", "alice").id(), "bob");
        assertThat(rejected.status()).isEqualTo(AdjustmentStatus.REJECTED);
        AdjustmentView debit = floats.requestAdjustment(other.id(), -1, "fee", "alice");
        assertThatThrownBy(() -> floats.approveAdjustment(debit.id(), "bob")).isInstanceOf(InsufficientFundsException.class);
        assertThat(floats.adjustments(other.id(), PageRequest.of(0, 10)).getContent())
                .extracting(AdjustmentView::status).containsExactly(AdjustmentStatus.REQUESTED, AdjustmentStatus.REJECTED);
        assertThat(vendors.vendor(other.id()).balanceMinor()).isZero();
    }

    @Test
    void vendor_terms_and_credit_limits_are_validated_with_exact_messages() {
        assertThatThrownBy(() -> vendors.create(new NewVendor(utilityId, "X" + Fixtures.next(), null, null, VendorTerms.DISCOUNT, 500, 100, 0)))
                .isInstanceOf(ValidationException.class).hasMessage("a vendor on discount terms earns no commission per sale");
        assertThatThrownBy(() -> vendors.create(new NewVendor(utilityId, "X" + Fixtures.next(), null, null, VendorTerms.COMMISSION, 0, 6_000, 0)))
                .hasMessage("commission must be 0 to 5000 basis points");
        assertThatThrownBy(() -> vendors.create(new NewVendor(utilityId, other.name(), null, null, VendorTerms.COMMISSION, 0, 0, 0)))
                .isInstanceOf(ConflictException.class).hasMessage("a vendor named " + other.name() + " exists");
        assertThatThrownBy(() -> floats.deposit(new VendorDeposit("bad ref", other.id(), 1, "BANK", null)))
                .hasMessage("depositRef must be 1 to 40 characters of A-Z a-z 0-9 . _ -");
        assertThatThrownBy(() -> floats.requestAdjustment(other.id(), 0, "x", "alice")).hasMessage("an adjustment must not be zero");
    }

    @Test
    void a_credit_limit_lets_a_vendor_sell_on_credit_and_cannot_drop_below_what_is_used() {
        VendorView onCredit = vendors.update(other.id(), new NewVendor(utilityId, other.name(), null, null, VendorTerms.COMMISSION, 0, 250, 1_000));
        assertThat(onCredit.availableMinor()).isEqualTo(1_000);
        floats.transfer(new VendorTransfer("t-" + Fixtures.next(), other.id(), discounted.id(), 800, "alice"));
        assertThat(vendors.vendor(other.id()).balanceMinor()).isEqualTo(-800);
        assertThatThrownBy(() -> vendors.update(other.id(), new NewVendor(utilityId, other.name(), null, null, VendorTerms.COMMISSION, 0, 250, 500)))
                .hasMessage("credit limit cannot be lower than the 800 already used");
    }
}
