package org.vendinghub.ledger.debt;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.AccountView;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.internal.Text;
import org.vendinghub.ledger.pricing.DebtShare;
import org.vendinghub.ledger.utility.UtilityService;

import java.util.List;

/**
 * Customer debts. Each debt is its own DEBT_RECEIVABLE account (owner "debt:ID"), debited when taken on and
 * credited by recoveries and write-offs; its rule (credits must not exceed debits) makes over-collection impossible.
 */
@Service
public class DebtService {

    private final DebtRepository debts;
    private final CustomerService customers;
    private final UtilityService utilities;
    private final LedgerService ledger;

    public DebtService(DebtRepository debts, CustomerService customers, UtilityService utilities, LedgerService ledger) {
        this.debts = debts;
        this.customers = customers;
        this.utilities = utilities;
        this.ledger = ledger;
    }

    @Transactional
    public DebtView register(NewDebt c) {
        ValidationException.require(c.debtRef() != null && c.debtRef().matches("[A-Za-z0-9._-]{1,40}"), "debtRef",
                "debt reference must be 1 to 40 characters of A-Z a-z 0-9 . _ -");
        String takeOnId = "debt-take-on:" + c.debtRef();
        if (ledger.transfer(takeOnId).isPresent()) {
            return replay(takeOnId, c);
        }
        validateTerms(c.recoveryBp(), c.capPerPurchaseMinor());
        ValidationException.require(c.amountMinor() > 0, "amountMinor", "amount must be positive");
        DebtEntity row = new DebtEntity();
        row.customerId = c.customerId();
        row.currency = utilities.utility(customers.customer(c.customerId()).utilityId()).currency();
        row.description = Text.required(c.description(), "description", "description", 200);
        row.originalMinor = c.amountMinor();
        row.recoveryBp = c.recoveryBp();
        row.capPerPurchaseMinor = c.capPerPurchaseMinor();
        row.createdBy = Text.user(c.createdBy(), "createdBy");
        row.createdAt = ledger.now();
        debts.saveAndFlush(row);
        AccountView receivable = ledger.openAccount(AccountType.DEBT_RECEIVABLE, row.currency, "debt:" + row.id);
        row.accountId = receivable.id();
        ledger.create(NewTransfer.posted(takeOnId, receivable.id(),
                ledger.systemAccount(AccountType.DEBT_TAKE_ON, row.currency).id(), row.originalMinor, TransferCode.DEBT_TAKE_ON,
                "debt:" + row.id));
        return view(row);
    }

    /** The same take-on sent again returns the debt it created; different content is a conflict. */
    private DebtView replay(String takeOnId, NewDebt c) {
        TransferView takeOn = ledger.transfer(takeOnId).orElseThrow();
        DebtEntity row = debts.findById(Long.parseLong(takeOn.reference().substring("debt:".length()))).orElseThrow();
        if (row.customerId != c.customerId() || row.originalMinor != c.amountMinor()) {
            throw new ConflictException(ResultCode.EXISTS_WITH_DIFFERENT_CONTENT,
                    "debt reference " + c.debtRef() + " was used for another debt");
        }
        return view(row);
    }

    private static void validateTerms(int recoveryBp, Long capPerPurchaseMinor) {
        ValidationException.require(recoveryBp >= 1 && recoveryBp <= 10_000, "recoveryBp",
                "recovery must be 1 to 10000 basis points of each purchase");
        ValidationException.require(capPerPurchaseMinor == null || capPerPurchaseMinor > 0, "capPerPurchaseMinor",
                "cap per purchase must be positive when set");
    }

    @Transactional
    public DebtView changeRecovery(long debtId, int recoveryBp, Long capPerPurchaseMinor) {
        validateTerms(recoveryBp, capPerPurchaseMinor);
        DebtEntity row = require(debtId);
        row.recoveryBp = recoveryBp;
        row.capPerPurchaseMinor = capPerPurchaseMinor;
        return view(row);
    }

    /** Writes off part or all of what is still owed (a new transfer; nothing is erased). */
    @Transactional
    public DebtView writeOff(long debtId, String writeOffRef, long amountMinor, String user) {
        DebtEntity row = require(debtId);
        ValidationException.require(amountMinor > 0, "amountMinor", "amount must be positive");
        Text.user(user, "user");
        ledger.create(NewTransfer.posted("debt-write-off:" + writeOffRef, ledger.systemAccount(AccountType.DEBT_TAKE_ON,
                row.currency).id(), row.accountId, amountMinor, TransferCode.DEBT_WRITE_OFF, "debt:" + row.id));
        return view(row);
    }

    @Transactional(readOnly = true)
    public DebtView debt(long debtId) {
        return view(require(debtId));
    }

    @Transactional(readOnly = true)
    public List<DebtView> debtsOfCustomer(long customerId) {
        return debts.findByCustomerIdOrderById(customerId).stream().map(this::view).toList();
    }

    /** What pricing needs: the customer's debts with something outstanding, oldest first. */
    @Transactional(readOnly = true)
    public List<DebtShare> openShares(long customerId) {
        return debtsOfCustomer(customerId).stream().filter(d -> d.outstandingMinor() > 0)
                .map(d -> new DebtShare(d.id(), d.description(), d.outstandingMinor(), d.recoveryBp(), d.capPerPurchaseMinor()))
                .toList();
    }

    /** The receivable account's movements: take-on, each recovery with its vend, write-offs (paged). */
    @Transactional(readOnly = true)
    public Page<TransferView> collections(long debtId, Pageable page) {
        return ledger.statement(require(debtId).accountId, page);
    }

    private DebtEntity require(long debtId) {
        return debts.findById(debtId).orElseThrow(() -> NotFoundException.of("debt", debtId));
    }

    private DebtView view(DebtEntity row) {
        AccountView a = ledger.account(row.accountId);
        long writtenOff = ledger.postedCreditsByCode(row.accountId, TransferCode.DEBT_WRITE_OFF);
        long outstanding = a.debitsPostedMinor() - a.creditsPostedMinor() - a.creditsPendingMinor();
        long collected = a.creditsPostedMinor() - writtenOff;
        return new DebtView(row.id, row.customerId, row.currency, row.description, row.originalMinor, outstanding, collected,
                writtenOff, row.recoveryBp, row.capPerPurchaseMinor, row.accountId, row.createdBy, row.createdAt);
    }
}
