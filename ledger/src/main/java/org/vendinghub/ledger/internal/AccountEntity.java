package org.vendinghub.ledger.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.AccountView;

import java.time.Instant;

/** A ledger account row. Balances change only through {@link LedgerEngine}, under a row lock. */
@Entity
@Table(name = "ledger_account")
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AccountType type;

    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "owner_ref", nullable = false, length = 64)
    private String ownerRef;

    @Column(name = "debits_must_not_exceed_credits", nullable = false)
    private boolean debitsMustNotExceedCredits;

    @Column(name = "credits_must_not_exceed_debits", nullable = false)
    private boolean creditsMustNotExceedDebits;

    @Column(name = "credit_limit_minor", nullable = false)
    private long creditLimitMinor;

    @Column(name = "debits_pending", nullable = false)
    private long debitsPending;

    @Column(name = "debits_posted", nullable = false)
    private long debitsPosted;

    @Column(name = "credits_pending", nullable = false)
    private long creditsPending;

    @Column(name = "credits_posted", nullable = false)
    private long creditsPosted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountEntity() {
    }

    public AccountEntity(AccountType type, String currency, String ownerRef, Instant createdAt) {
        this.type = type;
        this.currency = currency;
        this.ownerRef = ownerRef;
        this.debitsMustNotExceedCredits = type.rule() == AccountType.Rule.DEBITS_MUST_NOT_EXCEED_CREDITS;
        this.creditsMustNotExceedDebits = type.rule() == AccountType.Rule.CREDITS_MUST_NOT_EXCEED_DEBITS;
        this.createdAt = createdAt;
    }

    public AccountView view() {
        return new AccountView(id, type, currency, ownerRef, creditLimitMinor, debitsPending, debitsPosted,
                creditsPending, creditsPosted, createdAt);
    }

    /** What may still be debited: credits + limit - all debits, posted or reserved. */
    long debitHeadroom() {
        return creditsPosted + creditLimitMinor - debitsPosted - debitsPending;
    }

    /** What may still be credited before credits exceed debits. */
    long creditHeadroom() {
        return debitsPosted - creditsPosted - creditsPending;
    }

    void reserveDebit(long amount) {
        debitsPending = Math.addExact(debitsPending, amount);
    }

    void reserveCredit(long amount) {
        creditsPending = Math.addExact(creditsPending, amount);
    }

    void postDebit(long amount) {
        debitsPosted = Math.addExact(debitsPosted, amount);
    }

    void postCredit(long amount) {
        creditsPosted = Math.addExact(creditsPosted, amount);
    }

    void releaseDebit(long amount) {
        debitsPending = Math.subtractExact(debitsPending, amount);
        assert debitsPending >= 0 : "debits_pending went negative on account " + id;
    }

    void releaseCredit(long amount) {
        creditsPending = Math.subtractExact(creditsPending, amount);
        assert creditsPending >= 0 : "credits_pending went negative on account " + id;
    }

    void setCreditLimitMinor(long creditLimitMinor) {
        this.creditLimitMinor = creditLimitMinor;
    }

    public Long getId() {
        return id;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isDebitsMustNotExceedCredits() {
        return debitsMustNotExceedCredits;
    }

    public boolean isCreditsMustNotExceedDebits() {
        return creditsMustNotExceedDebits;
    }
}
