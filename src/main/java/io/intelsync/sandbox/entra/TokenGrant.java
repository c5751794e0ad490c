package io.intelsync.sandbox.entra;

import java.time.Instant;

/**
 * The client, tenant, resource and lifetime of an access token issued by the {@link EntraEmulator}.
 *
 * @param clientId the application (client) id that requested the token
 * @param tenant the tenant segment of the token URL, as the request spelled it
 * @param resource the requested resource: the {@code .default} scope without {@code /.default},
 *     such as {@code https://api.securitycenter.microsoft.com}
 * @param issuedAt when the emulator issued the token, by its clock
 * @param expiresAt when the token expires, by the emulator's clock
 */
public record TokenGrant(String clientId, String tenant, String resource, Instant issuedAt, Instant expiresAt) {

    /** Returns whether the token has expired at the given time. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
