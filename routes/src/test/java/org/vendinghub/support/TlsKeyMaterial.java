package org.vendinghub.support;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Key stores for real TLS handshakes in tests, made with the JDK's keytool at test time (the JDK has no public API
 * to issue a certificate, and Bouncy Castle is not on the class path). Every key pair is self-signed and lives in
 * its own PKCS12 file named after its alias; trust stores hold the certificates of the aliases they trust.
 */
public final class TlsKeyMaterial {

    public static final String PASSWORD = "test-store-password";
    public static final String TYPE = "PKCS12";

    private final Path dir;

    public TlsKeyMaterial(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new self-signed key pair under {@code alias}; {@code extensions} are keytool -ext values such as SAN=dns:localhost. */
    public Path keyPair(String alias, String distinguishedName, String... extensions) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-dname", distinguishedName,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-keypass", PASSWORD));
        for (String extension : extensions) {
            args.add("-ext");
            args.add(extension);
        }
        keytool(keyStore(alias), args);
        return keyStore(alias);
    }

    /** A trust store named {@code name} holding the certificates of the given key pairs (and no private key). */
    public Path trustStore(String name, String... trustedAliases) {
        for (String alias : trustedAliases) {
            Path pem = dir.resolve(alias + ".pem");
            if (!Files.exists(pem)) {
                keytool(keyStore(alias), List.of("-exportcert", "-rfc", "-alias", alias, "-file", pem.toString()));
            }
            keytool(keyStore(name), List.of("-importcert", "-noprompt", "-alias", alias, "-file", pem.toString()));
        }
        return keyStore(name);
    }

    public Path keyStore(String name) {
        return dir.resolve(name + ".p12");
    }

    /** The certificate of a key pair made by {@link #keyPair}. */
    public X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) load(alias).getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client's TLS context: presents key pair {@code clientAlias} when the server asks, and trusts {@code trustStore}. */
    public SSLContext clientContext(String clientAlias, String trustStore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(clientAlias), PASSWORD.toCharArray());
            return context(keys.getKeyManagers(), trustStore);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context with no client certificate at all. */
    public SSLContext anonymousContext(String trustStore) {
        return context(null, trustStore);
    }

    /** A TLS context with the given key managers, trusting {@code trustStore}. */
    public SSLContext context(KeyManager[] keyManagers, String trustStore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key store file {@code name}, opened. */
    public KeyStore load(String name) {
        try (InputStream in = Files.newInputStream(keyStore(name))) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(Path store, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        command.addAll(List.of("-keystore", store.toString(), "-storetype", TYPE, "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
