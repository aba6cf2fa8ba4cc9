package org.vendinghub.ledger.sale;

import org.vendinghub.domain.VendId;

/**
 * The ledger ids of one vend's transfers, derived from the vend id so that every retry of every step reuses them
 * (the ledger answers EXISTS for a replay). "vend:" + 36-character UUID + suffix stays within 56 characters.
 */
final class VendTransferIds {

    private VendTransferIds() {
    }

    static String reserve(VendId v) {
        return "vend:" + v + ":reserve";
    }

    static String post(VendId v) {
        return "vend:" + v + ":post";
    }

    static String voidOf(VendId v) {
        return "vend:" + v + ":void";
    }

    static String split(VendId v, String part) {
        return "vend:" + v + ":" + part;
    }
}
