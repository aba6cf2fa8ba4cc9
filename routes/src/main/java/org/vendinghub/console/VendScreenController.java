package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.NotFoundException;
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
 * The cash office: check the meter, take the amount, vend, print the receipt; reprint a meter's recent tokens. The
 * form carries a reference made when it was shown, so a double submit replays the first vend instead of selling twice.
 */
@Controller("consoleVendScreenController")
@RequestMapping("/console/vend")
class VendScreenController {

    static final String CHANNEL = "CONSOLE";
    static final String PAYER_CHANNEL = "CASH";
    private static final int REPRINT_MAX = 10;

    record VendForm(String meterNumber, String amount, String reference) {
    }

    private final VendService vends;

    VendScreenController(VendService vends) {
        this.vends = vends;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('VEND')")
    String form(@RequestParam(required = false) String meterNumber, Model model) {
        return show(model, new VendForm(meterNumber == null ? "" : meterNumber, "", UUID.randomUUID().toString()), new FormErrors(), null);
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
        long amount = new Input(errors).money("amount", form.amount(), true);
        if (check != null && !check.canVend()) {
            errors.add("meterNumber", check.reason());
        }
        if (!errors.any()) {
            try {
                VendRequest request = new VendRequest(new ChannelRef(CHANNEL, principal.getName() + ":" + form.reference()),
                        check.meterNumber(), Money.of(amount, check.currency()), null, Payer.channel(PAYER_CHANNEL),
                        principal.getName(), null, null, Map.of());
                VendView vend = vends.vend(request).vend();
                return "redirect:/console/vend/receipt/" + vend.id();
            } catch (ValidationException e) {
                errors.add(e, Set.of("meterNumber", "amount"));
            } catch (VendRejectedException | LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        return show(model, form, errors, check);
    }

    @GetMapping("/receipt/{id}")
    @PreAuthorize("hasAnyAuthority('VEND','VIEW_VENDS')")
    String receipt(@PathVariable String id, Model model) {
        VendView vend = vends.find(VendId.parse(id)).orElseThrow(() -> NotFoundException.of("vend", id));
        model.addAttribute("vend", vend);
        return "vend/receipt";
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
