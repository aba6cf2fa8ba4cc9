package org.vendinghub.sts;

import org.vendinghub.sts.token.Tid;
import org.vendinghub.sts.token.UnitsCoding;

/**
 * Class 2 management tokens that carry a TID: SetMaximumPowerLimit (0, watts), ClearCredit (1, register:
 * 0..7 or 0xFFFF for all), SetTariffRate (2, raw 16 bits), ClearTamperCondition (5, pad, normally 0),
 * SetMaximumPhasePowerUnbalanceLimit (6, watts) and SetWaterMeterFactor (7, raw 16 bits). Watts use the
 * 16-bit amount coding and are rounded up; the others are 16-bit binary.
 */
public record ManagementTokenRequest(int subclass, long value, long tid, int rnd) implements TokenRequest {

    public static final int SET_MAXIMUM_POWER_LIMIT = 0;
    public static final int CLEAR_CREDIT = 1;
    public static final int SET_TARIFF_RATE = 2;
    public static final int CLEAR_TAMPER_CONDITION = 5;
    public static final int SET_MAXIMUM_PHASE_POWER_UNBALANCE_LIMIT = 6;
    public static final int SET_WATER_METER_FACTOR = 7;
    /** ClearCredit register value that clears every register. */
    public static final int ALL_REGISTERS = 0xFFFF;

    public ManagementTokenRequest {
        if (subclass == 3 || subclass == 4 || subclass == 8 || subclass == 9) {
            throw new IllegalArgumentException("class 2 subclass " + subclass
                    + " is a key change section: use KeyChangeRequest");
        }
        if (subclass < 0 || subclass > 7) {
            throw new IllegalArgumentException("management token subclass must be 0, 1, 2, 5, 6 or 7, not " + subclass);
        }
        if (isWatts(subclass)) {
            UnitsCoding.encode(value);
        } else if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("management token value must be 0..65535, not " + value);
        }
        Tid.validate(tid);
        TokenRequest.checkRnd(rnd);
    }

    public static ManagementTokenRequest of(int subclass, long value, long tid) {
        return new ManagementTokenRequest(subclass, value, tid, RANDOM_RND);
    }

    /** True for the subclasses whose value is in watts with the 16-bit amount coding (0 and 6). */
    public static boolean isWatts(int subclass) {
        return subclass == SET_MAXIMUM_POWER_LIMIT || subclass == SET_MAXIMUM_PHASE_POWER_UNBALANCE_LIMIT;
    }
}
