package io.intelsync.sandbox;

import io.intelsync.sandbox.defender.DefenderEmulator;
import io.intelsync.sandbox.entra.EntraEmulator;
import io.intelsync.sandbox.taxii.TaxiiEmulator;
import io.intelsync.sandbox.taxii.TaxiiPersonality;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The three emulators that sandbox mode and the end-to-end tests run against: TAXII on the base
 * port, Entra on base + 1 and Defender on base + 2, all on 127.0.0.1. With base port 0 each takes
 * an ephemeral port.
 *
 * <p>The sandbox identity is fixed and fake: tenant {@value #TENANT_ID}, client
 * {@value #CLIENT_ID}, client secret {@value #CLIENT_SECRET}, TAXII bearer token
 * {@value #TAXII_TOKEN} and TAXII Basic credentials {@value #TAXII_USERNAME} /
 * {@value #TAXII_PASSWORD} (the medallion personality accepts only Basic). The values are fixed
 * so that a service started separately with {@code --emulators} can be configured without
 * printing secrets. They protect nothing.
 *
 * <p>MSAL4J rejects authorities that are not https, so the service cannot use
 * {@link #entraAuthorityUrl()} as its MSAL authority. It keeps the real authority, sets
 * {@code instanceDiscovery(false)} and gives MSAL an {@code IHttpClient} that sends each request's
 * path, query, headers and body to {@link #entraLoginBaseUrl()} instead. {@code EntraMsalTest}
 * shows such a client.
 */
public final class Emulators implements AutoCloseable {

    public static final String TENANT_ID = "sandbox-tenant";
    public static final String CLIENT_ID = "sandbox-client";
    public static final String CLIENT_SECRET = "sandbox-secret-not-a-real-secret";
    public static final String TAXII_TOKEN = "sandbox-taxii-token";
    public static final String TAXII_USERNAME = "sandbox-user";
    public static final String TAXII_PASSWORD = "sandbox-taxii-password";

    private final TaxiiEmulator taxii;
    private final EntraEmulator entra;
    private final DefenderEmulator defender;

    private Emulators(TaxiiEmulator taxii, EntraEmulator entra, DefenderEmulator defender) {
        this.taxii = taxii;
        this.entra = entra;
        this.defender = defender;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of {@link Emulators}. */
    public static final class Builder {
        private int basePort;
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private TaxiiPersonality taxiiPersonality = TaxiiPersonality.OPENCTI;

        private Builder() {
        }

        /** Sets the TAXII port. Entra gets base + 1 and Defender base + 2. The default 0 gives each an ephemeral port. */
        public Builder basePort(int basePort) {
            if (basePort < 0 || basePort > 65_533) {
                throw new IllegalArgumentException("Invalid base port " + basePort + ": use 0 or a port up to 65533");
            }
            this.basePort = basePort;
            return this;
        }

        /** Serves the {@code *.json} files of this directory over TAXII instead of the built-in data. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder taxiiPersonality(TaxiiPersonality personality) {
            this.taxiiPersonality = Objects.requireNonNull(personality);
            return this;
        }

        /**
         * Starts the three servers. If one fails to start, the ones already started are stopped.
         *
         * @throws IOException if a port cannot be bound or the data directory cannot be read
         */
        public Emulators start() throws IOException {
            TaxiiEmulator taxii = null;
            EntraEmulator entra = null;
            try {
                TaxiiEmulator.Builder taxiiBuilder = TaxiiEmulator.builder()
                        .port(basePort)
                        .clock(clock)
                        .personality(taxiiPersonality)
                        .bearerToken(TAXII_TOKEN)
                        .basicCredentials(TAXII_USERNAME, TAXII_PASSWORD);
                if (dataDirectory != null) {
                    taxiiBuilder.dataDirectory(dataDirectory);
                }
                taxii = taxiiBuilder.start();
                entra = EntraEmulator.builder().port(offset(basePort, 1)).clock(clock).start();
                entra.registerClient(TENANT_ID, CLIENT_ID, CLIENT_SECRET);
                DefenderEmulator defender = DefenderEmulator.builder(entra).port(offset(basePort, 2)).clock(clock).start();
                return new Emulators(taxii, entra, defender);
            } catch (IOException | RuntimeException e) {
                if (entra != null) {
                    entra.close();
                }
                if (taxii != null) {
                    taxii.close();
                }
                throw e;
            }
        }

        private static int offset(int basePort, int offset) {
            return basePort == 0 ? 0 : basePort + offset;
        }
    }

    public TaxiiEmulator taxii() {
        return taxii;
    }

    public EntraEmulator entra() {
        return entra;
    }

    public DefenderEmulator defender() {
        return defender;
    }

    /** Returns the TAXII API root URL, such as {@code http://127.0.0.1:PORT/taxii2/root/}. */
    public String taxiiApiRootUrl() {
        return taxii.apiRootUrl();
    }

    /** Returns the Entra login base URL {@code http://127.0.0.1:PORT}, in place of {@code https://login.microsoftonline.com}. */
    public String entraLoginBaseUrl() {
        return entra.baseUrl();
    }

    /** Returns the sandbox tenant's authority URL, {@code <login base>/sandbox-tenant/}. */
    public String entraAuthorityUrl() {
        return entra.authorityUrl(TENANT_ID);
    }

    /** Returns the Defender API base URL {@code http://127.0.0.1:PORT}, in place of {@code https://api.securitycenter.microsoft.com}. */
    public String defenderBaseUrl() {
        return defender.baseUrl();
    }

    /** Returns a token scope that the Defender emulator accepts: its base URL followed by {@code /.default}. */
    public String defenderScope() {
        return defender.baseUrl() + "/.default";
    }

    public String tenantId() {
        return TENANT_ID;
    }

    public String clientId() {
        return CLIENT_ID;
    }

    public String clientSecret() {
        return CLIENT_SECRET;
    }

    public String taxiiBearerToken() {
        return TAXII_TOKEN;
    }

    public String taxiiUsername() {
        return TAXII_USERNAME;
    }

    public String taxiiPassword() {
        return TAXII_PASSWORD;
    }

    /** Stops the three servers. */
    @Override
    public void close() {
        defender.close();
        entra.close();
        taxii.close();
    }
}
