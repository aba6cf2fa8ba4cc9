package org.vendinghub.sts.soft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.vendinghub.sts.SecurityModuleException;

/**
 * Vending keys encrypted at rest: one line per key, {@code id=base64(nonce(12) | AES-GCM ciphertext | tag(16))},
 * with the key id as associated data, under a key-encryption key (AES-128/192/256) supplied by
 * configuration. Clear keys exist only in arrays returned by {@link #get(String)}, which the caller
 * wipes. Without a file the store lives in memory only.
 */
final class EncryptedKeyStore {

    private static final String HEADER = "# Vending Hub STS keystore v1: AES-GCM under the KEK, associated data = key id";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final byte[] kek;
    private final Map<String, byte[]> entries = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();

    EncryptedKeyStore(Path file, byte[] kek) {
        if (kek == null || (kek.length != 16 && kek.length != 24 && kek.length != 32)) {
            throw new IllegalArgumentException("key-encryption key must be 128, 192 or 256 bits");
        }
        this.file = file;
        this.kek = kek.clone();
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    static void checkKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1..64 of A-Z a-z 0-9 . _ : -, not '" + keyId + "'");
        }
    }

    synchronized boolean contains(String keyId) {
        return entries.containsKey(keyId);
    }

    synchronized Set<String> ids() {
        return Set.copyOf(entries.keySet());
    }

    /** Encrypts and stores (and persists) a clear key; does not wipe {@code clear}. */
    synchronized void put(String keyId, byte[] clear) {
        checkKeyId(keyId);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        GCMModeCipher gcm = cipher(true, nonce, keyId);
        byte[] out = new byte[NONCE + gcm.getOutputSize(clear.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        int n = gcm.processBytes(clear, 0, clear.length, out, NONCE);
        try {
            gcm.doFinal(out, NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new SecurityModuleException("cannot encrypt vending key " + keyId, e);
        }
        entries.put(keyId, out);
        save();
    }

    /** The clear key; the caller must wipe it. */
    synchronized byte[] get(String keyId) {
        byte[] sealed = entries.get(keyId);
        if (sealed == null) {
            throw new SecurityModuleException("unknown vending key " + keyId);
        }
        GCMModeCipher gcm = cipher(false, Arrays.copyOf(sealed, NONCE), keyId);
        byte[] clear = new byte[gcm.getOutputSize(sealed.length - NONCE)];
        try {
            int n = gcm.processBytes(sealed, NONCE, sealed.length - NONCE, clear, 0);
            gcm.doFinal(clear, n);
            return clear;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(clear, (byte) 0);
            throw new SecurityModuleException("vending key " + keyId
                    + " does not decrypt: wrong key-encryption key or damaged keystore");
        }
    }

    synchronized void wipe() {
        Arrays.fill(kek, (byte) 0);
    }

    private GCMModeCipher cipher(boolean encrypt, byte[] nonce, String keyId) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(kek), TAG_BITS, nonce,
                keyId.getBytes(StandardCharsets.US_ASCII)));
        return gcm;
    }

    private void load() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                if (eq < 1) {
                    throw new SecurityModuleException("keystore " + file + " has a malformed line");
                }
                String id = l.substring(0, eq);
                checkKeyId(id);
                entries.put(id, Base64.getDecoder().decode(l.substring(eq + 1)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SecurityModuleException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        entries.forEach((id, sealed) -> b.append(id).append('=').append(Base64.getEncoder().encodeToString(sealed))
                .append('\n'));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".keystore", ".tmp");
            Files.writeString(tmp, b, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SecurityModuleException("cannot write keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
