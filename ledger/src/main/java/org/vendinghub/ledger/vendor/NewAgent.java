package org.vendinghub.ledger.vendor;

public record NewAgent(String name, String phone, int commissionBp) {
}
