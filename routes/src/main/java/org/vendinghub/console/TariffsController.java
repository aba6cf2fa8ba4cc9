package org.vendinghub.console;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.tariff.NewTariff;
import org.vendinghub.ledger.tariff.NewTariffVersion;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.tariff.TariffView;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Tariffs: single rate or steps (blocks by monthly units), fixed monthly fees, tax, validity; new versions; and the
 * calculator that shows what an amount (or a number of units) buys for a meter today.
 */
@Controller("consoleTariffsController")
@RequestMapping("/console/tariffs")
class TariffsController {

    static final String VIEW = "hasAnyAuthority('MANAGE_TARIFFS','VIEW_REPORTS','VEND')";
    static final String MANAGE = "hasAuthority('MANAGE_TARIFFS')";
    static final int BLOCK_ROWS = 5;
    static final int FEE_ROWS = 3;
    private static final Set<String> FIELDS = Set.of("utilityId", "code", "name", "validFrom", "validTo", "taxRate", "blocks", "fees");

    record TariffForm(String utilityId, String code, String name, String validFrom, String validTo, String taxRate,
                      List<String> blockFrom, List<String> blockRate, List<String> feeCode, List<String> feeName,
                      List<String> feeAmount) {
        public String at(List<String> values, int i) {
            return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
        }
    }

    record CalculatorForm(String meterNumber, String amount, String units) {
    }

    /** The tariff's header: its code and name. */
    record HeaderForm(String code, String name) {
    }

    private final TariffService tariffs;
    private final PricingService pricing;
    private final MeterService meters;
    private final Choices choices;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    TariffsController(TariffService tariffs, PricingService pricing, MeterService meters, Choices choices, AuditLog audit,
                      TransactionTemplate tx, Clock clock) {
        this.tariffs = tariffs;
        this.pricing = pricing;
        this.meters = meters;
        this.choices = choices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(Model model) {
        model.addAttribute("tariffs", tariffs.tariffs(PageRequest.of(0, Choices.MAX, Sort.by("id"))).getContent());
        model.addAttribute("calc", new CalculatorForm("", "", ""));
        return "tariffs/list";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newTariff(Model model) {
        String today = java.time.LocalDate.now(clock).toString();
        return form(model, new TariffForm("", "", "", today, "", "", List.of("0"), List.of(""), List.of(), List.of(), List.of()),
                null, new FormErrors());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    String create(TariffForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Long utilityId = new Input(errors).id("utilityId", form.utilityId());
        NewTariffVersion version = version(form, errors);
        if (!errors.any()) {
            try {
                TariffView tariff = tx.execute(status -> {
                    TariffView created = tariffs.create(new NewTariff(utilityId, form.code(), form.name()));
                    tariffs.addVersion(created.id(), version);
                    audit.record(principal.getName(), "TARIFF_CREATED", "tariff:" + created.code(), describe(version));
                    return created;
                });
                flash.addFlashAttribute("notice", "Tariff " + tariff.code() + " created.");
                return "redirect:/console/tariffs/" + tariff.id();
            } catch (ValidationException e) {
                errors.add(e, FIELDS);
            }
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable long id, Model model) {
        TariffView tariff = tariffs.tariff(id);
        return form(model, blankVersion(tariff), tariff, new FormErrors());
    }

    private TariffForm blankVersion(TariffView tariff) {
        String today = java.time.LocalDate.now(clock).toString();
        return new TariffForm(String.valueOf(tariff.utilityId()), tariff.code(), tariff.name(), today, "", "",
                List.of("0"), List.of(""), List.of(), List.of(), List.of());
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize(MANAGE)
    String addVersion(@PathVariable long id, TariffForm form, Principal principal, Model model, RedirectAttributes flash) {
        TariffView tariff = tariffs.tariff(id);
        FormErrors errors = new FormErrors();
        NewTariffVersion version = version(form, errors);
        if (!errors.any()) {
            try {
                tariffs.addVersion(id, version);
                audit.record(principal.getName(), "TARIFF_VERSION_ADDED", "tariff:" + tariff.code(), describe(version));
                flash.addFlashAttribute("notice", "New version of " + tariff.code() + " saved.");
                return "redirect:/console/tariffs/" + id;
            } catch (ValidationException e) {
                errors.add(e, FIELDS);
            }
        }
        return form(model, form, tariff, errors);
    }

    @PostMapping("/{id}")
    @PreAuthorize(MANAGE)
    String updateHeader(@PathVariable long id, HeaderForm header, Principal principal, Model model, RedirectAttributes flash) {
        TariffView before = tariffs.tariff(id);
        FormErrors errors = new FormErrors();
        try {
            TariffView after = tx.execute(status -> {
                TariffView saved = tariffs.updateHeader(id, header.code(), header.name());
                audit.record(principal.getName(), "TARIFF_UPDATED", "tariff:" + before.code(), before.code() + " " + before.name()
                        + " -> " + saved.code() + " " + saved.name());
                return saved;
            });
            flash.addFlashAttribute("notice", "Tariff " + after.code() + " saved.");
            return "redirect:/console/tariffs/" + id;
        } catch (ValidationException e) {
            errors.add(e, Set.of("code", "name"));
        } catch (LedgerRejection e) {
            errors.add("code", e.getMessage());
        }
        model.addAttribute("header", header);
        return form(model, blankVersion(before), before, errors);
    }

    /** What an amount, or a number of units, buys for this meter now. Reads only; with htmx only the result is sent. */
    @GetMapping("/calculator")
    @PreAuthorize(VIEW)
    String calculate(CalculatorForm calc, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        boolean byUnits = Input.optional(calc.units()) != null && Input.optional(calc.amount()) == null;
        long amount = byUnits ? 0 : input.money("amount", calc.amount(), true);
        long units = byUnits ? input.unitsTenths("units", calc.units()) : 0;
        MeterView meter = null;
        if (Input.optional(calc.meterNumber()) == null) {
            errors.add("meterNumber", "is required");
        } else {
            try {
                meter = meters.byNumber(calc.meterNumber().trim());
            } catch (LedgerRejection | ValidationException e) {
                errors.add("meterNumber", "no such meter");
            }
        }
        if (!errors.any()) {
            try {
                Instant now = clock.instant();
                model.addAttribute("quote", byUnits ? pricing.quoteUnits(meter.id(), units, now) : pricing.quoteAmount(meter.id(), amount, now));
            } catch (ValidationException e) {
                errors.add(byUnits ? "units" : "amount", e.getMessage());
            } catch (LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        model.addAttribute("calc", calc);
        model.addAttribute("errors", errors);
        model.addAttribute("meter", meter);
        return htmx != null ? "tariffs/calculator :: result" : "tariffs/calculator";
    }

    private static NewTariffVersion version(TariffForm f, FormErrors errors) {
        Input input = new Input(errors);
        Instant from = input.day("validFrom", f.validFrom());
        if (from == null && !errors.has("validFrom")) {
            errors.add("validFrom", "is required");
        }
        Instant to = input.day("validTo", f.validTo());
        Integer taxBp = Input.optional(f.taxRate()) == null ? null : input.percentBp("taxRate", f.taxRate());
        List<TariffBlock> blocks = new ArrayList<>();
        for (int i = 0; i < BLOCK_ROWS; i++) {
            if (Input.optional(f.at(f.blockRate(), i)) == null && Input.optional(f.at(f.blockFrom(), i)) == null) {
                continue;
            }
            long fromTenths = input.unitsTenths("blockFrom" + i, f.at(f.blockFrom(), i));
            long rate = input.ratePerUnitMinorE4("blockRate" + i, f.at(f.blockRate(), i));
            blocks.add(new TariffBlock(fromTenths, rate));
        }
        if (blocks.isEmpty()) {
            errors.add("blocks", "give at least one rate (a single-rate tariff has one block from 0)");
        }
        List<TariffFee> fees = new ArrayList<>();
        for (int i = 0; i < FEE_ROWS; i++) {
            if (Input.optional(f.at(f.feeCode(), i)) == null && Input.optional(f.at(f.feeAmount(), i)) == null) {
                continue;
            }
            String code = input.required("feeCode" + i, f.at(f.feeCode(), i), 32);
            String name = Input.optional(f.at(f.feeName(), i));
            fees.add(new TariffFee(code, name == null ? code : name, input.money("feeAmount" + i, f.at(f.feeAmount(), i), true)));
        }
        return new NewTariffVersion(from, to, taxBp, blocks, fees);
    }

    private static String describe(NewTariffVersion v) {
        return "valid from " + v.validFrom() + (v.validTo() == null ? "" : " to " + v.validTo()) + ", " + v.blocks().size()
                + " block(s), " + v.fees().size() + " fee(s)";
    }

    private String form(Model model, TariffForm form, TariffView tariff, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("tariff", tariff);
        model.addAttribute("errors", errors);
        model.addAttribute("utilities", choices.utilities());
        model.addAttribute("blockRows", rows(BLOCK_ROWS));
        model.addAttribute("feeRows", rows(FEE_ROWS));
        model.addAttribute("versions", tariff == null ? List.of() : tariffs.versions(tariff.id()));
        if (tariff != null && !model.containsAttribute("header")) {
            model.addAttribute("header", new HeaderForm(tariff.code(), tariff.name()));
        }
        return "tariffs/form";
    }

    private static List<Integer> rows(int n) {
        List<Integer> rows = new ArrayList<>(Collections.nCopies(n, 0));
        for (int i = 0; i < n; i++) {
            rows.set(i, i);
        }
        return rows;
    }
}
