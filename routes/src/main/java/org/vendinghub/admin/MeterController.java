package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.ledger.meter.KeyChangeView;
import org.vendinghub.ledger.meter.MeterKind;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.meter.NewMeter;

@Tag(name = "meters", description = "Meters: registration, STS parameters and key changes, blocking, look-up by number")
@RestController
@RequestMapping("/api/v1/meters")
class MeterController {

    @StrictJson
    @Schema(description = "A meter to register; SGC, KRN, key type, base date, DKGA and EA come from the supply group")
    record MeterRequest(@NotNull(message = "utility id is required") Long utilityId,
                        @Schema(example = "01234567897") String meterNumber,
                        @Schema(description = "600727 for 11 digits, 0000 for 13; default by length") String iin,
                        @NotNull(message = "supply group id is required") Long supplyGroupId,
                        @Schema(example = "01") String ti, MeterKind kind, Long tariffId, Long customerId) {
    }

    @StrictJson
    record BlockRequest(String reason) {
    }

    @StrictJson
    record CustomerAssignment(@Schema(description = "null removes the customer") Long customerId) {
    }

    @StrictJson
    record TariffAssignment(@Schema(description = "null removes the tariff") Long tariffId) {
    }

    @StrictJson
    record KindChange(MeterKind kind) {
    }

    @StrictJson
    record StsChange(@NotNull(message = "supply group id is required") Long supplyGroupId, @Schema(example = "01") String ti) {
    }

    @Schema(description = "The meter after the change and the key change it made due, if the decoder key changes")
    record StsChanged(MeterView meter, KeyChangeView keyChange) {
    }

    private final MeterService meters;
    private final AuditLog audit;

    MeterController(MeterService meters, AuditLog audit) {
        this.meters = meters;
        this.audit = audit;
    }

    @Operation(summary = "List meters, optionally by status (permission MANAGE_METERS, MANAGE_CUSTOMERS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_METERS)
    public PageResponse<MeterView> list(@RequestParam(required = false) MeterStatus status, @Valid @ParameterObject PageParams paging) {
        return PageResponse.of(meters.meters(status, paging.pageable(Sort.by("id"))));
    }

    @Operation(summary = "One meter")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_METERS)
    public MeterView get(@PathVariable long id) {
        return meters.meter(id);
    }

    @Operation(summary = "Find a meter by its number (11 or 13 digits with the Luhn check digit)")
    @GetMapping("/by-number/{meterNumber}")
    @PreAuthorize(Can.READ_METERS)
    public MeterView byNumber(@Parameter(example = "01234567897") @PathVariable String meterNumber) {
        return meters.byNumber(meterNumber);
    }

    @Operation(summary = "Register a meter (permission MANAGE_METERS)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_METERS)
    public MeterView register(@Valid @RequestBody MeterRequest r) {
        return meters.register(new NewMeter(r.utilityId(), r.meterNumber(), r.iin(), r.supplyGroupId(), r.ti(), r.kind(),
                r.tariffId(), r.customerId()));
    }

    @Operation(summary = "Block a meter: no more tokens are sold for it (permission MANAGE_METERS; audited)")
    @PostMapping("/{id}/block")
    @PreAuthorize(Can.MANAGE_METERS)
    @Transactional
    public MeterView block(@PathVariable long id, @Valid @RequestBody BlockRequest r, Principal user) {
        MeterView meter = meters.block(id, r.reason());
        audit.record(user.getName(), "METER_BLOCKED", "meter:" + meter.meterNumber(), "reason: " + meter.blockedReason());
        return meter;
    }

    @Operation(summary = "Unblock a meter (permission MANAGE_METERS; audited)")
    @PostMapping("/{id}/unblock")
    @PreAuthorize(Can.MANAGE_METERS)
    @Transactional
    public MeterView unblock(@PathVariable long id, Principal user) {
        MeterView meter = meters.unblock(id);
        audit.record(user.getName(), "METER_UNBLOCKED", "meter:" + meter.meterNumber(), "");
        return meter;
    }

    @Operation(summary = "Assign the meter to a customer, or to none (permission MANAGE_METERS)")
    @PutMapping("/{id}/customer")
    @PreAuthorize(Can.MANAGE_METERS)
    public MeterView assignCustomer(@PathVariable long id, @Valid @RequestBody CustomerAssignment r) {
        return meters.assignCustomer(id, r.customerId());
    }

    @Operation(summary = "Put the meter on a tariff, or on none (permission MANAGE_METERS)")
    @PutMapping("/{id}/tariff")
    @PreAuthorize(Can.MANAGE_METERS)
    public MeterView assignTariff(@PathVariable long id, @Valid @RequestBody TariffAssignment r) {
        return meters.assignTariff(id, r.tariffId());
    }

    @Operation(summary = "Change the meter kind: THICK (keypad, own balance) or THIN (wallet in the hub) (permission MANAGE_METERS)")
    @PutMapping("/{id}/kind")
    @PreAuthorize(Can.MANAGE_METERS)
    public MeterView changeKind(@PathVariable long id, @Valid @RequestBody KindChange r) {
        return meters.changeKind(id, r.kind());
    }

    @Operation(summary = "Move the meter to another supply group and/or tariff index; a key change falls due when the decoder "
            + "key changes (permission MANAGE_METERS; audited)")
    @PutMapping("/{id}/sts-parameters")
    @PreAuthorize(Can.MANAGE_METERS)
    @Transactional
    public StsChanged changeStsParameters(@PathVariable long id, @Valid @RequestBody StsChange r, Principal user) {
        Optional<KeyChangeView> change = meters.changeStsParameters(id, r.supplyGroupId(), r.ti(), user.getName());
        MeterView meter = meters.meter(id);
        audit.record(user.getName(), "METER_STS_CHANGED", "meter:" + meter.meterNumber(), "SGC " + meter.sts().sgc() + " TI "
                + meter.sts().ti() + " KRN " + meter.sts().krn() + change.map(c -> ", key change " + c.id() + " due").orElse(""));
        return new StsChanged(meter, change.orElse(null));
    }

    @Operation(summary = "The meter's key changes, oldest first")
    @GetMapping("/{id}/key-changes")
    @PreAuthorize(Can.READ_METERS)
    public List<KeyChangeView> keyChanges(@PathVariable long id) {
        meters.meter(id);
        return meters.keyChanges(id);
    }
}
