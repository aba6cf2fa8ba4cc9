package org.vendinghub.console;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.customer.NewCustomer;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.NewDebt;
import org.vendinghub.ledger.meter.MeterService;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Customers: search by name or account number, create, edit, their meters and debts. */
@Controller("consoleCustomersController")
@RequestMapping("/console/customers")
class CustomersController {

    static final String VIEW = "hasAnyAuthority('MANAGE_CUSTOMERS','MANAGE_METERS','VIEW_VENDS')";
    static final String MANAGE = "hasAuthority('MANAGE_CUSTOMERS')";
    private static final Set<String> FIELDS = Set.of("utilityId", "accountNumber", "name", "phone", "email", "address");

    record CustomerForm(String utilityId, String accountNumber, String name, String phone, String email, String address) {
        static CustomerForm of(CustomerView c) {
            return new CustomerForm(String.valueOf(c.utilityId()), c.accountNumber(), c.name(), c.phone(), c.email(), c.address());
        }
    }

    record DebtForm(String description, String amount, String recovery, String cap) {
    }

    private final CustomerService customers;
    private final MeterService meters;
    private final DebtService debts;
    private final Choices choices;

    CustomersController(CustomerService customers, MeterService meters, DebtService debts, Choices choices) {
        this.customers = customers;
        this.meters = meters;
        this.debts = debts;
        this.choices = choices;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<CustomerView> byName = customers.customers(q, PageRequest.of(Math.max(0, page), 25, Sort.by("id").descending()));
        List<CustomerView> found = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            choices.utilities().forEach(u -> customers.byAccountNumber(u.id(), q.trim()).ifPresent(found::add));
        }
        byName.forEach(c -> {
            if (found.stream().noneMatch(f -> f.id() == c.id())) {
                found.add(c);
            }
        });
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("customers", found);
        model.addAttribute("page", byName);
        return "customers/list";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newCustomer(Model model) {
        return form(model, new CustomerForm("", "", "", "", "", ""), null, new FormErrors());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    String create(CustomerForm form, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Long utilityId = new Input(errors).id("utilityId", form.utilityId());
        if (!errors.any()) {
            try {
                CustomerView created = customers.create(command(utilityId, form));
                flash.addFlashAttribute("notice", "Customer " + created.accountNumber() + " created.");
                return "redirect:/console/customers/" + created.id();
            } catch (ValidationException e) {
                errors.add(e, FIELDS);
            }
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable long id, Model model) {
        CustomerView customer = customers.customer(id);
        return form(model, CustomerForm.of(customer), customer, new FormErrors());
    }

    @PostMapping("/{id}")
    @PreAuthorize(MANAGE)
    String update(@PathVariable long id, CustomerForm form, Model model, RedirectAttributes flash) {
        CustomerView customer = customers.customer(id);
        FormErrors errors = new FormErrors();
        try {
            customers.update(id, command(customer.utilityId(), form));
            flash.addFlashAttribute("notice", "Customer saved.");
            return "redirect:/console/customers/" + id;
        } catch (ValidationException e) {
            errors.add(e, FIELDS);
            return form(model, form, customer, errors);
        }
    }

    @PostMapping("/{id}/debts")
    @PreAuthorize(MANAGE)
    String addDebt(@PathVariable long id, DebtForm debt, Principal principal, Model model, RedirectAttributes flash) {
        CustomerView customer = customers.customer(id);
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        long amount = input.money("amount", debt.amount(), true);
        int recovery = input.percentBp("recovery", debt.recovery());
        Long cap = Input.optional(debt.cap()) == null ? null : input.money("cap", debt.cap(), true);
        if (!errors.any()) {
            try {
                debts.register(new NewDebt("console:" + UUID.randomUUID(), id, debt.description(), amount, recovery, cap,
                        principal.getName()));
                flash.addFlashAttribute("notice", "Debt registered.");
                return "redirect:/console/customers/" + id;
            } catch (ValidationException e) {
                errors.add(e.field().equals("amountMinor") ? "amount" : e.field().equals("recoveryBp") ? "recovery" : e.field(), e.getMessage());
            }
        }
        model.addAttribute("debtForm", debt);
        return form(model, CustomerForm.of(customer), customer, errors);
    }

    private static NewCustomer command(long utilityId, CustomerForm f) {
        return new NewCustomer(utilityId, f.accountNumber(), f.name(), Input.optional(f.phone()), Input.optional(f.email()),
                Input.optional(f.address()));
    }

    private String form(Model model, CustomerForm form, CustomerView customer, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        model.addAttribute("errors", errors);
        model.addAttribute("utilities", choices.utilities());
        if (!model.containsAttribute("debtForm")) {
            model.addAttribute("debtForm", new DebtForm("", "", "", ""));
        }
        if (customer != null) {
            model.addAttribute("meters", meters.metersOfCustomer(customer.id()));
            model.addAttribute("debts", debts.debtsOfCustomer(customer.id()));
        }
        return "customers/form";
    }

}
