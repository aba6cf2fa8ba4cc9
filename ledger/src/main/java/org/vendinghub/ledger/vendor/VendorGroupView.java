package org.vendinghub.ledger.vendor;

public record VendorGroupView(long id, String name) {
}
