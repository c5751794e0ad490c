package io.intelsync.mapping;

import java.util.Locale;

import io.intelsync.defender.IndicatorType;

/**
 * Normalisation of file and certificate hashes.
 *
 * <p>Hash keys are matched without regard to case, hyphens or underscores, so {@code 'SHA-256'},
 * {@code SHA256}, {@code sha256} and {@code 'sha-256'} are all SHA-256. The STIX hashes vocabulary
 * spells them {@code MD5}, {@code SHA-1} and {@code SHA-256}; the other spellings come from
 * third-party generators. A value must be hex of the algorithm's length and is stored lower-case.
 */
final class Hashes {

    private Hashes() {
    }

    /** Normalises the value of {@code file:hashes.<key>} to a FileMd5, FileSha1 or FileSha256 observable. */
    static ValueResult normalizeFileHash(String key, String value) {
        IndicatorType type = switch (canonicalKey(key)) {
            case "MD5" -> IndicatorType.FileMd5;
            case "SHA1" -> IndicatorType.FileSha1;
            case "SHA256" -> IndicatorType.FileSha256;
            default -> null;
        };
        if (type == null) {
            return ValueResult.rejected(SkipReason.UNSUPPORTED_HASH_ALGORITHM,
                    "Defender file indicators take MD5, SHA-1 or SHA-256, not " + key);
        }
        return normalizeHex(type, value, hexLength(type));
    }

    /**
     * Normalises the value of {@code x509-certificate:hashes.<key>} to a CertificateThumbprint observable.
     * Only SHA-1 is accepted, because Defender's documentation does not say which hash a certificate
     * indicator takes and a Windows certificate thumbprint is the SHA-1 hash of the certificate.
     */
    static ValueResult normalizeCertificateHash(String key, String value) {
        if (!canonicalKey(key).equals("SHA1")) {
            return ValueResult.rejected(SkipReason.UNSUPPORTED_HASH_ALGORITHM,
                    "Defender certificate indicators take the SHA-1 thumbprint, not " + key);
        }
        return normalizeHex(IndicatorType.CertificateThumbprint, value, 40);
    }

    /** Returns the key in ASCII upper case without hyphens and underscores, for example SHA256. */
    private static String canonicalKey(String key) {
        StringBuilder canonical = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 'a' && c <= 'z') {
                canonical.append((char) (c - 'a' + 'A'));
            } else if (c != '-' && c != '_') {
                canonical.append(c);
            }
        }
        return canonical.toString();
    }

    private static int hexLength(IndicatorType type) {
        return switch (type) {
            case FileMd5 -> 32;
            case FileSha1 -> 40;
            default -> 64;
        };
    }

    private static ValueResult normalizeHex(IndicatorType type, String value, int length) {
        if (value.length() != length || !value.chars().allMatch(Hashes::isHexDigit)) {
            return ValueResult.rejected(SkipReason.INVALID_HASH, "expected " + length + " hex digits");
        }
        return ValueResult.accepted(new Observable(type, value.toLowerCase(Locale.ROOT)));
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
