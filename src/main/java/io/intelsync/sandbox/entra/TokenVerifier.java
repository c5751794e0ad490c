package io.intelsync.sandbox.entra;

import java.util.Optional;

/** Checks bearer tokens for an emulated resource API. {@link EntraEmulator} implements it. */
@FunctionalInterface
public interface TokenVerifier {

    /** Returns the grant of an access token if it was issued, has not expired and was not revoked. */
    Optional<TokenGrant> lookup(String accessToken);
}
