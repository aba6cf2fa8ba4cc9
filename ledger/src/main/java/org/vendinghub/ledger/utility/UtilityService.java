package org.vendinghub.ledger.utility;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.StsParameters;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.internal.Text;

import java.util.Optional;

/** Utilities (name, currency, VAT, receipt details) and their STS supply groups. */
@Service
public class UtilityService {

    private final UtilityRepository utilities;
    private final SupplyGroupRepository supplyGroups;
    private final LedgerService ledger;

    public UtilityService(UtilityRepository utilities, SupplyGroupRepository supplyGroups, LedgerService ledger) {
        this.utilities = utilities;
        this.supplyGroups = supplyGroups;
        this.ledger = ledger;
    }

    @Transactional
    public UtilityView createUtility(NewUtility command) {
        UtilityEntity row = new UtilityEntity();
        apply(row, command);
        if (utilities.existsByName(row.name)) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "a utility named " + row.name + " exists");
        }
        row.createdAt = ledger.now();
        ledger.openSystemAccounts(row.currency);
        return utilities.saveAndFlush(row).view();
    }

    /** The currency is fixed once set: the ledger's accounts are kept in it. */
    @Transactional
    public UtilityView updateUtility(long utilityId, NewUtility command) {
        UtilityEntity row = utilities.findById(utilityId).orElseThrow(() -> NotFoundException.of("utility", utilityId));
        ValidationException.require(row.currency.equals(command.currency()), "currency", "a utility's currency cannot change");
        apply(row, command);
        return row.view();
    }

    private static void apply(UtilityEntity row, NewUtility c) {
        row.name = Text.required(c.name(), "name", "name", 100);
        row.currency = Text.currency(c.currency());
        ValidationException.require(c.taxRateBp() >= 0 && c.taxRateBp() <= 10_000, "taxRateBp",
                "tax rate must be 0 to 10000 basis points");
        row.taxRateBp = c.taxRateBp();
        row.address = Text.optional(c.address(), "address", "address", 300);
        row.taxReference = Text.optional(c.taxReference(), "taxReference", "tax reference", 40);
    }

    @Transactional(readOnly = true)
    public UtilityView utility(long utilityId) {
        return utilities.findById(utilityId).map(UtilityEntity::view).orElseThrow(() -> NotFoundException.of("utility", utilityId));
    }

    @Transactional(readOnly = true)
    public Page<UtilityView> utilities(Pageable page) {
        return utilities.findAll(page).map(UtilityEntity::view);
    }

    @Transactional
    public SupplyGroupView createSupplyGroup(NewSupplyGroup c) {
        utility(c.utilityId());
        new StsParameters(c.sgc(), "01", c.krn(), c.keyType(), c.baseDate(), c.dkga(), c.ea()); // validates all but TI
        SupplyGroupEntity row = new SupplyGroupEntity();
        row.utilityId = c.utilityId();
        row.name = Text.required(c.name(), "name", "name", 100);
        row.sgc = c.sgc();
        row.krn = c.krn();
        row.keyType = c.keyType();
        row.baseDate = c.baseDate();
        row.dkga = c.dkga();
        row.ea = c.ea();
        row.vendingKeyId = Text.required(c.vendingKeyId(), "vendingKeyId", "vending key id", 64);
        String kcv = Text.optional(c.keyCheckValue(), "keyCheckValue", "key check value", 16);
        ValidationException.require(kcv == null || kcv.matches("[0-9A-Fa-f]{4,16}"), "keyCheckValue",
                "key check value must be 4 to 16 hex digits");
        row.keyCheckValue = kcv;
        if (supplyGroups.findBySgcAndKrn(row.sgc, row.krn).isPresent()) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "supply group SGC " + row.sgc + " KRN " + row.krn + " exists");
        }
        row.createdAt = ledger.now();
        return supplyGroups.saveAndFlush(row).view();
    }

    /** Points the supply group at another key label in the security module (a re-import), nothing else. */
    @Transactional
    public SupplyGroupView changeVendingKey(long supplyGroupId, String vendingKeyId, String keyCheckValue) {
        SupplyGroupEntity row = supplyGroups.findById(supplyGroupId)
                .orElseThrow(() -> NotFoundException.of("supply group", supplyGroupId));
        row.vendingKeyId = Text.required(vendingKeyId, "vendingKeyId", "vending key id", 64);
        row.keyCheckValue = Text.optional(keyCheckValue, "keyCheckValue", "key check value", 16);
        return row.view();
    }

    @Transactional(readOnly = true)
    public SupplyGroupView supplyGroup(long supplyGroupId) {
        return supplyGroups.findById(supplyGroupId).map(SupplyGroupEntity::view)
                .orElseThrow(() -> NotFoundException.of("supply group", supplyGroupId));
    }

    @Transactional(readOnly = true)
    public Optional<SupplyGroupView> supplyGroup(String sgc, int krn) {
        return supplyGroups.findBySgcAndKrn(sgc, krn).map(SupplyGroupEntity::view);
    }

    @Transactional(readOnly = true)
    public Page<SupplyGroupView> supplyGroups(Pageable page) {
        return supplyGroups.findAll(page).map(SupplyGroupEntity::view);
    }
}
