package org.vendinghub.ledger.vendor;

/** An agent earns {@code commissionBp} basis points of the sales of the vendors assigned to it. */
public record AgentView(long id, String name, String phone, int commissionBp) {
}
