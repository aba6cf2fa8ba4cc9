package org.vendinghub.ledger.meter;

import org.vendinghub.domain.StsParameters;

import java.time.Instant;

/** A decoder-key change of a meter: tokens for it are made under {@code from} (the old key) and install {@code to}. */
public record KeyChangeView(long id, long meterId, StsParameters from, StsParameters to, String status, String requestedBy,
                            Instant requestedAt, Instant issuedAt) {
}
