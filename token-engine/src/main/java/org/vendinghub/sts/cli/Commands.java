package org.vendinghub.sts.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.vendinghub.sts.CreditTokenRequest;
import org.vendinghub.sts.DecodedToken;
import org.vendinghub.sts.IssuedToken;
import org.vendinghub.sts.KeyChangeRequest;
import org.vendinghub.sts.ManagementTokenRequest;
import org.vendinghub.sts.MeterTestTokenRequest;
import org.vendinghub.sts.TokenEngine;
import org.vendinghub.sts.TokenRequest;
import org.vendinghub.sts.crypto.StaTables;
import org.vendinghub.sts.token.Tid;
import org.vendinghub.sts.token.TokenNumber;

/** The generate, decode and keychange commands; each returns one JSON object. */
final class Commands {

    /** Options a class 1 token does not need but may be given out of habit. */
    private static final String[] KEY_OPTIONS = {"vk", "dkga", "ea", "pan", "iin", "drn", "kt", "sgc", "ti", "krn",
        "base-date", "rnd", "sta-tables"};

    private Commands() {
    }

    static String generate(Args a) {
        int tokenClass = a.intValue("class");
        int subclass = a.intValue("subclass");
        if (tokenClass == 1) {
            a.ignore(KEY_OPTIONS);
            long control = hex(a.get("control"), "control");
            IssuedToken t = TokenEngine.meterTest(new MeterTestTokenRequest(subclass, control, a.intValue("mfr")));
            a.checkAllUsed();
            return new Json().put("token", t.token()).put("class", 1).put("subclass", subclass)
                    .put("mfr", a.intValue("mfr")).put("control", Long.toHexString(control).toUpperCase())
                    .put("testToken", false).toString();
        }
        if (tokenClass != 0 && tokenClass != 2) {
            throw new IllegalArgumentException("class must be 0, 1 or 2, not " + tokenClass);
        }
        TokenEngine engine = engine(a);
        KeyOptions key = KeyOptions.current(a);
        long tid = tid(a, key);
        int rnd = a.intOr("rnd", TokenRequest.RANDOM_RND);
        long requested = value(a, tokenClass, subclass);
        TokenRequest request = tokenClass == 0 ? new CreditTokenRequest(subclass, requested, tid, rnd)
                : new ManagementTokenRequest(subclass, requested, tid, rnd);
        a.checkAllUsed();
        IssuedToken t = engine.issue(key.decoderKey, key.meter, request);
        Json json = new Json().put("token", t.token()).put("class", tokenClass).put("subclass", subclass)
                .put("tid", tid);
        if (t.rnd() >= 0) {
            json.put("rnd", t.rnd());
        }
        json.put("testToken", t.testToken())
                .put("issuedAt", Tid.toDateTime(tid, key.meter.baseDate()).toString())
                .put("requestedRaw", requested).put("raw", t.value());
        return withUnits(json, tokenClass, subclass, t.value()).toString();
    }

    static String decode(Args a) {
        String token = a.get("token");
        TokenNumber.Parsed parsed = TokenNumber.parse(token);
        DecodedToken d;
        KeyOptions key = null;
        if (parsed.tokenClass() == 1) {
            a.ignore(KEY_OPTIONS);
            d = TokenEngine.withSampleTables().decode(null, null, token);
        } else {
            key = KeyOptions.current(a);
            d = engine(a).decode(key.decoderKey, key.meter.ea(), token);
        }
        a.checkAllUsed();
        Json json = new Json().put("class", d.tokenClass());
        if (!d.crcOk()) {
            return json.put("crcOk", false).toString();
        }
        json.put("subclass", d.subclass()).put("kind", d.kind().name());
        switch (d.kind()) {
            case METER_TEST:
                json.put("mfr", d.mfrCode()).put("control", Long.toHexString(d.control()).toUpperCase());
                break;
            case KEY_CHANGE:
                keySection(json, d);
                break;
            case CREDIT:
            case CURRENCY_CREDIT:
            case MANAGEMENT:
                if (d.kind() != DecodedToken.Kind.CURRENCY_CREDIT) {
                    json.put("rnd", d.rnd());
                }
                json.put("tid", d.tid()).put("issuedAt", Tid.toDateTime(d.tid(), key.meter.baseDate()).toString())
                        .put("raw", d.value());
                withUnits(json, d.tokenClass(), d.subclass(), d.value());
                break;
            default:
                break;
        }
        return json.put("crcOk", true).toString();
    }

    static String keyChange(Args a) {
        TokenEngine engine = engine(a);
        String vkHex = a.get("vk");
        KeyOptions current = KeyOptions.current(a);
        KeyOptions next = KeyOptions.next(a, current.meter, vkHex);
        int ken = a.intOr("ken", KeyChangeRequest.KEN_NEVER);
        int ro = a.intOr("ro", 0);
        if (ro != 0 && ro != 1) {
            throw new IllegalArgumentException("RO must be 0 or 1, not " + ro);
        }
        a.checkAllUsed();
        List<IssuedToken> set = engine.keyChange(current.decoderKey, current.meter, next.decoderKey,
                new KeyChangeRequest("cli", next.meter, ken, ro == 1));
        List<String> tokens = new ArrayList<>();
        set.forEach(t -> tokens.add(t.token()));
        return new Json().put("tokens", tokens).put("sections", tokens.size())
                .put("testToken", set.get(0).testToken()).toString();
    }

    private static void keySection(Json json, DecodedToken d) {
        int section = d.keySection();
        json.put("section", section).put("keyPart", String.format("%08X", d.keyPart()));
        if (section == 1) {
            json.put("kenHigh", d.kenHalf()).put("krn", d.krn()).put("ro", d.rollover() ? 1 : 0)
                    .put("res3kct", d.res3kct()).put("kt", d.keyType());
        } else if (section == 2) {
            json.put("kenLow", d.kenHalf()).put("ti", d.ti());
        } else {
            json.put(section == 3 ? "sgcLow" : "sgcHigh", d.sgcPart());
        }
    }

    private static Json withUnits(Json json, int tokenClass, int subclass, long value) {
        if (tokenClass == 0) {
            return subclass < 4 ? json.put("units", BigDecimal.valueOf(value, 1).toPlainString())
                    : json.put("currency", BigDecimal.valueOf(value, 5).toPlainString());
        }
        return ManagementTokenRequest.isWatts(subclass) ? json.put("watts", value) : json;
    }

    private static TokenEngine engine(Args a) {
        String file = a.optional("sta-tables");
        if (file == null) {
            return TokenEngine.withSampleTables();
        }
        try {
            return new TokenEngine(StaTables.load(Path.of(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read STA tables " + file + ": " + e.getMessage());
        }
    }

    private static long tid(Args a, KeyOptions key) {
        if (a.has("tid") == a.has("issued-at")) {
            throw new Args.UsageException("give exactly one of --tid and --issued-at");
        }
        if (a.has("tid")) {
            return Tid.validate(a.longValue("tid"));
        }
        String at = a.get("issued-at");
        try {
            return Tid.of(LocalDateTime.parse(at), key.meter.baseDate());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--issued-at must be YYYY-MM-DDTHH:MM, not '" + at + "'");
        }
    }

    /** The one value option that fits the class and subclass, in the token's base unit. */
    private static long value(Args a, int tokenClass, int subclass) {
        String option = valueOption(tokenClass, subclass);
        for (String other : new String[] {"units", "currency", "raw", "watts", "register", "rate", "pad", "factor"}) {
            if (!other.equals(option) && !other.equals("raw") && a.has(other)) {
                throw new IllegalArgumentException("--" + other + " does not apply to class " + tokenClass
                        + " subclass " + subclass + "; use --" + option + " or --raw");
            }
        }
        if (a.has("raw") && a.has(option)) {
            throw new Args.UsageException("give either --" + option + " or --raw, not both");
        }
        if (a.has("raw")) {
            return a.longValue("raw");
        }
        if (option.equals("units") || option.equals("currency")) {
            return decimal(a.get(option), option.equals("units") ? 1 : 5, option);
        }
        if (option.equals("pad") && !a.has("pad")) {
            return 0;
        }
        return a.longValue(option);
    }

    private static String valueOption(int tokenClass, int subclass) {
        if (tokenClass == 0) {
            return subclass >= 4 ? "currency" : "units";
        }
        switch (subclass) {
            case 0: case 6: return "watts";
            case 1: return "register";
            case 2: return "rate";
            case 5: return "pad";
            case 7: return "factor";
            case 3: case 4: case 8: case 9:
                throw new IllegalArgumentException("class 2 subclass " + subclass
                        + " is a key change section: use the keychange command");
            default:
                throw new IllegalArgumentException("management token subclass must be 0, 1, 2, 5, 6 or 7, not "
                        + subclass);
        }
    }

    private static long hex(String text, String option) {
        if (!text.matches("[0-9A-Fa-f]{1,16}")) {
            throw new IllegalArgumentException("option --" + option + " must be hex, not '" + text + "'");
        }
        return Long.parseUnsignedLong(text, 16);
    }

    /** A decimal amount in base units (10^-scale), rounded up in favour of the customer. */
    private static long decimal(String text, int scale, String option) {
        try {
            return new BigDecimal(text).movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("option --" + option + " must be a decimal number, not '" + text + "'");
        }
    }
}
