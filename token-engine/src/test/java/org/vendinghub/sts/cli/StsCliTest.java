package org.vendinghub.sts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vendinghub.sts.MiniJson;
import org.vendinghub.sts.Vectors;
import org.vendinghub.sts.Vectors.Vector;

/** The command-line tool, in-process: exit codes, one JSON object on stdout, one message on stderr. */
class StsCliTest {

    private static final String[] KEY04 = {"--vk", "abababababababab949494949494949401234567", "--dkga", "04", "--ea", "11",
        "--pan", "600727000000000009", "--kt", "2", "--sgc", "123457", "--ti", "01", "--krn", "1", "--base-date", "1993"};

    record Result(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) MiniJson.parse(out);
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
    }

    static String[] cmd(String command, String[] key, String... more) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(List.of(key));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    static String[] keyOptions(Map<String, Object> m, String prefix) {
        return new String[] {"--" + prefix + "vk", (String) m.get("vk"), "--" + prefix + "dkga", (String) m.get("dkga"),
            "--" + prefix + "ea", (String) m.get("ea"), "--" + prefix + "kt", String.valueOf(m.get("kt")),
            "--" + prefix + "sgc", (String) m.get("sgc"), "--" + prefix + "ti", (String) m.get("ti"),
            "--" + prefix + "krn", String.valueOf(m.get("krn")), "--" + prefix + "base-date", String.valueOf(m.get("base_date"))};
    }

    static Stream<Arguments> tokenVectors() {
        return Vectors.ofKind("token");
    }

    static Stream<Arguments> kctVectors() {
        return Vectors.ofKind("kct");
    }

    static Stream<Arguments> class1Vectors() {
        return Vectors.ofKind("class1");
    }

    @ParameterizedTest
    @MethodSource("tokenVectors")
    void generate_and_decode_every_token_vector(Vector v) {
        List<String> args = new ArrayList<>(List.of(keyOptions(v.input(), "")));
        args.addAll(List.of("--pan", v.in("pan"), "--class", v.in("class"), "--subclass", v.in("subclass"),
                "--rnd", v.in("rnd"), "--issued-at", v.in("date")));
        if (v.has("amount_units")) {
            args.addAll(List.of("--units", v.in("amount_units")));
        } else if (v.has("value_watts")) {
            args.addAll(List.of("--watts", v.in("value_watts")));
        } else if (v.has("register")) {
            args.addAll(List.of("--register", v.in("register")));
        } else {
            args.addAll(List.of("--pad", v.in("pad")));
        }
        Result r = run(cmd("generate", args.toArray(new String[0])));
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.json()).containsEntry("token", v.out("token")).containsEntry("testToken", false);

        Result d = run(cmd("decode", keyOptions(v.input(), ""), "--pan", v.in("pan"), "--token", v.out("token")));
        assertThat(d.code()).isZero();
        assertThat(d.json()).containsEntry("crcOk", true).containsEntry("rnd", v.inLong("rnd"))
                .containsEntry("class", v.inLong("class")).containsEntry("subclass", v.inLong("subclass"))
                .containsEntry("issuedAt", r.json().get("issuedAt")).containsEntry("raw", r.json().get("raw"));
    }

    @ParameterizedTest
    @MethodSource("kctVectors")
    @SuppressWarnings("unchecked")
    void keychange_gives_every_kct_vector(Vector v) {
        Map<String, Object> old = (Map<String, Object>) v.input().get("old_key");
        Map<String, Object> next = (Map<String, Object>) v.input().get("new_key");
        List<String> args = new ArrayList<>(List.of(keyOptions(old, "")));
        args.addAll(List.of(keyOptions(next, "new-")));
        args.addAll(List.of("--pan", (String) old.get("pan"), "--ken", v.in("ken"), "--ro", v.in("ro")));
        Result r = run(cmd("keychange", args.toArray(new String[0])));
        assertThat(r.err()).isEmpty();
        List<Object> tokens = (List<Object>) r.json().get("tokens");
        assertThat(tokens).hasSize(4);
        assertThat(tokens.get((int) v.inLong("section") - 1)).isEqualTo(v.out("token"));
    }

    @ParameterizedTest
    @MethodSource("class1Vectors")
    void class1_tokens_need_no_key(Vector v) {
        Result r = run("generate", "--class", "1", "--subclass", v.in("subclass"), "--mfr", v.in("mfr"),
                "--control", v.in("control"));
        assertThat(r.json()).containsEntry("token", v.out("token"));
        Result d = run("decode", "--token", v.out("token"));
        assertThat(d.json()).containsEntry("crcOk", true).containsEntry("mfr", v.inLong("mfr"))
                .containsEntry("control", v.in("control"));
    }

    @Test
    void ea07_tokens_from_sample_tables_are_test_tokens_and_iin_drn_works() {
        Result r = run("generate", "--vk", "ABABABABABABABAB", "--dkga", "02", "--ea", "07", "--iin", "600727", "--drn",
                "00000000000", "--kt", "2", "--sgc", "123456", "--ti", "01", "--krn", "1", "--base-date", "1993",
                "--class", "0", "--subclass", "0", "--tid", "5000", "--raw", "180223", "--rnd", "3");
        assertThat(r.code()).isZero();
        assertThat(r.json()).containsEntry("testToken", true).containsEntry("raw", 180224L).containsEntry("units", "18022.4");
        Result d = run("decode", "--vk", "ABABABABABABABAB", "--pan", "600727000000000009", "--kt", "2", "--sgc", "123456",
                "--ti", "1", "--krn", "1", "--base-date", "1993", "--token", (String) r.json().get("token"));
        assertThat(d.json()).containsEntry("tid", 5000L).containsEntry("raw", 180224L).containsEntry("crcOk", true);
        Result kc = run("keychange", "--vk", "ABABABABABABABAB", "--pan", "600727000000000009", "--kt", "2", "--sgc",
                "123456", "--ti", "1", "--krn", "1", "--base-date", "1993", "--new-krn", "2");
        assertThat((List<?>) kc.json().get("tokens")).hasSize(2);
        assertThat(kc.json()).containsEntry("testToken", true);
    }

    @Test
    void errors_exit_non_zero_with_one_clear_message() {
        Result badPan = run(cmd("generate", KEY04, "--pan", "600727000000000008", "--class", "0", "--subclass", "0",
                "--tid", "10", "--units", "1"));
        assertThat(badPan.code()).isEqualTo(StsCli.USAGE); // --pan given twice
        String[] key = KEY04.clone();
        key[7] = "600727000000000008";
        assertError(run(cmd("generate", key, "--class", "0", "--subclass", "0", "--tid", "10", "--units", "1")),
                "error: PAN 600727000000000008 has check digit 8, expected 9");
        assertError(run(cmd("generate", KEY04, "--class", "0", "--subclass", "0", "--tid", "10", "--units", "1820162.5")),
                "error: amount 18201625 exceeds the maximum of 18201624");
        assertError(run(cmd("generate", KEY04, "--class", "0", "--subclass", "0", "--issued-at", "2024-11-24T20:16",
                "--units", "1")), "error: date 2024-11-24T20:16 is beyond the TID range of base date 1993 (last: 2024-11-24T20:15)");
        assertError(run(cmd("decode", KEY04, "--token", "73786976294838206464")),
                "error: token 73786976294838206464 is not below 2^66");
        assertError(run(cmd("generate", KEY04, "--class", "2", "--subclass", "3", "--tid", "10", "--raw", "1")),
                "error: class 2 subclass 3 is a key change section: use the keychange command");
        assertError(run(cmd("generate", KEY04, "--class", "0", "--subclass", "0", "--tid", "10", "--watts", "1")),
                "error: --watts does not apply to class 0 subclass 0; use --units or --raw");
        Result unknown = run(cmd("generate", KEY04, "--class", "0", "--subclass", "0", "--tid", "10", "--units", "1", "--foo", "1"));
        assertThat(unknown.code()).isEqualTo(StsCli.USAGE);
        assertThat(unknown.err()).isEqualTo("error: unknown option --foo (sts-cli help for usage)");
        assertThat(run("frobnicate").err()).isEqualTo("error: unknown command 'frobnicate' (sts-cli help for usage)");
    }

    @Test
    void wrong_key_decodes_with_crc_not_ok() {
        String[] key = KEY04.clone();
        key[15] = "2"; // KRN 2
        Result d = run(cmd("decode", key, "--token", "59386323472137426967"));
        assertThat(d.code()).isZero();
        assertThat(d.out()).isEqualTo("{\"class\":0,\"crcOk\":false}");
    }

    @Test
    void bench_reports_three_rates() {
        Result r = run("bench", "--seconds", "1");
        assertThat(r.code()).isZero();
        assertThat(r.json()).containsKeys("dkga02Ea07PerSecond", "dkga04Ea11PerSecond", "cachedKeyEa07PerSecond");
        assertThat((Long) r.json().get("dkga02Ea07PerSecond")).isPositive();
    }

    private static void assertError(Result r, String message) {
        assertThat(r.code()).isEqualTo(StsCli.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(message);
    }
}
