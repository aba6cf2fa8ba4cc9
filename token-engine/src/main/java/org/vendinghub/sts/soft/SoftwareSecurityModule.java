package org.vendinghub.sts.soft;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.vendinghub.sts.DecodedToken;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.IssuedToken;
import org.vendinghub.sts.KeyChangeRequest;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.MeterTestTokenRequest;
import org.vendinghub.sts.SecurityModule;
import org.vendinghub.sts.SecurityModuleException;
import org.vendinghub.sts.TokenEngine;
import org.vendinghub.sts.TokenRequest;
import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.DecoderKeyGenerator;
import org.vendinghub.sts.crypto.StaTables;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.sts.token.TokenNumber;

/**
 * Software {@link SecurityModule}: vending keys encrypted at rest under a key-encryption key (KEK) from
 * configuration ({@code hub.security.kek}), decoder keys derived in memory and never returned, logged or
 * serialised. The prepared derivation state of each vending key and, optionally, recently used decoder
 * keys are cached in memory for speed. For development, tests and small deployments; production plugs a
 * certified HSM adapter into the same port.
 */
public final class SoftwareSecurityModule implements SecurityModule, AutoCloseable {

    /** Default number of decoder keys kept in memory (0 disables the cache). */
    public static final int DEFAULT_DECODER_KEY_CACHE = 4096;

    private final EncryptedKeyStore store;
    private final TokenEngine engine;
    private final int decoderKeyCacheSize;
    private final ConcurrentHashMap<GeneratorId, DecoderKeyGenerator> generators = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CacheKey, DecoderKey> decoderKeys = new ConcurrentHashMap<>();

    private record GeneratorId(String keyId, Dkga dkga) {
    }

    private record CacheKey(String keyId, MeterKeyParams meter) {
    }

    /** Keystore file (created on first import) and KEK; STA sample tables. */
    public SoftwareSecurityModule(Path keystoreFile, byte[] kek) {
        this(keystoreFile, kek, StaTables.sample(), DEFAULT_DECODER_KEY_CACHE);
    }

    /**
     * @param keystoreFile        the keystore, or null for memory only
     * @param kek                 16, 24 or 32 bytes; copied (the caller wipes its array)
     * @param staTables           STA tables: sample (test tokens) or production
     * @param decoderKeyCacheSize decoder keys kept in memory, 0 for none
     */
    public SoftwareSecurityModule(Path keystoreFile, byte[] kek, StaTables staTables, int decoderKeyCacheSize) {
        if (decoderKeyCacheSize < 0) {
            throw new IllegalArgumentException("decoder key cache size must not be negative");
        }
        this.store = new EncryptedKeyStore(keystoreFile, kek);
        this.engine = new TokenEngine(staTables);
        this.decoderKeyCacheSize = decoderKeyCacheSize;
    }

    /** A module with a random KEK and no file: for tests and tools. */
    public static SoftwareSecurityModule inMemory() {
        return inMemory(StaTables.sample());
    }

    public static SoftwareSecurityModule inMemory(StaTables staTables) {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        try {
            return new SoftwareSecurityModule(null, kek, staTables, DEFAULT_DECODER_KEY_CACHE);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Parses a KEK given as 32/48/64 hex digits or as Base64 of 16/24/32 bytes (e.g. {@code hub.security.kek}). */
    public static byte[] parseKek(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("key-encryption key is not configured");
        }
        String t = text.trim();
        byte[] kek;
        if (t.matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}")) {
            kek = HexFormat.of().parseHex(t);
        } else {
            try {
                kek = Base64.getDecoder().decode(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key-encryption key must be hex or Base64 of 16, 24 or 32 bytes");
            }
        }
        if (kek.length != 16 && kek.length != 24 && kek.length != 32) {
            Arrays.fill(kek, (byte) 0);
            throw new IllegalArgumentException("key-encryption key must be hex or Base64 of 16, 24 or 32 bytes");
        }
        return kek;
    }

    @Override
    public void importVendingKey(String keyId, byte[] clearVendingKey) {
        try {
            EncryptedKeyStore.checkKeyId(keyId);
            if (clearVendingKey == null || (clearVendingKey.length != 8 && clearVendingKey.length != 20)) {
                throw new IllegalArgumentException("vending key must be 8 bytes (DKGA02) or 20 bytes (DKGA04), not "
                        + (clearVendingKey == null ? 0 : clearVendingKey.length));
            }
            store.put(keyId, clearVendingKey);
            forget(keyId);
        } finally {
            if (clearVendingKey != null) {
                Arrays.fill(clearVendingKey, (byte) 0);
            }
        }
    }

    @Override
    public boolean hasVendingKey(String keyId) {
        return store.contains(keyId);
    }

    @Override
    public List<IssuedToken> issue(String vendingKeyId, MeterKeyParams meter, TokenRequest... requests) {
        List<IssuedToken> out = new ArrayList<>(requests.length);
        for (TokenRequest request : requests) {
            if (request instanceof MeterTestTokenRequest) {
                out.add(TokenEngine.meterTest((MeterTestTokenRequest) request));
            } else if (request instanceof KeyChangeRequest) {
                KeyChangeRequest kc = (KeyChangeRequest) request;
                DecoderKey newKey = decoderKey(kc.newVendingKeyId(), kc.newParams());
                out.addAll(engine.keyChange(decoderKey(vendingKeyId, meter), meter, newKey, kc));
            } else {
                out.add(engine.issue(decoderKey(vendingKeyId, meter), meter, request));
            }
        }
        return out;
    }

    /** Issues a single credit, management or class 1 token. */
    public IssuedToken issueOne(String vendingKeyId, MeterKeyParams meter, TokenRequest request) {
        if (request instanceof KeyChangeRequest) {
            throw new IllegalArgumentException("a key change request gives several tokens: use keyChange");
        }
        return issue(vendingKeyId, meter, request).get(0);
    }

    @Override
    public DecodedToken decode(String vendingKeyId, MeterKeyParams meter, String token) {
        boolean class1 = TokenNumber.parse(token).tokenClass() == 1;
        return engine.decode(class1 ? null : decoderKey(vendingKeyId, meter), meter.ea(), token);
    }

    @Override
    public boolean isTestToken(Ea ea) {
        return engine.isTestToken(ea);
    }

    /**
     * A meter simulator holding this meter's decoder key (which stays inside the simulator), for tests
     * that prove issued tokens work. Configure it further with the returned builder.
     */
    public MeterSimulator.Builder meterSimulator(String vendingKeyId, MeterKeyParams meter) {
        return MeterSimulator.builder(meter, decoderKey(vendingKeyId, meter)).staTables(engine.staTables());
    }

    /** Drops all cached derivation state and decoder keys, and wipes the in-memory KEK copy. */
    @Override
    public void close() {
        generators.values().forEach(DecoderKeyGenerator::destroy);
        generators.clear();
        decoderKeys.clear();
        store.wipe();
    }

    @Override
    public String toString() {
        return "SoftwareSecurityModule[keys=" + store.ids().size() + ", sta=" + engine.staTables() + "]";
    }

    private DecoderKey decoderKey(String keyId, MeterKeyParams meter) {
        if (keyId == null) {
            throw new IllegalArgumentException("a vending key id is required for class 0 and class 2 tokens");
        }
        if (decoderKeyCacheSize == 0) {
            return generator(keyId, meter.dkga()).derive(meter);
        }
        CacheKey cacheKey = new CacheKey(keyId, meter);
        DecoderKey dk = decoderKeys.get(cacheKey);
        if (dk == null) {
            dk = generator(keyId, meter.dkga()).derive(meter);
            if (decoderKeys.size() >= decoderKeyCacheSize) {
                decoderKeys.clear();
            }
            decoderKeys.put(cacheKey, dk);
        }
        return dk;
    }

    private DecoderKeyGenerator generator(String keyId, Dkga dkga) {
        return generators.computeIfAbsent(new GeneratorId(keyId, dkga), id -> {
            byte[] vk = store.get(keyId);
            try {
                return DecoderKeyGenerator.of(dkga, vk);
            } catch (IllegalArgumentException e) {
                throw new SecurityModuleException("vending key " + keyId + " cannot be used with " + dkga + ": "
                        + e.getMessage());
            } finally {
                Arrays.fill(vk, (byte) 0);
            }
        });
    }

    private void forget(String keyId) {
        generators.keySet().removeIf(id -> id.keyId().equals(keyId));
        decoderKeys.keySet().removeIf(k -> k.keyId().equals(keyId));
    }
}
