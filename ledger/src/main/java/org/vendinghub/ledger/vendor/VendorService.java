package org.vendinghub.ledger.vendor;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.AccountView;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.internal.Text;
import org.vendinghub.ledger.utility.UtilityService;

import java.util.Optional;

/** Vendors, vendor groups and agents; the money of a vendor is in {@link VendorFloatService}. */
@Service
public class VendorService {

    /** Discounts and commissions above 50 % are certainly typing errors. */
    public static final int RATE_BP_MAX = 5_000;

    private final VendorRepository vendors;
    private final VendorGroupRepository groups;
    private final AgentRepository agents;
    private final UtilityService utilities;
    private final LedgerService ledger;

    public VendorService(VendorRepository vendors, VendorGroupRepository groups, AgentRepository agents,
                         UtilityService utilities, LedgerService ledger) {
        this.vendors = vendors;
        this.groups = groups;
        this.agents = agents;
        this.utilities = utilities;
        this.ledger = ledger;
    }

    @Transactional
    public VendorView create(NewVendor c) {
        String currency = utilities.utility(c.utilityId()).currency();
        VendorEntity row = new VendorEntity();
        row.utilityId = c.utilityId();
        apply(row, c);
        if (vendors.findByUtilityIdAndName(row.utilityId, row.name).isPresent()) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "a vendor named " + row.name + " exists");
        }
        row.createdAt = ledger.now();
        vendors.saveAndFlush(row);
        AccountView floatAccount = ledger.openAccount(AccountType.VENDOR_FLOAT, currency, "vendor:" + row.id);
        row.floatAccountId = floatAccount.id();
        ledger.setCreditLimit(floatAccount.id(), c.creditLimitMinor());
        openCommissionAccounts(row, currency);
        return view(row);
    }

    /** New terms apply to later deposits and sales; the credit limit cannot drop below what is already used. */
    @Transactional
    public VendorView update(long vendorId, NewVendor c) {
        VendorEntity row = require(vendorId);
        ValidationException.require(row.utilityId == c.utilityId(), "utilityId", "a vendor cannot move to another utility");
        apply(row, c);
        vendors.findByUtilityIdAndName(row.utilityId, row.name).filter(other -> other != row).ifPresent(other -> {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "a vendor named " + row.name + " exists");
        });
        ledger.setCreditLimit(row.floatAccountId, c.creditLimitMinor());
        openCommissionAccounts(row, ledger.account(row.floatAccountId).currency());
        return view(row);
    }

    /** Created ahead of the first sale, so that concurrent sales only read them. */
    private void openCommissionAccounts(VendorEntity row, String currency) {
        ledger.openAccount(AccountType.COMMISSION_PAYABLE, currency, "vendor:" + row.id);
        if (row.agentId != null) {
            ledger.openAccount(AccountType.COMMISSION_PAYABLE, currency, "agent:" + row.agentId);
        }
    }

    private void apply(VendorEntity row, NewVendor c) {
        row.name = Text.required(c.name(), "name", "name", 100);
        ValidationException.require(c.terms() != null, "terms", "terms (DISCOUNT or COMMISSION) are required");
        ValidationException.require(c.discountBp() >= 0 && c.discountBp() <= RATE_BP_MAX, "discountBp",
                "discount must be 0 to " + RATE_BP_MAX + " basis points");
        ValidationException.require(c.commissionBp() >= 0 && c.commissionBp() <= RATE_BP_MAX, "commissionBp",
                "commission must be 0 to " + RATE_BP_MAX + " basis points");
        ValidationException.require(c.terms() != VendorTerms.DISCOUNT || c.commissionBp() == 0, "commissionBp",
                "a vendor on discount terms earns no commission per sale");
        ValidationException.require(c.terms() != VendorTerms.COMMISSION || c.discountBp() == 0, "discountBp",
                "a vendor on commission terms gets no discount on deposits");
        ValidationException.require(c.creditLimitMinor() >= 0, "creditLimitMinor", "credit limit must not be negative");
        if (c.groupId() != null) {
            group(c.groupId());
        }
        if (c.agentId() != null) {
            agent(c.agentId());
        }
        row.groupId = c.groupId();
        row.agentId = c.agentId();
        row.terms = c.terms();
        row.discountBp = c.discountBp();
        row.commissionBp = c.commissionBp();
    }

    @Transactional(readOnly = true)
    public VendorView vendor(long vendorId) {
        return view(require(vendorId));
    }

    /** Paged list, optionally of one group. */
    @Transactional(readOnly = true)
    public Page<VendorView> vendors(Long groupId, Pageable page) {
        return (groupId == null ? vendors.findAll(page) : vendors.findByGroupId(groupId, page)).map(this::view);
    }

    @Transactional(readOnly = true)
    public Page<VendorView> vendorsOfAgent(long agentId, Pageable page) {
        return vendors.findByAgentId(agentId, page).map(this::view);
    }

    /** Who earns what on a sale through this vendor; computed by the vend flow when it posts the sale. */
    @Transactional(readOnly = true)
    public SaleCommission commissionFor(long vendorId) {
        VendorEntity row = require(vendorId);
        Optional<AgentEntity> agent = row.agentId == null ? Optional.empty() : agents.findById(row.agentId);
        return new SaleCommission(row.id, row.terms == VendorTerms.COMMISSION ? row.commissionBp : 0,
                agent.map(a -> a.id).orElse(null), agent.map(a -> a.commissionBp).orElse(0));
    }

    @Transactional
    public VendorGroupView createGroup(String name) {
        VendorGroupEntity row = new VendorGroupEntity();
        row.name = Text.required(name, "name", "name", 100);
        if (groups.existsByName(row.name)) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "a vendor group named " + row.name + " exists");
        }
        row.createdAt = ledger.now();
        return groups.saveAndFlush(row).view();
    }

    @Transactional(readOnly = true)
    public VendorGroupView group(long groupId) {
        return groups.findById(groupId).map(VendorGroupEntity::view).orElseThrow(() -> NotFoundException.of("vendor group", groupId));
    }

    @Transactional(readOnly = true)
    public Page<VendorGroupView> groups(Pageable page) {
        return groups.findAll(page).map(VendorGroupEntity::view);
    }

    @Transactional
    public AgentView createAgent(NewAgent c) {
        AgentEntity row = new AgentEntity();
        applyAgent(row, c);
        row.createdAt = ledger.now();
        return agents.saveAndFlush(row).view();
    }

    @Transactional
    public AgentView updateAgent(long agentId, NewAgent c) {
        AgentEntity row = agents.findById(agentId).orElseThrow(() -> NotFoundException.of("agent", agentId));
        applyAgent(row, c);
        return row.view();
    }

    private static void applyAgent(AgentEntity row, NewAgent c) {
        row.name = Text.required(c.name(), "name", "name", 100);
        row.phone = Text.phone(c.phone());
        ValidationException.require(c.commissionBp() >= 0 && c.commissionBp() <= RATE_BP_MAX, "commissionBp",
                "commission must be 0 to " + RATE_BP_MAX + " basis points");
        row.commissionBp = c.commissionBp();
    }

    @Transactional(readOnly = true)
    public AgentView agent(long agentId) {
        return agents.findById(agentId).map(AgentEntity::view).orElseThrow(() -> NotFoundException.of("agent", agentId));
    }

    @Transactional(readOnly = true)
    public Page<AgentView> agents(Pageable page) {
        return agents.findAll(page).map(AgentEntity::view);
    }

    VendorEntity require(long vendorId) {
        return vendors.findById(vendorId).orElseThrow(() -> NotFoundException.of("vendor", vendorId));
    }

    VendorView view(VendorEntity row) {
        AccountView f = ledger.account(row.floatAccountId);
        return new VendorView(row.id, row.utilityId, row.name, row.groupId, row.agentId, row.terms, row.discountBp,
                row.commissionBp, f.id(), f.currency(), f.creditBalanceMinor(), f.debitsPendingMinor(), f.creditLimitMinor(),
                f.availableMinor());
    }
}
