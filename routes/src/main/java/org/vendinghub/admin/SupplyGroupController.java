package org.vendinghub.admin;

import org.vendinghub.keys.VendingKeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.Arrays;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.sts.SecurityModule;

@Tag(name = "supply-groups", description = "STS supply groups and the import of their vending keys")
@RestController
@RequestMapping("/api/v1/supply-groups")
class SupplyGroupController {

    @StrictJson
    @Schema(description = "A supply group. Its vending key is imported separately (permission IMPORT_KEYS).")
    record SupplyGroupRequest(@NotNull(message = "utility id is required") Long utilityId, String name,
                              @Schema(example = "123456") String sgc,
                              @NotNull(message = "KRN is required") Integer krn,
                              @NotNull(message = "key type is required") @Schema(example = "2") Integer keyType,
                              @NotNull(message = "base date is required") @Schema(example = "2014") Integer baseDate,
                              @Schema(example = "04") String dkga, @Schema(example = "11") String ea,
                              @Schema(description = "key id in the security module; default SGC-<sgc>-KRN<krn>") String vendingKeyId) {
    }

    @Schema(description = "A supply group; vendingKeyImported tells whether the security module holds its key")
    record SupplyGroupResponse(long id, long utilityId, String name, String sgc, int krn, int keyType, int baseDate, String dkga,
                               String ea, String vendingKeyId, String keyCheckValue, boolean vendingKeyImported) {
    }

    /** The clear key never leaves this record: it is wiped after parsing, and {@link #toString()} hides it. */
    @StrictJson
    @Schema(description = "The clear vending key in hex: 16 digits for DKGA 02, 40 digits (160 bits) for DKGA 04")
    record VendingKeyImport(@Schema(format = "password") char[] vendingKeyHex) {
        @Override
        public String toString() {
            return "VendingKeyImport[vendingKeyHex=(hidden)]";
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    @Schema(description = "What was imported: the key id and a key check value, never the key")
    record VendingKeyImported(long supplyGroupId, String vendingKeyId, String keyCheckValue, String keyCheckValueMethod) {
    }

    private final UtilityService utilities;
    private final SecurityModule securityModule;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    SupplyGroupController(UtilityService utilities, SecurityModule securityModule, AuditLog audit, TransactionTemplate transaction) {
        this.utilities = utilities;
        this.securityModule = securityModule;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Operation(summary = "List supply groups (permission MANAGE_SUPPLY_GROUPS, IMPORT_KEYS, MANAGE_METERS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_SUPPLY_GROUPS)
    public PageResponse<SupplyGroupResponse> list(@Valid @ParameterObject PageParams paging) {
        return PageResponse.of(utilities.supplyGroups(paging.pageable(Sort.by("id"))), this::response);
    }

    @Operation(summary = "One supply group")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_SUPPLY_GROUPS)
    public SupplyGroupResponse get(@PathVariable long id) {
        return response(utilities.supplyGroup(id));
    }

    @Operation(summary = "Find a supply group by SGC and KRN")
    @GetMapping("/by-code")
    @PreAuthorize(Can.READ_SUPPLY_GROUPS)
    public SupplyGroupResponse byCode(@RequestParam String sgc, @RequestParam int krn) {
        return utilities.supplyGroup(sgc, krn).map(this::response)
                .orElseThrow(() -> NotFoundException.of("supply group", "SGC " + sgc + " KRN " + krn));
    }

    @Operation(summary = "Create a supply group (permission MANAGE_SUPPLY_GROUPS)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_SUPPLY_GROUPS)
    public SupplyGroupResponse create(@Valid @RequestBody SupplyGroupRequest r) {
        String keyId = r.vendingKeyId() == null || r.vendingKeyId().isBlank() ? "SGC-" + r.sgc() + "-KRN" + r.krn() : r.vendingKeyId();
        return response(utilities.createSupplyGroup(new NewSupplyGroup(r.utilityId(), r.name(), r.sgc(), r.krn(), r.keyType(),
                r.baseDate(), r.dkga(), r.ea(), keyId, null)));
    }

    /**
     * Key ceremony: puts the clear vending key into the security module under the supply group's key id and records
     * its key check value. The key is wiped from memory here and in the module; it is never logged, stored in the
     * database or answered.
     */
    @Operation(summary = "Import the supply group's vending key (permission IMPORT_KEYS); answers the key id and a check value only")
    @PostMapping("/{id}/vending-key")
    @PreAuthorize(Can.IMPORT_KEYS)
    public VendingKeyImported importVendingKey(@PathVariable long id, @RequestBody VendingKeyImport body, Principal user) {
        try {
            SupplyGroupView group = utilities.supplyGroup(id);
            String kcv = putIntoSecurityModule(group, body.vendingKeyHex());
            transaction.executeWithoutResult(status -> {
                utilities.changeVendingKey(id, group.vendingKeyId(), kcv);
                audit.record(user.getName(), "KEY_IMPORTED", "supply-group:" + id, "vending key " + group.vendingKeyId()
                        + " of SGC " + group.sgc() + " KRN " + group.krn() + " (DKGA" + group.dkga() + ") imported, KCV " + kcv);
            });
            return new VendingKeyImported(id, group.vendingKeyId(), kcv, VendingKeys.KCV_METHOD);
        } finally {
            if (body.vendingKeyHex() != null) {
                Arrays.fill(body.vendingKeyHex(), '\0');
            }
        }
    }

    private String putIntoSecurityModule(SupplyGroupView group, char[] hex) {
        byte[] key = VendingKeys.parse(hex, group.dkga());
        try {
            String kcv = VendingKeys.checkValue(key);
            securityModule.importVendingKey(group.vendingKeyId(), key);
            return kcv;
        } catch (IllegalArgumentException e) { // the module's own checks (key id, length): messages carry no key material
            throw new ValidationException(VendingKeys.FIELD, e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private SupplyGroupResponse response(SupplyGroupView g) {
        return new SupplyGroupResponse(g.id(), g.utilityId(), g.name(), g.sgc(), g.krn(), g.keyType(), g.baseDate(), g.dkga(), g.ea(),
                g.vendingKeyId(), g.keyCheckValue(), securityModule.hasVendingKey(g.vendingKeyId()));
    }
}
