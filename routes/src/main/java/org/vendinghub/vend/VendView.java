package org.vendinghub.vend;

import org.vendinghub.ledger.pricing.PriceBreakdown;

import java.time.Instant;
import java.util.List;

/** A vend as the hub knows it now: what was asked, where it is, what it issued. */
public record VendView(String id, long receiptSeq, String channel, String channelRef, String meterNumber, Long meterId,
                       String purpose, VendStatus status, Long amountMinor, String currency, Long unitsRequested,
                       Long unitsTenths, PriceBreakdown breakdown, List<VendToken> tokens, String failureCode,
                       String failureMessage, String deliveryStatus, int deliveryAttempts, String deliveryDetail, String refundStatus,
                       String createdBy, Instant createdAt, Instant issuedAt, String payloadHash) {

    public String receiptNo() {
        return receiptNo(receiptSeq);
    }

    /** The receipt number every receipt, report and page prints for a vend's sequence number. */
    public static String receiptNo(long receiptSeq) {
        String digits = Long.toString(receiptSeq); // not String.format: this runs for every vend answered
        return "R" + "0".repeat(Math.max(0, 9 - digits.length())) + digits;
    }

    public boolean testTokens() {
        return tokens.stream().anyMatch(VendToken::testToken);
    }
}
