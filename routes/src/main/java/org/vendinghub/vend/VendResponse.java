package org.vendinghub.vend;

import org.vendinghub.ledger.pricing.BreakdownLine;
import org.vendinghub.ledger.pricing.PriceBreakdown;

import java.time.Instant;
import java.util.List;

/** A vend as the API shows it: status, tokens (grouped in fours as printed), units, the price lines and a receipt. */
record VendResponse(String vendId, String status, String meterNumber, Money amount, Long unitsTenths, List<Token> tokens,
                    Receipt receipt, Failure failure, Delivery delivery, Instant createdAt, Instant issuedAt) {

    record Money(long amountMinor, String currency) {
    }

    record Token(String kind, String description, String token, String formatted, Long tid, long value, boolean testToken) {
    }

    record Line(String kind, String label, long amountMinor, long unitsTenths) {
    }

    record Receipt(String receiptNo, String currency, long tenderedMinor, long energyMinor, long taxMinor, long feesMinor,
                   long debtMinor, long unitsTenths, List<Line> lines) {
    }

    record Failure(String code, String message) {
    }

    /**
     * How the token went out by SMS or e-mail: NONE (nobody asked), PENDING, SENT, FAILED (a transient fault, tried again
     * later) or REJECTED (refused for good); {@code attempts} counts rounds; {@code detail} says why the last one failed.
     */
    record Delivery(String status, int attempts, String detail) {
    }

    static VendResponse of(VendView v) {
        List<Token> tokens = v.tokens().stream()
                .map(t -> new Token(t.kind(), t.description(), t.token(), t.formatted(), t.tid(), t.value(), t.testToken())).toList();
        return new VendResponse(v.id(), v.status().name(), v.meterNumber(),
                v.amountMinor() == null ? null : new Money(v.amountMinor(), v.currency()), v.unitsTenths(), tokens,
                receipt(v), v.failureCode() == null ? null : new Failure(v.failureCode(), v.failureMessage()),
                new Delivery(v.deliveryStatus(), v.deliveryAttempts(), v.deliveryDetail()), v.createdAt(), v.issuedAt());
    }

    private static Receipt receipt(VendView v) {
        PriceBreakdown p = v.breakdown();
        if (p == null || !v.status().hasTokens()) {
            return null;
        }
        List<Line> lines = p.lines().stream().map(VendResponse::line).toList();
        return new Receipt(v.receiptNo(), p.currency(), p.tenderedMinor(), p.energyMinor(), p.taxMinor(), p.feesMinor(),
                p.debtMinor(), p.unitsTenths(), lines);
    }

    private static Line line(BreakdownLine l) {
        return new Line(l.kind().name(), l.label(), l.amountMinor(), l.unitsTenths());
    }
}
