package io.intelsync.taxii;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import io.intelsync.config.TaxiiSettings;

/**
 * The certificates trusted for the TAXII server: the JVM's CAs plus those of {@code taxii.ca-file} (PEM)
 * and {@code taxii.trust-store} (PKCS12 or JKS). Extra certificates never replace the JVM's, so a private CA
 * for an internal OpenCTI does not break calls to public hosts.
 */
public final class TaxiiTrust {

    private final X509TrustManager trustManager;
    private final int extraCertificates;

    private TaxiiTrust(X509TrustManager trustManager, int extraCertificates) {
        this.trustManager = trustManager;
        this.extraCertificates = extraCertificates;
    }

    /**
     * Builds the trust from the settings.
     *
     * @throws IllegalArgumentException naming the file when a certificate file cannot be read
     */
    public static TaxiiTrust of(TaxiiSettings settings) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            addJvmDefaults(store);
            int extra = 0;
            if (settings.caFile() != null) {
                extra += addPem(store, settings.caFile());
            }
            if (settings.trustStore() != null) {
                extra += addTrustStore(store, settings.trustStore(), settings.trustStorePassword());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return new TaxiiTrust(firstX509(factory.getTrustManagers()), extra);
        } catch (GeneralSecurityException | IOException ex) {
            throw new IllegalArgumentException("Cannot build the TLS trust for the TAXII server: " + ex.getMessage(), ex);
        }
    }

    /** Returns the number of certificates added to the JVM's CAs. */
    public int extraCertificates() {
        return extraCertificates;
    }

    /** Returns an SSL context that trusts these certificates, for direct calls such as the startup check. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot create a TLS context", ex);
        }
    }

    /** Returns Camel's TLS parameters with this trust, for the camel-http endpoint of the TAXII route. */
    public SSLContextParameters sslContextParameters() {
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setTrustManager(trustManager);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private static void addJvmDefaults(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        X509Certificate[] issuers = firstX509(defaults.getTrustManagers()).getAcceptedIssuers();
        for (int i = 0; i < issuers.length; i++) {
            store.setCertificateEntry("jvm-" + i, issuers[i]);
        }
    }

    private static int addPem(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (java.security.cert.CertificateException ex) {
            throw new IllegalArgumentException("taxii.ca-file " + file + " is not a PEM file of certificates: "
                    + ex.getMessage(), ex);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("taxii.ca-file " + file + " holds no certificate");
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-file-" + i++, certificate);
        }
        return certificates.size();
    }

    private static int addTrustStore(KeyStore store, Path file, String password)
            throws GeneralSecurityException, IOException {
        char[] secret = password == null || password.isEmpty() ? null : password.toCharArray();
        List<String> failures = new ArrayList<>();
        for (String type : List.of("PKCS12", "JKS")) {
            KeyStore source = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(file)) {
                source.load(in, secret);
            } catch (IOException | GeneralSecurityException ex) {
                failures.add(type + ": " + ex.getMessage());
                continue;
            }
            int count = 0;
            for (String alias : Collections.list(source.aliases())) {
                Certificate certificate = source.getCertificate(alias);
                if (certificate != null) {
                    store.setCertificateEntry("trust-store-" + count++, certificate);
                }
            }
            return count;
        }
        throw new IllegalArgumentException("taxii.trust-store " + file + " cannot be read as PKCS12 or JKS (check "
                + "taxii.trust-store-password): " + failures);
    }

    private static X509TrustManager firstX509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("The JVM offers no X.509 trust manager");
    }
}
