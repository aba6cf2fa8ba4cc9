package org.vendinghub.ledger;

import java.util.List;

/** A {@link TransferUnit}'s results (CREATED, or EXISTS when the whole unit was recorded before), or why it was refused. */
public record UnitResult(List<TransferResult> results, RuntimeException refusal) {

    public UnitResult {
        results = List.copyOf(results);
    }

    public boolean ok() {
        return refusal == null;
    }

    /** True when this call recorded the unit (not a replay of an earlier one). */
    public boolean created() {
        return ok() && !results.isEmpty() && results.get(0).created();
    }
}
