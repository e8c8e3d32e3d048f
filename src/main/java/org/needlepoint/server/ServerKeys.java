package org.needlepoint.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.PinnedTls;
import org.needlepoint.store.StoreException;

/**
 * The clinic server's TLS key pair and self-signed certificate, made on the server's first start
 * and kept in its data folder ({@code server-tls.p12}, its password beside it in
 * {@code server-tls.pass}; both readable by the server's user only). Never H2's built-in key
 * store, whose private key is public. Joined PCs pin the certificate's SHA-256 fingerprint.
 */
public final class ServerKeys {
    static final String STORE = "server-tls.p12";
    static final String PASS = "server-tls.pass";
    private static final String ALIAS = "needlepoint-server";

    private final Path storeFile;
    private final char[] password;
    private final KeyStore keyStore;
    private final X509Certificate certificate;

    private ServerKeys(Path storeFile, char[] password, KeyStore keyStore, X509Certificate certificate) {
        this.storeFile = storeFile;
        this.password = password;
        this.keyStore = keyStore;
        this.certificate = certificate;
    }

    /** The folder's key pair, made now (with {@code clinic} in its name) when it has none. */
    public static ServerKeys ensure(Path folder, String clinic) {
        Path store = folder.resolve(STORE);
        Path pass = folder.resolve(PASS);
        try {
            if (!Files.exists(store) || !Files.exists(pass)) {
                make(folder, clinic);
            }
            char[] pw = Files.readString(pass, StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, pw);
            }
            X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
            if (cert == null) {
                throw new StoreException("The clinic server's key store " + store + " has no key of ours.");
            }
            return new ServerKeys(store, pw, ks, cert);
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("The clinic server's TLS key in " + folder + " cannot be read or made: "
                    + e.getMessage(), e);
        }
    }

    private static void make(Path folder, String clinic) throws IOException, GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        char[] pw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=Needlepoint clinic server, O=" + clinic.replaceAll("[,=+<>#;\"\\\\]", " "));
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365 * 30))), name,
                pair.getPublic());
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, pair.getPrivate(), pw, new X509Certificate[] {cert});
        Files.createDirectories(folder);
        Path passTmp = folder.resolve(PASS + ".tmp");
        Path storeTmp = folder.resolve(STORE + ".tmp");
        Files.deleteIfExists(passTmp);
        Files.deleteIfExists(storeTmp);
        Files.createFile(passTmp);
        ClinicLink.ownerOnly(passTmp);
        Files.writeString(passTmp, new String(pw), StandardCharsets.UTF_8);
        Files.createFile(storeTmp);
        ClinicLink.ownerOnly(storeTmp);
        try (OutputStream out = Files.newOutputStream(storeTmp)) {
            ks.store(out, pw);
        }
        Files.move(passTmp, folder.resolve(PASS), StandardCopyOption.REPLACE_EXISTING);
        Files.move(storeTmp, folder.resolve(STORE), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A TLS context that presents this key (the join listener's). */
    public SSLContext sslContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes this key the JVM's default TLS key, for H2's TCP server (which opens its server socket
     * from the default context). Only in the server's own process. H2 would write its public
     * default key store to the user's home unless {@code javax.net.ssl.keyStore} names one: it
     * names ours (its password stays out of the system properties). The connections it accepts go without
     * Nagle's delay ({@link NoDelayServerSockets}).
     */
    void useForH2() {
        System.setProperty("h2.enableAnonymousTLS", "false");
        System.setProperty("javax.net.ssl.keyStore", storeFile.toAbsolutePath().toString());
        SSLContext.setDefault(NoDelayServerSockets.wrap(sslContext()));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** "AB:CD:…", 32 bytes: what the server prints and a joining PC shows, to compare by eye. */
    public String fingerprint() {
        return PinnedTls.fingerprint(certificate);
    }
}
