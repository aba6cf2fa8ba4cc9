package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.vend.VendCheck;
import org.vendinghub.vend.VendRejectedException;
import org.vendinghub.vend.VendRequest;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cash office: check the meter, take the amount (or the units asked for), vend, and go to the receipt; reprint a
 * meter's recent tokens. The form carries a reference made when it was shown, so a double submit replays the first vend
 * instead of selling twice.
 */
@Controller("consoleVendScreenController")
@RequestMapping("/console/vend")
class VendScreenController {

    static final String CHANNEL = "CONSOLE";
    static final String PAYER_CHANNEL = "CASH";
    private static final int REPRINT_MAX = 10;

    /** Exactly one of amount (money, major units) and units (kWh) is filled in. */
    record VendForm(String meterNumber, String amount, String units, String reference) {
    }

    private final VendService vends;

    VendScreenController(VendService vends) {
        this.vends = vends;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('VEND')")
    String form(@RequestParam(required = false) String meterNumber, Model model) {
        return show(model, new VendForm(meterNumber == null ? "" : meterNumber, "", "", UUID.randomUUID().toString()), new FormErrors(), null);
    }

    /** The meter check, as an htmx fragment: who the customer is and whether the meter may be sold to. */
    @GetMapping("/check")
    @PreAuthorize("hasAuthority('VEND')")
    String check(@RequestParam(required = false) String meterNumber, Model model) {
        FormErrors errors = new FormErrors();
        model.addAttribute("check", check(meterNumber, errors));
        model.addAttribute("errors", errors);
        return "vend/form :: check";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('VEND')")
    String vend(VendForm form, Principal principal, Model model) {
        FormErrors errors = new FormErrors();
        VendCheck check = check(form.meterNumber(), errors);
        Purchase purchase = purchase(form, errors);
        if (check != null && !check.canVend()) {
            errors.add("meterNumber", check.reason());
        }
        if (!errors.any()) {
            try {
                Money amount = purchase.amountMinor() == null ? null : Money.of(purchase.amountMinor(), check.currency());
                VendRequest request = new VendRequest(new ChannelRef(CHANNEL, principal.getName() + ":" + form.reference()),
                        check.meterNumber(), amount, purchase.unitsTenths(), Payer.channel(PAYER_CHANNEL), principal.getName(), null, null, Map.of());
                VendView vend = vends.vend(request).vend();
                return "redirect:/console/vend/receipt/" + vend.id();
            } catch (ValidationException e) {
                errors.add(e, Set.of("meterNumber", "amount", "units"));
            } catch (VendRejectedException | LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        return show(model, form, errors, check);
    }

    /** What the customer buys: an amount of money (minor units) or a number of units (tenths), never both. */
    private record Purchase(Long amountMinor, Long unitsTenths) {
    }

    private static Purchase purchase(VendForm form, FormErrors errors) {
        boolean byAmount = Input.optional(form.amount()) != null;
        boolean byUnits = Input.optional(form.units()) != null;
        if (byAmount == byUnits) {
            errors.add("amount", byAmount ? "give an amount or a number of units, not both" : "give an amount, or a number of units");
            return new Purchase(null, null);
        }
        Input input = new Input(errors);
        if (byAmount) {
            return new Purchase(input.money("amount", form.amount(), true), null);
        }
        long tenths = input.unitsTenths("units", form.units());
        if (tenths == 0 && !errors.has("units")) {
            errors.add("units", "must be more than zero");
        }
        return new Purchase(null, tenths);
    }

    /** A meter's recent vends with their tokens; the vend service audits every reprint. */
    @GetMapping("/reprint")
    @PreAuthorize("hasAuthority('VEND')")
    String reprint(@RequestParam(required = false) String meterNumber, Principal principal, Model model) {
        FormErrors errors = new FormErrors();
        List<VendView> recent = List.of();
        if (meterNumber != null && !meterNumber.isBlank()) {
            try {
                recent = vends.recentVends(meterNumber.trim(), REPRINT_MAX, principal.getName());
            } catch (ValidationException | LedgerRejection | VendRejectedException e) {
                errors.add("meterNumber", e.getMessage());
            }
        }
        model.addAttribute("meterNumber", meterNumber == null ? "" : meterNumber);
        model.addAttribute("vends", recent);
        model.addAttribute("errors", errors);
        return "vend/reprint";
    }

    private VendCheck check(String meterNumber, FormErrors errors) {
        if (meterNumber == null || meterNumber.isBlank()) {
            errors.add("meterNumber", "is required");
            return null;
        }
        try {
            return vends.check(meterNumber.trim());
        } catch (ValidationException | LedgerRejection | VendRejectedException e) {
            errors.add("meterNumber", e.getMessage());
            return null;
        }
    }

    private String show(Model model, VendForm form, FormErrors errors, VendCheck check) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("check", check);
        return "vend/form";
    }
}
