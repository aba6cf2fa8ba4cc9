package org.vendinghub.ledger;

import org.vendinghub.domain.ValidationException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Transfers that stand or fall together in a batch (a linked chain): full posts of pending transfers first, then new
 * transfers, in order. One vend's reservation is a unit; its post with the splits is another.
 */
public record TransferUnit(List<PostPending> posts, List<NewTransfer> transfers) {

    public TransferUnit {
        posts = List.copyOf(posts);
        transfers = List.copyOf(transfers);
        ValidationException.require(!posts.isEmpty() || !transfers.isEmpty(), "transfers", "a unit needs at least one transfer");
        ValidationException.require(posts.stream().allMatch(p -> p.amountMinor() == null), "amountMinor",
                "batched posts are full posts");
    }

    /** The ids this unit creates, posts first. */
    public Set<String> ownIds() {
        Set<String> ids = new LinkedHashSet<>();
        posts.forEach(p -> ids.add(p.id()));
        transfers.forEach(t -> ids.add(t.id()));
        return ids;
    }
}
