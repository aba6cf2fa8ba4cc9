package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.vend.EngineeringRequest;
import org.vendinghub.vend.VendRejectedException;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * Engineering and free tokens for a meter (no money moves): clear credit, clear tamper, a maximum power limit, free
 * units, or the key-change tokens a changed meter is due. Every one needs a reason and is audited by the vend service;
 * the result is a printable receipt. Like the vend form, the form's reference makes a double submit a replay.
 */
@Controller("consoleEngineeringController")
@RequestMapping("/console/vend/engineering")
@PreAuthorize("hasAuthority('ISSUE_ENGINEERING_TOKENS')")
class EngineeringController {

    static final String CHANNEL = "CONSOLE_ENGINEERING";
    /** Clear credit with no register given clears every register. */
    static final long ALL_REGISTERS = 0xFFFF;
    private static final Set<String> FIELDS = Set.of("meterNumber", "type", "value", "reason");

    record EngineeringForm(String meterNumber, String type, String value, String reason, String reference) {
    }

    private final VendService vends;

    EngineeringController(VendService vends) {
        this.vends = vends;
    }

    @GetMapping
    String form(@RequestParam(required = false) String meterNumber, Model model) {
        return show(model, new EngineeringForm(meterNumber == null ? "" : meterNumber, "CLEAR_TAMPER", "", "",
                UUID.randomUUID().toString()), new FormErrors());
    }

    @PostMapping
    String issue(EngineeringForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        EngineeringRequest.Type type = type(form.type(), errors);
        long value = type == null ? 0 : value(type, form.value(), errors);
        if (!errors.any()) {
            try {
                VendView issued = vends.engineering(new EngineeringRequest(new ChannelRef(CHANNEL, principal.getName() + ":" + form.reference()),
                        trim(form.meterNumber()), type, value, principal.getName(), trim(form.reason()))).vend();
                flash.addFlashAttribute("notice", "Engineering token issued: " + type.name().replace('_', ' ').toLowerCase() + ".");
                return "redirect:/console/vend/receipt/" + issued.id();
            } catch (ValidationException e) {
                errors.add(e, FIELDS);
            } catch (NotFoundException e) {
                errors.add("meterNumber", e.getMessage());
            } catch (VendRejectedException e) {
                errors.add("NO_KEY_CHANGE_DUE".equals(e.code()) ? "type" : FormErrors.FORM, e.getMessage());
            } catch (LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        return show(model, form, errors);
    }

    private static EngineeringRequest.Type type(String typed, FormErrors errors) {
        try {
            return EngineeringRequest.Type.valueOf(typed == null ? "" : typed);
        } catch (IllegalArgumentException e) {
            errors.add("type", "choose a token type");
            return null;
        }
    }

    /** Watts for a power limit, kWh (one decimal) for free units, the register (0 to 7, empty for all) for clear credit. */
    private static long value(EngineeringRequest.Type type, String typed, FormErrors errors) {
        Input input = new Input(errors);
        return switch (type) {
            case MAX_POWER_LIMIT -> input.integer("value", typed, 1, 18_201_624);
            case FREE_UNITS -> {
                long tenths = input.unitsTenths("value", typed);
                if (tenths == 0 && !errors.has("value")) {
                    errors.add("value", "must be more than zero");
                }
                yield tenths;
            }
            case CLEAR_CREDIT -> Input.optional(typed) == null ? ALL_REGISTERS : input.integer("value", typed, 0, 7);
            case CLEAR_TAMPER, KEY_CHANGE -> 0;
        };
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private String show(Model model, EngineeringForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", EngineeringRequest.Type.values());
        return "vend/engineering";
    }
}
