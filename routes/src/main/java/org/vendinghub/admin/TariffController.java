package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.ledger.tariff.NewTariff;
import org.vendinghub.ledger.tariff.NewTariffVersion;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.tariff.TariffVersionView;
import org.vendinghub.ledger.tariff.TariffView;

@Tag(name = "tariffs", description = "Tariffs and their versions (prices are VAT-exclusive, in the tariff's currency)")
@RestController
@RequestMapping("/api/v1/tariffs")
class TariffController {

    @StrictJson
    record TariffRequest(@NotNull(message = "utility id is required") Long utilityId, String code, String name) {
    }

    @StrictJson
    @Schema(description = "Prices from validFrom (not in the past). Block rates: minor units x 10^4 per unit (164.35 cents/kWh = 1643500)")
    record VersionRequest(@NotNull(message = "valid from is required") Instant validFrom, Instant validTo, Integer taxRateBp,
                          @NotNull(message = "blocks are required") List<@Valid @NotNull(message = "a block is required") BlockRequest> blocks,
                          List<@Valid @NotNull(message = "a fee is required") FeeRequest> fees) {
    }

    @StrictJson
    record BlockRequest(@NotNull(message = "fromUnitsTenths is required") Long fromUnitsTenths,
                        @NotNull(message = "ratePerUnitMinorE4 is required") Long ratePerUnitMinorE4) {
    }

    @StrictJson
    @Schema(description = "A monthly fixed fee in minor units of the tariff's currency, VAT-exclusive")
    record FeeRequest(String code, String name, @NotNull(message = "amountMinor is required") Long amountMinor) {
    }

    private final TariffService tariffs;

    TariffController(TariffService tariffs) {
        this.tariffs = tariffs;
    }

    @Operation(summary = "List tariffs (permission MANAGE_TARIFFS, MANAGE_METERS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_TARIFFS)
    public PageResponse<TariffView> list(@Valid @ParameterObject PageParams paging) {
        return PageResponse.of(tariffs.tariffs(paging.pageable(Sort.by("id"))));
    }

    @Operation(summary = "One tariff")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_TARIFFS)
    public TariffView get(@PathVariable long id) {
        return tariffs.tariff(id);
    }

    @Operation(summary = "Create a tariff (permission MANAGE_TARIFFS); its currency is the utility's")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_TARIFFS)
    public TariffView create(@Valid @RequestBody TariffRequest r) {
        return tariffs.create(new NewTariff(r.utilityId(), r.code(), r.name()));
    }

    @Operation(summary = "The tariff's versions, oldest first")
    @GetMapping("/{id}/versions")
    @PreAuthorize(Can.READ_TARIFFS)
    public List<TariffVersionView> versions(@PathVariable long id) {
        return tariffs.versions(id);
    }

    @Operation(summary = "Add prices from a future moment (permission MANAGE_TARIFFS); versions are never edited")
    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_TARIFFS)
    public TariffVersionView addVersion(@PathVariable long id, @Valid @RequestBody VersionRequest r) {
        List<TariffBlock> blocks = r.blocks().stream().map(b -> new TariffBlock(b.fromUnitsTenths(), b.ratePerUnitMinorE4())).toList();
        List<TariffFee> fees = r.fees() == null ? List.of()
                : r.fees().stream().map(f -> new TariffFee(f.code(), f.name(), f.amountMinor())).toList();
        return tariffs.addVersion(id, new NewTariffVersion(r.validFrom(), r.validTo(), r.taxRateBp(), blocks, fees));
    }
}
