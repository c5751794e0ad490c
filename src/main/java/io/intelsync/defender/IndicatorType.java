package io.intelsync.defender;

/**
 * Indicator types of the Defender for Endpoint indicators API. The constant names are the API's
 * {@code indicatorType} values, so {@link #name()} is what goes on the wire.
 */
public enum IndicatorType {
    IpAddress,
    DomainName,
    Url,
    FileSha256,
    FileSha1,
    FileMd5,
    CertificateThumbprint;

    /** Returns whether Defender treats the type as a network indicator (IP address, domain or URL). */
    public boolean isNetwork() {
        return this == IpAddress || this == DomainName || this == Url;
    }

    /** Returns whether the value is a file hash. */
    public boolean isFileHash() {
        return this == FileSha256 || this == FileSha1 || this == FileMd5;
    }
}
