package io.intelsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class MsalTokenProviderTest {

    @Test
    void publicLoginUrlIsTheAuthority() {
        assertThat(MsalTokenProvider.authority(URI.create("https://login.microsoftonline.com"), "t1"))
                .isEqualTo("https://login.microsoftonline.com/t1/");
        assertThat(MsalTokenProvider.authority(URI.create("https://login.microsoftonline.us"), "t1"))
                .isEqualTo("https://login.microsoftonline.us/t1/");
    }

    @Test
    void localOrPortedLoginUrlKeepsPublicAuthority() {
        assertThat(MsalTokenProvider.authority(URI.create("http://127.0.0.1:8080"), "t1"))
                .isEqualTo("https://login.microsoftonline.com/t1/");
        assertThat(MsalTokenProvider.authority(URI.create("https://127.0.0.1:8443"), "t1"))
                .isEqualTo("https://login.microsoftonline.com/t1/");
    }

    @Test
    void httpClientSendsToLoginUrlKeepingPathAndQuery() throws Exception {
        LoginHttpClient client = new LoginHttpClient(URI.create("http://127.0.0.1:9999"), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        URI target = client.target(new URL("https://login.microsoftonline.com/t1/oauth2/v2.0/token?x=1"));
        assertThat(target).hasToString("http://127.0.0.1:9999/t1/oauth2/v2.0/token?x=1");
    }
}
