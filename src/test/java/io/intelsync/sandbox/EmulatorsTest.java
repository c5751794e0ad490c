package io.intelsync.sandbox;

import static io.intelsync.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.intelsync.sandbox.http.QueryStrings;
import io.intelsync.sandbox.taxii.TaxiiPersonality;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorsTest {

    private final MutableClock clock = MutableClock.startingAtNewYear2025();

    @Test
    void ephemeralPortsAndUrls() throws Exception {
        try (Emulators emulators = Emulators.builder().clock(clock).start()) {
            assertThat(emulators.taxiiApiRootUrl()).matches("http://127\\.0\\.0\\.1:\\d+/taxii2/root/");
            assertThat(emulators.entraLoginBaseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(emulators.entraAuthorityUrl()).isEqualTo(emulators.entraLoginBaseUrl() + "/sandbox-tenant/");
            assertThat(emulators.defenderBaseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(emulators.defenderScope()).isEqualTo(emulators.defenderBaseUrl() + "/.default");
            assertThat(emulators.tenantId()).isEqualTo("sandbox-tenant");
            assertThat(emulators.clientId()).isEqualTo("sandbox-client");
            assertThat(emulators.taxii().collections()).hasSize(8);
        }
    }

    @Test
    void sandboxCredentialsWorkEndToEnd() throws Exception {
        try (Emulators emulators = Emulators.builder().clock(clock).start()) {
            String form = "grant_type=client_credentials&client_id=" + emulators.clientId()
                    + "&client_secret=" + QueryStrings.encode(emulators.clientSecret())
                    + "&scope=" + QueryStrings.encode(emulators.defenderScope());
            String token = json(TestHttp.post(emulators.entra().tokenUrl(emulators.tenantId()),
                    "application/x-www-form-urlencoded", form)).path("access_token").asText();

            HttpResponse<String> defender = TestHttp.get(emulators.defenderBaseUrl() + "/api/indicators",
                    "Authorization", "Bearer " + token);
            HttpResponse<String> taxii = TestHttp.get(emulators.taxiiApiRootUrl() + "collections/",
                    "Authorization", "Bearer " + emulators.taxiiBearerToken());
            HttpResponse<String> taxiiWithoutToken = TestHttp.get(emulators.taxiiApiRootUrl() + "collections/");

            assertThat(defender.statusCode()).isEqualTo(200);
            assertThat(taxii.statusCode()).isEqualTo(200);
            assertThat(taxiiWithoutToken.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void medallionTaxiiAcceptsBasic() throws Exception {
        try (Emulators emulators = Emulators.builder().clock(clock).taxiiPersonality(TaxiiPersonality.MEDALLION).start()) {
            String credentials = emulators.taxiiUsername() + ":" + emulators.taxiiPassword();
            String basic = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> response = TestHttp.get(emulators.taxiiApiRootUrl() + "collections/",
                    "Authorization", basic, "Accept", "application/taxii+json;version=2.1");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void basePortSetsAllThree() throws Exception {
        int basePort = freeBasePort();

        try (Emulators emulators = Emulators.builder().clock(clock).basePort(basePort).start()) {
            assertThat(emulators.taxii().port()).isEqualTo(basePort);
            assertThat(emulators.entra().port()).isEqualTo(basePort + 1);
            assertThat(emulators.defender().port()).isEqualTo(basePort + 2);
        }
    }

    @Test
    void closeReleasesPorts() throws Exception {
        int port;
        try (Emulators emulators = Emulators.builder().clock(clock).start()) {
            port = emulators.defender().port();
        }

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    /** Finds a port p with p, p + 1 and p + 2 free on 127.0.0.1 at the time of the check. */
    private static int freeBasePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate;
            try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
                candidate = probe.getLocalPort();
            }
            if (candidate > 65_533) {
                continue;
            }
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int offset = 0; offset < 3; offset++) {
                    sockets.add(new ServerSocket(candidate + offset, 1, loopback));
                }
                return candidate;
            } catch (IOException taken) {
                // One of the three ports is in use, so try another candidate.
            } finally {
                for (ServerSocket socket : sockets) {
                    socket.close();
                }
            }
        }
        throw new IOException("Found no three consecutive free ports on 127.0.0.1 in 20 attempts");
    }
}
