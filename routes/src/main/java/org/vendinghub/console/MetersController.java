package org.vendinghub.console;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.meter.MeterKind;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.meter.NewMeter;

import java.security.Principal;
import java.util.List;
import java.util.Set;

/**
 * Meters: search by number, register, block/unblock, STS parameters (key change), tariff and customer, and the meter's
 * token history with links to an audited reprint of each receipt.
 */
@Controller("consoleMetersController")
@RequestMapping("/console/meters")
class MetersController {

    static final String MANAGE = "hasAuthority('MANAGE_METERS')";
    private static final Set<String> FIELDS = Set.of("utilityId", "meterNumber", "iin", "supplyGroupId", "ti", "kind", "tariffId", "customerId");

    record MeterForm(String utilityId, String meterNumber, String iin, String supplyGroupId, String ti, String kind,
                     String tariffId, String customerId) {
    }

    record StsForm(String supplyGroupId, String ti) {
    }

    static final int HISTORY_PAGE_SIZE = 20;

    private final MeterService meters;
    private final TokenHistory history;
    private final Choices choices;
    private final AuditLog audit;

    MetersController(MeterService meters, TokenHistory history, Choices choices, AuditLog audit) {
        this.meters = meters;
        this.history = history;
        this.choices = choices;
        this.audit = audit;
    }

    /** With htmx (HX-Request) only the result table is answered, for search-as-you-type. */
    @GetMapping
    @PreAuthorize(CustomersController.VIEW)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) MeterStatus status,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        Page<MeterView> found;
        if (q != null && !q.isBlank()) {
            found = new PageImpl<>(byNumber(q.trim()));
        } else {
            found = meters.meters(status, PageRequest.of(Math.max(0, page), 25, Sort.by("id").descending()));
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("meters", found);
        return htmx != null ? "meters/list :: results" : "meters/list";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newMeter(@RequestParam(required = false) String customerId, Model model) {
        return form(model, new MeterForm("", "", "600727", "", "01", "THICK", "", customerId == null ? "" : customerId), new FormErrors());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    String register(MeterForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        Long utilityId = input.id("utilityId", form.utilityId());
        Long supplyGroupId = input.id("supplyGroupId", form.supplyGroupId());
        Long tariffId = input.optionalLong("tariffId", form.tariffId());
        Long customerId = input.optionalLong("customerId", form.customerId());
        MeterKind kind = "THIN".equals(form.kind()) ? MeterKind.THIN : MeterKind.THICK;
        if (!errors.any()) {
            try {
                MeterView meter = meters.register(new NewMeter(utilityId, form.meterNumber(), form.iin(), supplyGroupId, form.ti(), kind,
                        tariffId, customerId));
                audit.record(principal.getName(), "METER_REGISTERED", "meter:" + meter.meterNumber(), "supply group " + supplyGroupId);
                flash.addFlashAttribute("notice", "Meter " + meter.meterNumber() + " registered.");
                return "redirect:/console/meters/" + meter.id();
            } catch (ValidationException e) {
                errors.add(e, FIELDS);
            } catch (NotFoundException e) {
                errors.form(e.getMessage());
            }
        }
        return form(model, form, errors);
    }

    @GetMapping("/{id}")
    @PreAuthorize(CustomersController.VIEW)
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        return detail(model, meters.meter(id), new FormErrors(), page);
    }

    @PostMapping("/{id}/block")
    @PreAuthorize(MANAGE)
    String block(@PathVariable long id, @RequestParam(required = false) String reason, Principal principal, Model model,
                 RedirectAttributes flash) {
        try {
            MeterView meter = meters.block(id, reason);
            audit.record(principal.getName(), "METER_BLOCKED", "meter:" + meter.meterNumber(), reason);
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors();
            errors.add("reason", e.getMessage());
            return detail(model, meters.meter(id), errors);
        }
        flash.addFlashAttribute("notice", "Meter blocked: no tokens will be sold for it.");
        return "redirect:/console/meters/" + id;
    }

    @PostMapping("/{id}/unblock")
    @PreAuthorize(MANAGE)
    String unblock(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        MeterView meter = meters.unblock(id);
        audit.record(principal.getName(), "METER_UNBLOCKED", "meter:" + meter.meterNumber(), "");
        flash.addFlashAttribute("notice", "Meter unblocked.");
        return "redirect:/console/meters/" + id;
    }

    @PostMapping("/{id}/sts")
    @PreAuthorize(MANAGE)
    String changeSts(@PathVariable long id, StsForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Long supplyGroupId = new Input(errors).id("supplyGroupId", form.supplyGroupId());
        if (!errors.any()) {
            try {
                var change = meters.changeStsParameters(id, supplyGroupId, form.ti(), principal.getName());
                audit.record(principal.getName(), "METER_STS_CHANGED", "meter:" + meters.meter(id).meterNumber(),
                        "supply group " + supplyGroupId + ", TI " + form.ti() + (change.isPresent() ? ", key change tokens due" : ""));
                flash.addFlashAttribute("notice", change.isPresent()
                        ? "STS parameters changed: key change tokens are due with the next vend." : "STS parameters unchanged.");
                return "redirect:/console/meters/" + id;
            } catch (ValidationException e) {
                errors.add(e, Set.of("supplyGroupId", "ti"));
            }
        }
        return detail(model, meters.meter(id), errors);
    }

    @PostMapping("/{id}/tariff")
    @PreAuthorize(MANAGE)
    String assignTariff(@PathVariable long id, @RequestParam(required = false) String tariffId, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Long tariff = new Input(errors).optionalLong("tariffId", tariffId);
        if (!errors.any()) {
            try {
                meters.assignTariff(id, tariff);
                flash.addFlashAttribute("notice", "Tariff assigned.");
                return "redirect:/console/meters/" + id;
            } catch (ValidationException e) {
                errors.add("tariffId", e.getMessage());
            }
        }
        return detail(model, meters.meter(id), errors);
    }

    private List<MeterView> byNumber(String number) {
        try {
            return List.of(meters.byNumber(number));
        } catch (NotFoundException | ValidationException e) {
            return List.of();
        }
    }

    private String form(Model model, MeterForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("utilities", choices.utilities());
        model.addAttribute("supplyGroups", choices.supplyGroups());
        model.addAttribute("tariffs", choices.tariffs());
        return "meters/new";
    }

    private String detail(Model model, MeterView meter, FormErrors errors) {
        return detail(model, meter, errors, 0);
    }

    /** The meter, its key changes, and one page of its token history (newest first). */
    private String detail(Model model, MeterView meter, FormErrors errors, int historyPage) {
        model.addAttribute("meter", meter);
        model.addAttribute("history", history.ofMeter(meter.meterNumber(), PageRequest.of(Math.max(0, historyPage), HISTORY_PAGE_SIZE)));
        model.addAttribute("errors", errors);
        model.addAttribute("keyChanges", meters.keyChanges(meter.id()));
        model.addAttribute("supplyGroups", choices.supplyGroups());
        model.addAttribute("tariffs", choices.tariffs());
        return "meters/show";
    }
}
