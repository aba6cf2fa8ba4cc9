package org.vendinghub.sts.cli;

import java.util.Arrays;

import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.Pan;
import org.vendinghub.sts.crypto.Bytes;
import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.DecoderKeyGenerator;

/**
 * The key options of a meter: {@code --vk --dkga --ea --pan|--iin --drn --kt --sgc --ti --krn --base-date}
 * (or the {@code --new-} forms for a key change, which default to the current values). DKGA defaults
 * from the key length (8 bytes: 02, 20 bytes: 04) and EA from the DKGA (02: 07, 04: 11).
 */
final class KeyOptions {

    final MeterKeyParams meter;
    final DecoderKey decoderKey;

    private KeyOptions(MeterKeyParams meter, DecoderKey decoderKey) {
        this.meter = meter;
        this.decoderKey = decoderKey;
    }

    static KeyOptions current(Args a) {
        String pan = a.has("pan") ? a.get("pan") : iinDrn(a);
        byte[] vk = Bytes.fromHex(a.get("vk"));
        try {
            Dkga dkga = a.has("dkga") ? Dkga.of(a.get("dkga")) : vk.length == 8 ? Dkga.DKGA02 : Dkga.DKGA04;
            Ea ea = a.has("ea") ? Ea.of(a.get("ea")) : dkga == Dkga.DKGA02 ? Ea.EA07 : Ea.EA11;
            MeterKeyParams meter = new MeterKeyParams(pan, a.get("sgc"), a.intValue("ti"), a.intValue("krn"),
                    a.intValue("kt"), BaseDate.of(a.intValue("base-date")), dkga, ea);
            return new KeyOptions(meter, DecoderKeyGenerator.of(dkga, vk).derive(meter));
        } finally {
            Arrays.fill(vk, (byte) 0);
        }
    }

    /** The new key of a key change: each {@code --new-} option defaults to the current value. */
    static KeyOptions next(Args a, MeterKeyParams current, String currentVkHex) {
        byte[] vk = Bytes.fromHex(a.getOr("new-vk", currentVkHex));
        try {
            Dkga dkga = a.has("new-dkga") ? Dkga.of(a.get("new-dkga")) : current.dkga();
            Ea ea = a.has("new-ea") ? Ea.of(a.get("new-ea")) : current.ea();
            BaseDate base = a.has("new-base-date") ? BaseDate.of(a.intValue("new-base-date")) : current.baseDate();
            MeterKeyParams meter = new MeterKeyParams(current.pan(), a.getOr("new-sgc", current.sgc()),
                    a.intOr("new-ti", current.ti()), a.intOr("new-krn", current.krn()), a.intOr("new-kt", current.kt()),
                    base, dkga, ea);
            return new KeyOptions(meter, DecoderKeyGenerator.of(dkga, vk).derive(meter));
        } finally {
            Arrays.fill(vk, (byte) 0);
        }
    }

    private static String iinDrn(Args a) {
        if (!a.has("iin") && !a.has("drn")) {
            throw new Args.UsageException("missing option --pan (or --iin and --drn)");
        }
        return Pan.of(a.get("iin"), a.get("drn"));
    }
}
