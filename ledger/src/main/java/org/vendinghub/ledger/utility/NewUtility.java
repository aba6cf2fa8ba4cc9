package org.vendinghub.ledger.utility;

/** Create or replace a utility's details. */
public record NewUtility(String name, String currency, int taxRateBp, String address, String taxReference) {
}
