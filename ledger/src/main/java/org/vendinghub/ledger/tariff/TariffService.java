package org.vendinghub.ledger.tariff;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.internal.Text;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** Tariffs and their versions. Versions are never edited: a new price is a new version from a future moment. */
@Service
public class TariffService {

    public static final int BLOCKS_MAX = 10;
    public static final int FEES_MAX = 10;

    private final TariffRepository tariffs;
    private final TariffVersionRepository versions;
    private final TariffBlockRepository blocks;
    private final TariffFeeRepository fees;
    private final UtilityService utilities;
    private final LedgerService ledger;

    public TariffService(TariffRepository tariffs, TariffVersionRepository versions, TariffBlockRepository blocks,
                         TariffFeeRepository fees, UtilityService utilities, LedgerService ledger) {
        this.tariffs = tariffs;
        this.versions = versions;
        this.blocks = blocks;
        this.fees = fees;
        this.utilities = utilities;
        this.ledger = ledger;
    }

    @Transactional
    public TariffView create(NewTariff c) {
        UtilityView utility = utilities.utility(c.utilityId());
        TariffEntity row = new TariffEntity();
        row.utilityId = utility.id();
        row.code = Text.required(c.code(), "code", "tariff code", 32);
        row.name = Text.required(c.name(), "name", "tariff name", 100);
        row.currency = utility.currency();
        if (tariffs.findByUtilityIdAndCode(row.utilityId, row.code).isPresent()) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "tariff " + row.code + " exists");
        }
        row.createdAt = ledger.now();
        return tariffs.saveAndFlush(row).view();
    }

    /** Renames a tariff or changes its code (unique per utility); its utility, currency and versions stay. */
    @Transactional
    public TariffView updateHeader(long tariffId, String code, String name) {
        TariffEntity row = tariffs.findById(tariffId).orElseThrow(() -> NotFoundException.of("tariff", tariffId));
        String newCode = Text.required(code, "code", "tariff code", 32);
        String newName = Text.required(name, "name", "tariff name", 100);
        tariffs.findByUtilityIdAndCode(row.utilityId, newCode).filter(other -> !other.id.equals(row.id)).ifPresent(other -> {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "tariff " + newCode + " exists");
        });
        row.code = newCode;
        row.name = newName;
        return row.view();
    }

    /** Adds prices from {@code validFrom}, which may not lie in the past: vends already priced keep their price. */
    @Transactional
    public TariffVersionView addVersion(long tariffId, NewTariffVersion c) {
        TariffEntity tariff = tariffs.findById(tariffId).orElseThrow(() -> NotFoundException.of("tariff", tariffId));
        validate(c);
        var existing = versions.findByTariffIdOrderByValidFrom(tariffId);
        // a new tariff has priced nothing yet, so its first version may start in the past (e.g. "from today");
        // a later version must not rewrite prices that vends were already sold at
        ValidationException.require(existing.isEmpty() || !c.validFrom().isBefore(ledger.now()), "validFrom",
                "a new version of a tariff in use cannot start in the past");
        if (existing.stream().anyMatch(v -> v.validFrom.equals(c.validFrom()))) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "tariff " + tariff.code + " has a version from " + c.validFrom());
        }
        TariffVersionEntity version = new TariffVersionEntity();
        version.tariffId = tariffId;
        version.validFrom = c.validFrom();
        version.validTo = c.validTo();
        version.taxRateBp = c.taxRateBp() != null ? c.taxRateBp() : utilities.utility(tariff.utilityId).taxRateBp();
        version.createdAt = ledger.now();
        versions.saveAndFlush(version);
        for (TariffBlock b : c.blocks()) {
            TariffBlockEntity row = new TariffBlockEntity();
            row.versionId = version.id;
            row.fromUnitsTenths = b.fromUnitsTenths();
            row.ratePerUnitMinorE4 = b.ratePerUnitMinorE4();
            blocks.save(row);
        }
        for (TariffFee f : c.fees()) {
            TariffFeeEntity row = new TariffFeeEntity();
            row.versionId = version.id;
            row.code = f.code();
            row.name = f.name().trim();
            row.amountMinor = f.amountMinor();
            row.period = "MONTHLY";
            fees.save(row);
        }
        return view(tariff, version);
    }

    private static void validate(NewTariffVersion c) {
        ValidationException.require(c.validFrom() != null, "validFrom", "valid from is required");
        ValidationException.require(c.validTo() == null || c.validTo().isAfter(c.validFrom()), "validTo",
                "valid to must be after valid from");
        ValidationException.require(c.taxRateBp() == null || (c.taxRateBp() >= 0 && c.taxRateBp() <= 10_000), "taxRateBp",
                "tax rate must be 0 to 10000 basis points");
        List<TariffBlock> bs = c.blocks() == null ? List.of() : c.blocks();
        ValidationException.require(!bs.isEmpty() && bs.size() <= BLOCKS_MAX, "blocks", "a tariff needs 1 to " + BLOCKS_MAX + " blocks");
        ValidationException.require(bs.get(0).fromUnitsTenths() == 0, "blocks", "the first block must start at 0 units");
        for (int i = 0; i < bs.size(); i++) {
            ValidationException.require(bs.get(i).ratePerUnitMinorE4() > 0, "blocks", "every block needs a positive rate");
            ValidationException.require(i == 0 || bs.get(i).fromUnitsTenths() > bs.get(i - 1).fromUnitsTenths(), "blocks",
                    "blocks must start at strictly increasing units");
        }
        List<TariffFee> fs = c.fees() == null ? List.of() : c.fees();
        ValidationException.require(fs.size() <= FEES_MAX, "fees", "a tariff has at most " + FEES_MAX + " fees");
        for (TariffFee f : fs) {
            ValidationException.require(f.code() != null && f.code().matches("[A-Z0-9_]{1,32}"), "fees",
                    "a fee code must be 1 to 32 capital letters, digits or underscores");
            Text.required(f.name(), "fees", "fee name", 100);
            ValidationException.require(f.amountMinor() > 0, "fees", "a fee must have a positive amount");
        }
        ValidationException.require(new HashSet<>(fs.stream().map(TariffFee::code).toList()).size() == fs.size(), "fees",
                "fee codes must differ");
    }

    /** The prices valid at {@code at} (the vend time): the latest version started by then and not ended. */
    @Transactional(readOnly = true)
    public TariffVersionView versionAt(long tariffId, Instant at) {
        TariffEntity tariff = tariffs.findById(tariffId).orElseThrow(() -> NotFoundException.of("tariff", tariffId));
        return versions.findFirstByTariffIdAndValidFromLessThanEqualOrderByValidFromDesc(tariffId, at)
                .filter(v -> v.validTo == null || at.isBefore(v.validTo))
                .map(v -> view(tariff, v))
                .orElseThrow(() -> new NotFoundException(ResultCode.NO_TARIFF_VALID,
                        "tariff " + tariff.code + " has no prices valid at " + at));
    }

    @Transactional(readOnly = true)
    public List<TariffVersionView> versions(long tariffId) {
        TariffEntity tariff = tariffs.findById(tariffId).orElseThrow(() -> NotFoundException.of("tariff", tariffId));
        return versions.findByTariffIdOrderByValidFrom(tariffId).stream().map(v -> view(tariff, v)).toList();
    }

    @Transactional(readOnly = true)
    public TariffView tariff(long tariffId) {
        return tariffs.findById(tariffId).map(TariffEntity::view).orElseThrow(() -> NotFoundException.of("tariff", tariffId));
    }

    @Transactional(readOnly = true)
    public Page<TariffView> tariffs(Pageable page) {
        return tariffs.findAll(page).map(TariffEntity::view);
    }

    private TariffVersionView view(TariffEntity tariff, TariffVersionEntity v) {
        return new TariffVersionView(v.id, v.tariffId, tariff.currency, v.validFrom, v.validTo, v.taxRateBp,
                blocks.findByVersionIdOrderByFromUnitsTenths(v.id).stream()
                        .map(b -> new TariffBlock(b.fromUnitsTenths, b.ratePerUnitMinorE4)).toList(),
                fees.findByVersionIdOrderByCode(v.id).stream().map(f -> new TariffFee(f.code, f.name, f.amountMinor)).toList());
    }
}
