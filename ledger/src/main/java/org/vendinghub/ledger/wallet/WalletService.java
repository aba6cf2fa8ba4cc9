package org.vendinghub.ledger.wallet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.AccountView;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.utility.UtilityService;

/**
 * Thin (smart) meters: the hub keeps the customer's prepaid balance in a CUSTOMER_WALLET account (owner "customer:ID"),
 * which may never go negative. Top-ups come from a payment channel; consumption is sold like a vend from the wallet
 * ({@code VendMoneyService.reserve(..., Payer.wallet(customerId), ...)} then {@code commit}), so that it is priced,
 * taxed and split exactly like a token sale.
 */
@Service
public class WalletService {

    private final LedgerService ledger;
    private final CustomerService customers;
    private final UtilityService utilities;

    public WalletService(LedgerService ledger, CustomerService customers, UtilityService utilities) {
        this.ledger = ledger;
        this.customers = customers;
        this.utilities = utilities;
    }

    @Transactional
    public AccountView wallet(long customerId) {
        String currency = utilities.utility(customers.customer(customerId).utilityId()).currency();
        return ledger.openAccount(AccountType.CUSTOMER_WALLET, currency, "customer:" + customerId);
    }

    /**
     * Credits the wallet with money a channel collected. {@code topUpRef}: caller-chosen id (the channel's reference),
     * so that a retried top-up credits once.
     */
    @Transactional
    public TransferView topUp(long customerId, String topUpRef, long amountMinor, String channel) {
        ValidationException.require(amountMinor > 0, "amountMinor", "amount must be positive");
        ValidationException.require(channel != null && channel.matches("[A-Z][A-Z0-9_]{1,31}"), "channel",
                "channel must be 2 to 32 capital letters, digits or underscores");
        ValidationException.require(topUpRef != null && topUpRef.matches("[A-Za-z0-9._-]{1,40}"), "topUpRef",
                "top-up reference must be 1 to 40 characters of A-Z a-z 0-9 . _ -");
        AccountView wallet = wallet(customerId);
        long clearing = ledger.openAccount(AccountType.CHANNEL_CLEARING, wallet.currency(), "channel:" + channel).id();
        return ledger.create(NewTransfer.posted("wallet-top-up:" + topUpRef, clearing, wallet.id(), amountMinor,
                TransferCode.WALLET_TOP_UP, "customer:" + customerId)).transfer();
    }
}
