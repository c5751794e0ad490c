package io.intelsync.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The Defender for Endpoint API hosts that Microsoft documents, with the token scope and the sign-in host
 * that go with each:
 *
 * <ul>
 * <li>public cloud: {@code api.securitycenter.microsoft.com}, {@code api.security.microsoft.com} and the
 * regional {@code us.}, {@code eu.}, {@code uk.}, {@code au.} (and newer) {@code api.security.microsoft.com}
 * hosts, with sign-in at {@code login.microsoftonline.com}. Microsoft's token samples ask for the scope
 * {@code https://api.securitycenter.microsoft.com/.default}, which these hosts share;</li>
 * <li>GCC: {@code api-gcc.securitycenter.microsoft.us}, with sign-in at {@code login.microsoftonline.com};</li>
 * <li>GCC High and DoD: {@code api-gov.securitycenter.microsoft.us}, with sign-in at
 * {@code login.microsoftonline.us}.</li>
 * </ul>
 *
 * <p>For the government hosts, Microsoft documents the hosts but not the scope; the scope used is the API
 * host's own. Any other host (a proxy, an emulator) gets the scope {@code {base URL}/.default}.
 */
final class DefenderClouds {

    static final String PUBLIC_SCOPE = "https://api.securitycenter.microsoft.com/.default";
    static final String PUBLIC_LOGIN_HOST = "login.microsoftonline.com";
    static final String US_GOVERNMENT_LOGIN_HOST = "login.microsoftonline.us";

    private DefenderClouds() {
    }

    /** Returns the token scope for the API URL. */
    static String defaultScope(URI baseUrl) {
        String host = host(baseUrl);
        if (isPublic(host)) {
            return PUBLIC_SCOPE;
        }
        if (host.startsWith("api-gcc.") && isUsGovernment(host)) {
            return "https://api-gcc.securitycenter.microsoft.us/.default";
        }
        if (host.startsWith("api-gov.") && isUsGovernment(host)) {
            return "https://api-gov.securitycenter.microsoft.us/.default";
        }
        return baseUrl + "/.default";
    }

    /**
     * Returns why the sign-in URL cannot issue tokens for the API URL, when they belong to different Microsoft
     * clouds, or empty.
     */
    static Optional<String> signInMismatch(URI baseUrl, URI loginUrl) {
        String api = host(baseUrl);
        String login = host(loginUrl);
        if (api.startsWith("api-gov.") && isUsGovernment(api) && !login.equals(US_GOVERNMENT_LOGIN_HOST)) {
            return Optional.of(SettingCatalog.BASE_URL.displayName() + " is " + baseUrl + ", a GCC High or DoD host, "
                    + "but " + SettingCatalog.LOGIN_URL.displayName() + " is " + loginUrl + "; set the sign-in URL to "
                    + "https://" + US_GOVERNMENT_LOGIN_HOST);
        }
        if (login.equals(US_GOVERNMENT_LOGIN_HOST) && (isPublic(api) || api.startsWith("api-gcc."))) {
            return Optional.of(SettingCatalog.LOGIN_URL.displayName() + " is " + loginUrl + ", the sign-in of GCC High "
                    + "and DoD, but " + SettingCatalog.BASE_URL.displayName() + " is " + baseUrl + ", which takes "
                    + "tokens from https://" + PUBLIC_LOGIN_HOST + "; set the sign-in URL to it, or the API URL to "
                    + "https://api-gov.securitycenter.microsoft.us");
        }
        return Optional.empty();
    }

    private static boolean isPublic(String host) {
        return host.equals("api.securitycenter.microsoft.com") || host.endsWith(".securitycenter.microsoft.com")
                || host.equals("api.security.microsoft.com") || host.endsWith(".api.security.microsoft.com");
    }

    private static boolean isUsGovernment(String host) {
        return host.endsWith(".securitycenter.microsoft.us") || host.endsWith(".security.microsoft.us");
    }

    // A fully qualified name may end with a dot, which names the same host.
    private static String host(URI url) {
        return url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
    }
}
