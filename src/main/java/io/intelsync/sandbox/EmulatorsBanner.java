package io.intelsync.sandbox;

import java.util.stream.Collectors;

/** The text that {@code --emulators} prints: the emulators' URLs, the sandbox credentials and the collections. */
public final class EmulatorsBanner {

    private EmulatorsBanner() {
    }

    /** Returns the banner, with the environment variables that point the service at the emulators. */
    public static String describe(Emulators emulators) {
        String collections = emulators.taxii().collections().stream().map(c -> c.id())
                .collect(Collectors.joining(","));
        String newline = System.lineSeparator();
        return String.join(newline,
                "Emulators listening on 127.0.0.1 (stop with Ctrl+C):",
                "  TAXII 2.1 API root   " + emulators.taxiiApiRootUrl(),
                "  Entra token endpoint " + emulators.entraLoginBaseUrl() + "/" + Emulators.TENANT_ID
                        + "/oauth2/v2.0/token",
                "  Defender API         " + emulators.defenderBaseUrl() + "/api/indicators",
                "",
                "Point the service at them with:",
                "  export TAXII_API_ROOT=" + emulators.taxiiApiRootUrl(),
                "  export OPENCTI_TOKEN=" + Emulators.TAXII_TOKEN,
                "  export MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TAXII_COLLECTIONS=" + collections,
                "  export MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_LOGIN_URL=" + emulators.entraLoginBaseUrl(),
                "  export MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL=" + emulators.defenderBaseUrl(),
                "  export MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TENANT_ID=" + Emulators.TENANT_ID,
                "  export MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_ID=" + Emulators.CLIENT_ID,
                "  export MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_SECRET=" + Emulators.CLIENT_SECRET,
                "",
                "The credentials are fixed, fake and accepted only by these emulators.");
    }
}
