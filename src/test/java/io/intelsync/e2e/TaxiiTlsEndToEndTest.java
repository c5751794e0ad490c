package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.sandbox.Emulators;
import io.intelsync.sandbox.taxii.TaxiiEmulator;
import io.intelsync.taxii.TaxiiCheckException;

/**
 * Reads a TAXII server over HTTPS whose certificate is signed by no public CA, as an internal OpenCTI often is.
 * The certificate is made at test time with the JDK's keytool.
 */
class TaxiiTlsEndToEndTest {

    private static final String PASSWORD = "test-keystore-password";

    @TempDir
    Path folder;

    private TaxiiEmulator httpsTaxii;
    private SandboxHarness harness;

    @BeforeEach
    void startHttpsTaxii() throws Exception {
        Path keyStore = folder.resolve("taxii.p12");
        keytool("-genkeypair", "-alias", "taxii", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "taxii", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", folder.resolve("taxii-ca.pem").toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        httpsTaxii = TaxiiEmulator.builder().tls(tls).bearerToken(Emulators.TAXII_TOKEN).start();
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        httpsTaxii.close();
    }

    private SandboxHarness harness() throws Exception {
        harness = new SandboxHarness(folder.resolve("data"));
        String collection = httpsTaxii.collections().stream().filter(c -> "stix-elevator-issue-271".equals(c.alias()))
                .findFirst().orElseThrow().id();
        return harness.with("taxii.api-root", httpsTaxii.apiRootUrl()).with("taxii.collections", collection);
    }

    @Test
    void untrustedCertificateFailsStartupCheck() throws Exception {
        assertThat(httpsTaxii.apiRootUrl()).startsWith("https://127.0.0.1:");
        harness();

        assertThatThrownBy(harness::start).isInstanceOf(TaxiiCheckException.class)
                .hasMessageContaining("is unreachable").hasMessageContaining("SSLHandshakeException")
                .hasMessageContaining("taxii.ca-file");
    }

    @Test
    void caFileIsTrustedForWholeCycle() throws Exception {
        harness().with("taxii.ca-file", folder.resolve("taxii-ca.pem").toString()).start();

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.created()).isEqualTo(31);
        assertThat(httpsTaxii.requests()).extracting(r -> r.path())
                .anyMatch(path -> path.endsWith("/objects/"));
    }

    @Test
    void trustStoreIsTrusted() throws Exception {
        harness().with("taxii.trust-store", folder.resolve("taxii.p12").toString())
                .with("taxii.trust-store-password", PASSWORD).start();

        assertThat(harness.runCycle().status()).isEqualTo(CycleStatus.COMPLETE);
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool " + arguments[0] + ": " + output).isZero();
    }
}
