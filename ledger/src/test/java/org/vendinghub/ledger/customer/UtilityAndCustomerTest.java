package org.vendinghub.ledger.customer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerIntegrationTest;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UtilityAndCustomerTest extends LedgerIntegrationTest {

    @Autowired
    UtilityService utilities;
    @Autowired
    CustomerService customers;
    @Autowired
    LedgerService ledger;

    @Test
    void a_new_utility_gets_its_system_accounts_in_its_currency() {
        String currency = freshCurrency();
        utilities.createUtility(new NewUtility("Power " + Fixtures.next(), currency, 1600, null, null));
        assertThat(ledger.findAccount(AccountType.TAX_PAYABLE, currency, "")).isPresent();
        assertThat(ledger.findAccount(AccountType.VEND_CLEARING, currency, "")).isPresent();
    }

    @Test
    void utility_and_supply_group_input_is_validated_with_exact_messages() {
        assertThatThrownBy(() -> utilities.createUtility(new NewUtility(" ", "ZMW", 1600, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessage("name is required");
        assertThatThrownBy(() -> utilities.createUtility(new NewUtility("U", "ZMW", 10_001, null, null)))
                .hasMessage("tax rate must be 0 to 10000 basis points");
        UtilityView utility = utilities.createUtility(new NewUtility("Water " + Fixtures.next(), freshCurrency(), 0, null, null));
        assertThatThrownBy(() -> utilities.createUtility(new NewUtility(utility.name(), "ZMW", 0, null, null)))
                .isInstanceOf(ConflictException.class).hasMessage("a utility named " + utility.name() + " exists");
        assertThatThrownBy(() -> utilities.createSupplyGroup(new NewSupplyGroup(utility.id(), "SG", "12345", 1, 2, 1993, "02", "07", "vk", null)))
                .hasMessage("SGC must be 6 digits");
        assertThatThrownBy(() -> utilities.createSupplyGroup(new NewSupplyGroup(utility.id(), "SG", "123456", 1, 2, 1993, "02", "07", "vk", "XYZ")))
                .hasMessage("key check value must be 4 to 16 hex digits");
        assertThatThrownBy(() -> utilities.updateUtility(utility.id(), new NewUtility(utility.name(), "USD", 0, null, null)))
                .hasMessage("a utility's currency cannot change");
    }

    @Test
    void customer_input_is_validated_with_exact_messages_and_account_numbers_are_unique() {
        long utilityId = utilities.createUtility(new NewUtility("Power " + Fixtures.next(), freshCurrency(), 1600, null, null)).id();
        CustomerView customer = customers.create(new NewCustomer(utilityId, "ACC-1", "Ada Banda", "+260971234567", "ada@example.org", null));
        assertThat(ledger.findAccount(AccountType.CUSTOMER_WALLET, ledger.account(ledger.findAccount(AccountType.TAX_PAYABLE,
                utilities.utility(utilityId).currency(), "").orElseThrow().id()).currency(), "customer:" + customer.id())).isPresent();
        assertThatThrownBy(() -> customers.create(new NewCustomer(utilityId, "ACC-1", "Other", null, null, null)))
                .isInstanceOf(ConflictException.class).hasMessage("account number ACC-1 belongs to customer " + customer.id());
        assertThatThrownBy(() -> customers.create(new NewCustomer(utilityId, "ACC-2", "X", "12ab", null, null)))
                .hasMessage("phone must be 7 to 15 digits, optionally after a +");
        assertThatThrownBy(() -> customers.create(new NewCustomer(utilityId, "ACC-2", "X", null, "not-an-email", null)))
                .hasMessage("e-mail must look like name@example.org");
        assertThatThrownBy(() -> customers.create(new NewCustomer(utilityId, "ACC 2", "X", null, null, null)))
                .hasMessage("account number may hold letters, digits, / and - only");
        assertThatThrownBy(() -> customers.customer(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class)
                .hasMessage("customer " + Long.MAX_VALUE + " not found");
        assertThat(customers.customers("ada banda", PageRequest.of(0, 5)).getContent()).extracting(CustomerView::id).contains(customer.id());
        assertThat(customers.byAccountNumber(utilityId, "ACC-1")).contains(customer);
    }
}
