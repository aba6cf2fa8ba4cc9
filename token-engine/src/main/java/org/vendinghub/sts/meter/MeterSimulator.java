package org.vendinghub.sts.meter;

import java.util.Arrays;
import java.util.List;

import org.vendinghub.sts.DecodedToken;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.KeyChangeRequest;
import org.vendinghub.sts.ManagementTokenRequest;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.TokenEngine;
import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.DecoderKeyGenerator;
import org.vendinghub.sts.crypto.StaTables;
import org.vendinghub.sts.token.TokenNumber;

/**
 * A virtual STS meter: decoder key state, TID memory with the Old/Used rules, KEN expiry, key change
 * sections collected in any order and applied together (RO clears the TID memory), credit registers per
 * class 0 subclass, maximum power limit, tamper flag and a load switch that opens when the electricity
 * credit runs out. {@link #enter(String)} answers with the meter's result code. Not thread-safe (a meter
 * takes one token at a time).
 */
public final class MeterSimulator {

    private final TokenEngine engine;
    private final Ea ea;
    private final int mfrCode;
    private final long creditLimit;
    private final TidMemory tidMemory;
    private final KeyChangeCollector keyChange;
    private final long[] credit = new long[8];
    private DecoderKey decoderKey;
    private int kt;
    private int krn;
    private int ti;
    private int sgc;
    private int ken;
    private long maxPowerLimitWatts = -1;
    private long phaseUnbalanceLimitWatts = -1;
    private int tariffRate;
    private int waterMeterFactor;
    private boolean tampered;
    private long lastTestControl = -1;
    private MeterResult lastResult;

    private MeterSimulator(Builder b) {
        this.engine = new TokenEngine(b.staTables);
        this.ea = b.meter.ea();
        this.mfrCode = b.mfrCode;
        this.creditLimit = b.creditLimit;
        this.tidMemory = new TidMemory(b.tidMemorySize, b.manufactureTid);
        this.keyChange = new KeyChangeCollector(ea.keyChangeTokens());
        this.decoderKey = b.decoderKey;
        this.kt = b.meter.kt();
        this.krn = b.meter.krn();
        this.ti = b.meter.ti();
        this.sgc = b.meter.sgcValue();
        this.ken = b.ken;
    }

    /**
     * Test path: a meter whose decoder key is derived from a clear vending key (the caller's array is not
     * changed). Sample STA tables, TID memory pre-filled with 0, KEN 255.
     */
    public static MeterSimulator forMeter(MeterKeyParams meter, byte[] vendingKey) {
        return builder(meter, DecoderKeyGenerator.of(meter.dkga(), vendingKey).derive(meter)).build();
    }

    /** Test path with the TID memory pre-filled with the manufacture TID. */
    public static MeterSimulator forMeter(MeterKeyParams meter, byte[] vendingKey, long manufactureTid) {
        return builder(meter, DecoderKeyGenerator.of(meter.dkga(), vendingKey).derive(meter))
                .manufactureTid(manufactureTid).build();
    }

    public static Builder builder(MeterKeyParams meter, DecoderKey decoderKey) {
        return new Builder(meter, decoderKey);
    }

    /** Enters a 20-digit token, as on the keypad. */
    public MeterResult enter(String token) {
        lastResult = process(token);
        return lastResult;
    }

    private MeterResult process(String token) {
        TokenNumber.Parsed parsed;
        try {
            parsed = TokenNumber.parse(token);
        } catch (IllegalArgumentException e) {
            return MeterResult.FORMAT_ERROR;
        }
        if (parsed.tokenClass() == 3) {
            return MeterResult.FORMAT_ERROR;
        }
        DecodedToken t = parsed.tokenClass() == 1
                ? DecodedToken.of(1, parsed.block())
                : DecodedToken.of(parsed.tokenClass(), engine.decrypt(decoderKey, ea, parsed.block()));
        if (!t.crcOk()) {
            return MeterResult.CRC_ERROR;
        }
        switch (t.kind()) {
            case METER_TEST:
                return meterTest(t);
            case KEY_CHANGE:
                return keyChangeSection(t);
            case CREDIT:
            case CURRENCY_CREDIT:
            case MANAGEMENT:
                return withTid(t);
            default:
                return MeterResult.FUNCTION_ERROR;
        }
    }

    private MeterResult meterTest(DecodedToken t) {
        if (t.mfrCode() != mfrCode) {
            return MeterResult.MFR_CODE_ERROR;
        }
        lastTestControl = t.control();
        return MeterResult.ACCEPT;
    }

    private MeterResult withTid(DecodedToken t) {
        boolean isCredit = t.tokenClass() == 0;
        if (isCredit && kt == MeterKeyParams.KT_DDTK) {
            return MeterResult.DDTK_ERROR;
        }
        long tid = t.tid();
        if ((tid >>> 16) > ken) {
            return MeterResult.KEY_EXPIRED;
        }
        MeterResult tidResult = tidMemory.check(tid);
        if (tidResult != null) {
            return tidResult;
        }
        MeterResult applied = isCredit ? applyCredit(t) : applyManagement(t);
        if (applied == MeterResult.ACCEPT) {
            tidMemory.store(tid);
        }
        return applied;
    }

    private MeterResult applyCredit(DecodedToken t) {
        long value;
        try {
            value = t.value();
        } catch (IllegalArgumentException e) {
            return MeterResult.RANGE_ERROR;
        }
        long total = credit[t.subclass()] + value;
        if (total > creditLimit) {
            return MeterResult.OVERFLOW_ERROR;
        }
        if (total < 0) {
            return MeterResult.RANGE_ERROR;
        }
        credit[t.subclass()] = total;
        return MeterResult.ACCEPT;
    }

    private MeterResult applyManagement(DecodedToken t) {
        switch (t.subclass()) {
            case ManagementTokenRequest.SET_MAXIMUM_POWER_LIMIT:
                maxPowerLimitWatts = t.value();
                return MeterResult.ACCEPT;
            case ManagementTokenRequest.CLEAR_CREDIT:
                return clearCredit(t.field16());
            case ManagementTokenRequest.SET_TARIFF_RATE:
                tariffRate = t.field16();
                return MeterResult.ACCEPT;
            case ManagementTokenRequest.CLEAR_TAMPER_CONDITION:
                tampered = false;
                return MeterResult.ACCEPT;
            case ManagementTokenRequest.SET_MAXIMUM_PHASE_POWER_UNBALANCE_LIMIT:
                phaseUnbalanceLimitWatts = t.value();
                return MeterResult.ACCEPT;
            case ManagementTokenRequest.SET_WATER_METER_FACTOR:
                waterMeterFactor = t.field16();
                return MeterResult.ACCEPT;
            default:
                return MeterResult.FUNCTION_ERROR;
        }
    }

    private MeterResult clearCredit(int register) {
        if (register == ManagementTokenRequest.ALL_REGISTERS) {
            Arrays.fill(credit, 0);
            return MeterResult.ACCEPT;
        }
        if (register > 7) {
            return MeterResult.RANGE_ERROR;
        }
        credit[register] = 0;
        return MeterResult.ACCEPT;
    }

    private MeterResult keyChangeSection(DecodedToken t) {
        int section = t.keySection();
        if (!keyChange.accepts(section)) {
            return MeterResult.FUNCTION_ERROR;
        }
        if (section == 1 && t.keyType() == MeterKeyParams.KT_DCTK) {
            return MeterResult.KEY_TYPE_ERROR; // DCTK only for magnetic cards; this is a keypad meter
        }
        if (!keyChange.add(t)) {
            return section == 1 ? MeterResult.FIRST_KCT : MeterResult.SECOND_KCT;
        }
        installNewKey();
        return MeterResult.ACCEPT;
    }

    private void installNewKey() {
        DecoderKey next = ea.keyBits() == 64
                ? DecoderKey.of64(keyChange.keyLow())
                : DecoderKey.of128(keyChange.keyHigh(), keyChange.keyLow());
        DecodedToken first = keyChange.section(1);
        decoderKey.destroy();
        decoderKey = next;
        kt = first.keyType();
        krn = first.krn();
        ti = keyChange.section(2).ti();
        ken = keyChange.ken();
        if (keyChange.sgc() >= 0) {
            sgc = keyChange.sgc();
        }
        if (first.rollover()) {
            tidMemory.reset();
        }
        keyChange.clear();
    }

    /** Applies consumption to the electricity register (subclass 0), in 0.1 kWh; returns what was consumed. */
    public long consume(long tenths) {
        return consume(0, tenths);
    }

    /** Applies consumption to a register; credit never goes below zero. Returns what was consumed. */
    public long consume(int subclass, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("consumption must not be negative, not " + amount);
        }
        checkRegister(subclass);
        long used = Math.min(amount, credit[subclass]);
        credit[subclass] -= used;
        return used;
    }

    /** Credit register of a class 0 subclass: 0.1 units (0..3) or 10^-5 currency (4..7). */
    public long credit(int subclass) {
        checkRegister(subclass);
        return credit[subclass];
    }

    /** Closed (supply on) while there is electricity credit in units (0) or currency (4). */
    public boolean loadSwitchClosed() {
        return credit[0] > 0 || credit[4] > 0;
    }

    /** Sets the tamper condition, as a meter does when its cover is opened. */
    public void tamper() {
        tampered = true;
    }

    public boolean tampered() {
        return tampered;
    }

    /** The maximum power limit in watts, or -1 when none was set. */
    public long maxPowerLimitWatts() {
        return maxPowerLimitWatts;
    }

    /** The maximum phase power unbalance limit in watts, or -1 when none was set. */
    public long phaseUnbalanceLimitWatts() {
        return phaseUnbalanceLimitWatts;
    }

    public int tariffRate() {
        return tariffRate;
    }

    public int waterMeterFactor() {
        return waterMeterFactor;
    }

    public int keyType() {
        return kt;
    }

    public int keyRevision() {
        return krn;
    }

    public int tariffIndex() {
        return ti;
    }

    public int supplyGroupCode() {
        return sgc;
    }

    public int keyExpiryNumber() {
        return ken;
    }

    /** The control bits of the last accepted class 1 token, or -1. */
    public long lastTestControl() {
        return lastTestControl;
    }

    public MeterResult lastResult() {
        return lastResult;
    }

    /** The stored TIDs, oldest first. */
    public List<Long> tidMemory() {
        return tidMemory.snapshot();
    }

    @Override
    public String toString() {
        return "MeterSimulator[" + ea + ", KRN " + krn + ", KT " + kt + ", TI " + ti + ", key redacted]";
    }

    private static void checkRegister(int subclass) {
        if (subclass < 0 || subclass > 7) {
            throw new IllegalArgumentException("credit register must be 0..7, not " + subclass);
        }
    }

    /** Meter settings; defaults: sample STA tables, manufacture TID 0, 50 TIDs, KEN 255, MfrCode from the PAN. */
    public static final class Builder {
        private final MeterKeyParams meter;
        private final DecoderKey decoderKey;
        private StaTables staTables = StaTables.sample();
        private long manufactureTid;
        private int tidMemorySize = 50;
        private int ken = 255;
        private int mfrCode;
        private long creditLimit = 999_999_999L;

        private Builder(MeterKeyParams meter, DecoderKey decoderKey) {
            if (decoderKey == null || decoderKey.bits() != meter.ea().keyBits()) {
                throw new IllegalArgumentException(meter.ea() + " needs a " + meter.ea().keyBits() + "-bit decoder key");
            }
            this.meter = meter;
            this.decoderKey = decoderKey.copy();
            this.mfrCode = meter.mfrCode();
        }

        public Builder staTables(StaTables tables) {
            this.staTables = tables;
            return this;
        }

        /** The TID the memory is pre-filled with (the manufacture time). */
        public Builder manufactureTid(long tid) {
            this.manufactureTid = tid;
            return this;
        }

        public Builder tidMemorySize(int size) {
            this.tidMemorySize = size;
            return this;
        }

        public Builder keyExpiryNumber(int keyExpiryNumber) {
            KeyChangeRequest.checkKen(keyExpiryNumber);
            this.ken = keyExpiryNumber;
            return this;
        }

        public Builder mfrCode(int code) {
            this.mfrCode = code;
            return this;
        }

        /** Largest value a credit register may hold; more gives "Overflow". */
        public Builder creditLimit(long limit) {
            this.creditLimit = limit;
            return this;
        }

        public MeterSimulator build() {
            return new MeterSimulator(this);
        }
    }
}
