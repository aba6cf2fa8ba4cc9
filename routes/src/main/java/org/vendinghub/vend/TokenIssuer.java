package org.vendinghub.vend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.StsParameters;
import org.vendinghub.ledger.meter.KeyChangeView;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.meter.Tids;
import org.vendinghub.sts.CreditTokenRequest;
import org.vendinghub.sts.IssuedToken;
import org.vendinghub.sts.KeyChangeRequest;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.SecurityModule;
import org.vendinghub.sts.TokenRequest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Makes the tokens of one vend through the security module. Must run inside the transaction that persists them:
 * it takes TIDs from the meter row (locked), and marks due key changes issued.
 */
@Component
class TokenIssuer {

    /** The credit token's subclass: electricity. Water and gas meters would carry their own. */
    private static final int ELECTRICITY = 0;

    private final MeterService meters;
    private final MeterKeys keys;
    private final SecurityModule hsm;
    private final VendProperties properties;

    TokenIssuer(MeterService meters, MeterKeys keys, SecurityModule hsm, VendProperties properties) {
        this.meters = meters;
        this.keys = keys;
        this.hsm = hsm;
        this.properties = properties;
    }

    record Issued(long creditedTenths, List<VendToken> tokens) {
    }

    /** Key-change tokens first when the meter's key changed (under its old key), then the credit token (under the new). */
    Issued creditWithDueKeyChanges(MeterView meter, long unitsTenths, Instant now) {
        List<VendToken> out = new ArrayList<>(keyChangeTokens(meter));
        long tid = meters.allocateTids(meter.id(), nowMinutes(meter.sts(), now), 1).get(0);
        VendToken credit = creditToken(meter, tid, unitsTenths, out.size() + 1, keys::vendingKeyId);
        out.add(credit);
        return new Issued(credit.value(), out);
    }

    /**
     * The tokens of a credit vend in a batch, from what the batch holds under its locks: the meter's due key changes
     * and the credit token's TID. Nothing is written; the caller stores the tokens, the TID and the key changes.
     */
    Issued creditInBatch(MeterView meter, List<KeyChangeView> due, long tid, long unitsTenths, Function<StsParameters, String> keyIds) {
        List<VendToken> out = new ArrayList<>(keyChangeTokens(meter, due, keyIds));
        VendToken credit = creditToken(meter, tid, unitsTenths, out.size() + 1, keyIds);
        out.add(credit);
        return new Issued(credit.value(), out);
    }

    /** Minutes since the meter's base date now: the TID a token made now would carry, before the meter's sequence. */
    long nowMinutes(StsParameters sts, Instant now) {
        return Tids.minutesSinceBaseDate(LocalDateTime.ofInstant(now, properties.stsZone()), sts.baseDate());
    }

    private VendToken creditToken(MeterView meter, long tid, long unitsTenths, int seq, Function<StsParameters, String> keyIds) {
        IssuedToken credit = hsm.issue(keyIds.apply(meter.sts()), keys.params(meter, meter.sts()),
                CreditTokenRequest.units(ELECTRICITY, unitsTenths, tid)).get(0);
        return line(seq, "CREDIT", "Credit " + tenths(credit.value()) + " kWh", credit);
    }

    /** Management or free-credit tokens for an operator, each with its own TID. */
    List<VendToken> engineering(MeterView meter, List<TokenRequestFactory> requests, Instant now) {
        List<VendToken> out = new ArrayList<>(keyChangeTokens(meter));
        List<Long> tids = meters.allocateTids(meter.id(), nowMinutes(meter.sts(), now), requests.size());
        for (int i = 0; i < requests.size(); i++) {
            TokenRequestFactory factory = requests.get(i);
            IssuedToken token = issueOne(meter, factory.request(tids.get(i)));
            out.add(line(out.size() + 1, "ENGINEERING", factory.description(), token));
        }
        return out;
    }

    /** Key-change sets due on the meter (2 tokens for a 64-bit key, 4 for 128-bit), marked issued in this transaction. */
    List<VendToken> keyChangeTokens(MeterView meter) {
        List<KeyChangeView> due = meters.dueKeyChanges(meter.id());
        List<VendToken> out = keyChangeTokens(meter, due, keys::vendingKeyId);
        due.forEach(change -> meters.markKeyChangeIssued(change.id()));
        return out;
    }

    private List<VendToken> keyChangeTokens(MeterView meter, List<KeyChangeView> due, Function<StsParameters, String> keyIds) {
        List<VendToken> out = new ArrayList<>();
        for (KeyChangeView change : due) {
            MeterKeyParams from = keys.params(meter, change.from());
            MeterKeyParams to = keys.params(meter, change.to());
            boolean rollover = change.from().baseDate() != change.to().baseDate();
            List<IssuedToken> set = hsm.keyChange(keyIds.apply(change.from()), from,
                    new KeyChangeRequest(keyIds.apply(change.to()), to, KeyChangeRequest.KEN_NEVER, rollover));
            for (int i = 0; i < set.size(); i++) {
                out.add(line(out.size() + 1, "KEY_CHANGE", "Key change " + (i + 1) + " of " + set.size(), set.get(i)));
            }
        }
        return out;
    }

    private IssuedToken issueOne(MeterView meter, TokenRequest request) {
        return hsm.issue(keys.vendingKeyId(meter.sts()), keys.params(meter, meter.sts()), request).get(0);
    }

    private static VendToken line(int seq, String kind, String description, IssuedToken t) {
        return new VendToken(seq, kind, description, t.token(), t.tokenClass(), t.subclass(), t.hasTid() ? t.tid() : null,
                t.value(), t.testToken());
    }

    static String tenths(long tenths) {
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** An engineering token still to be given its TID. */
    interface TokenRequestFactory {
        TokenRequest request(long tid);

        String description();
    }
}
