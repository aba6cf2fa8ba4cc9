package org.vendinghub.pos;

import io.swagger.v3.oas.annotations.media.Schema;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.vend.VendCheck;
import org.vendinghub.vend.VendView;

import java.time.Instant;
import java.util.List;

/** The JSON the POS terminal API answers with. Money is {amountMinor, currency}; energy is tenths of a kWh. */
final class PosResponses {

    private PosResponses() {
    }

    record Money(long amountMinor, String currency) {
    }

    record Cashier(String login, String name) {
    }

    @Schema(description = "The terminal, its vendor's float, the app version terminal management wants, the server's clock and the open shift")
    record TerminalStatus(String terminalId, long vendorId, String vendorName, Money floatAvailable, Money floatBalance,
                          String appVersion, String wantedAppVersion,
                          @Schema(description = "true when the terminal should update to wantedAppVersion") boolean updateWanted,
                          Instant serverTime, Shift openShift, Cashier cashier) {
    }

    @Schema(description = "A cashier's session on this terminal: send sessionToken as X-POS-Session with the terminal's credentials")
    record Session(String sessionToken, String header, Instant idleUntil, Instant validUntil, Cashier cashier, Shift openShift) {
    }

    @Schema(description = "A shift with its batch totals (live while open, final once closed)")
    record Shift(long shiftId, int shiftNo, String status, String openedBy, Instant openedAt, String closedBy, Instant closedAt,
                 Money openingFloat, Money closingFloat, Totals totals) {

        static Shift of(PosShifts.Shift s, PosShiftTotals t) {
            return new Shift(s.id(), s.shiftNo(), s.status(), s.openedBy(), s.openedAt(), s.closedBy(), s.closedAt(),
                    new Money(s.openingFloatMinor(), t.currency()),
                    s.closingFloatMinor() == null ? null : new Money(s.closingFloatMinor(), t.currency()), Totals.of(t));
        }
    }

    @Schema(description = "Batch totals: sales (every credit vend that issued a token), reversals, net = sales - reversals "
            + "(what stays debited from the vendor's float), tokens per type, refused and unfinished requests, reprints")
    record Totals(String currency, PosShiftTotals.Sum sales, PosShiftTotals.Sum reversals, PosShiftTotals.Sum net,
                  PosShiftTotals.Tokens tokens, long refusedCount, long inProgressCount, long reprints) {

        static Totals of(PosShiftTotals t) {
            return new Totals(t.currency(), t.sales(), t.reversals(), t.net(), t.tokens(), t.refusedCount(), t.inProgressCount(),
                    t.reprints());
        }
    }

    record Token(String kind, String description, String token,
                 @Schema(description = "the token in blocks of four digits, as printed", example = "1234 5678 9012 3456 7890") String formatted,
                 Long tid, boolean testToken) {
    }

    record Line(String kind, String label, long amountMinor, long unitsTenths) {
    }

    record Price(String currency, long tenderedMinor, long energyMinor, long taxMinor, long feesMinor, long debtMinor,
                 long unitsTenths, List<Line> lines) {

        static Price of(PriceBreakdown p) {
            return p == null ? null : new Price(p.currency(), p.tenderedMinor(), p.energyMinor(), p.taxMinor(), p.feesMinor(),
                    p.debtMinor(), p.unitsTenths(), p.lines().stream()
                    .map(l -> new Line(l.kind().name(), l.label(), l.amountMinor(), l.unitsTenths())).toList());
        }
    }

    record Failure(String code, String message) {
    }

    @Schema(description = "A POS vend: status, receipt number, tokens, the price split, and the vendor's float after it")
    record Vend(String vendId, String clientRef, String status, String receiptNo, String meterNumber, String purpose, Money amount,
                Long unitsTenths, List<Token> tokens, Price price, Failure failure, Instant createdAt, Instant issuedAt,
                Money floatAvailable) {

        static Vend of(VendView v, Money floatAvailable) {
            String clientRef = v.channelRef().substring(v.channelRef().indexOf(':') + 1);
            return new Vend(v.id(), clientRef, v.status().name(), v.status().hasTokens() ? v.receiptNo() : null, v.meterNumber(),
                    v.purpose(), v.amountMinor() == null ? null : new Money(v.amountMinor(), v.currency()), v.unitsTenths(),
                    v.tokens().stream().map(t -> new Token(t.kind(), t.description(), t.token(), t.formatted(), t.tid(), t.testToken())).toList(),
                    v.status().hasTokens() ? Price.of(v.breakdown()) : null,
                    v.failureCode() == null ? null : new Failure(v.failureCode(), v.failureMessage()), v.createdAt(), v.issuedAt(),
                    floatAvailable);
        }
    }

    @Schema(description = "What the cashier confirms before taking money")
    record MeterCheck(String meterNumber, boolean canVend, String reasonCode, String reason, String customerName, String customerAddress,
                      String accountNumber, String utilityName, String currency, long minAmountMinor, long maxAmountMinor,
                      long feesDueMinor, long debtOutstandingMinor, int debtRecoveryBp, boolean keyChangeDue, String tariffName) {

        static MeterCheck of(VendCheck c) {
            return new MeterCheck(c.meterNumber(), c.canVend(), c.reasonCode(), c.reason(), c.customerName(), c.customerAddress(),
                    c.accountNumber(), c.utilityName(), c.currency(), c.minAmountMinor(), c.maxAmountMinor(), c.feesDueMinor(),
                    c.debtOutstandingMinor(), c.debtRecoveryBp(), c.keyChangeDue(), c.tariffName());
        }
    }
}
