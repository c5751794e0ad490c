package io.intelsync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;

import io.intelsync.stix.pattern.ObservationExpression;
import io.intelsync.stix.pattern.PatternParseException;
import io.intelsync.stix.pattern.PatternParser;

/**
 * Turns a STIX 2.1 pattern into the Defender observables it names, with a skip for every part that
 * cannot become a Defender indicator.
 *
 * <h2>Supported comparisons</h2>
 * Only {@code =} ({@code ==}) and {@code IN (...)} without {@code NOT}, on these paths:
 * <ul>
 *   <li>{@code ipv4-addr:value}, {@code ipv6-addr:value} → IpAddress</li>
 *   <li>{@code domain-name:value}, {@code hostname:value} → DomainName</li>
 *   <li>{@code url:value} → Url</li>
 *   <li>{@code file:hashes.<MD5|SHA-1|SHA-256>} → FileMd5, FileSha1, FileSha256</li>
 *   <li>{@code x509-certificate:hashes.<SHA-1>} → CertificateThumbprint</li>
 * </ul>
 * Other object types are skipped as UNSUPPORTED_OBJECT_TYPE, and other properties of these types (for
 * example {@code file:name} or {@code x509-certificate:issuer}) as UNSUPPORTED_PROPERTY. On a
 * supported path, other operators (including {@code EXISTS}) are UNSUPPORTED_OPERATOR and {@code NOT}
 * is NEGATION.
 *
 * <h2>Operators</h2>
 * Sending Defender a subset of what a pattern matches is safe, so:
 * <ul>
 *   <li>OR, between observation expressions or inside brackets, and IN fan out to one observable per
 *       value. Each disjunct is mapped on its own, so an unsupported disjunct adds one skip and does not
 *       block the others.</li>
 *   <li>Inside brackets AND binds tighter than OR, so {@code a OR b AND c} is {@code a OR (b AND c)}.</li>
 *   <li>AND inside one observation over {@code file} (or {@code x509-certificate}) keeps the hash
 *       comparisons and drops the other comparisons on that object, such as {@code file:name}, because
 *       the hash identifies the content. {@code [(file:hashes.MD5 = 'a' OR file:hashes.'SHA-1' = 'b')
 *       AND file:name = 'x.exe']} gives FileMd5 a and FileSha1 b.</li>
 *   <li>AND across object types inside brackets ({@code ipv4-addr:value = 'x' AND
 *       network-traffic:dst_port = 80}) is CROSS_TYPE_CONJUNCTION. AND that narrows an IP, domain or URL
 *       comparison by another comparison on the same object is COMPARISON_CONJUNCTION. An AND that
 *       yields nothing gives one skip (or its rejected values), not one skip per comparison.</li>
 *   <li>AND between observation expressions is OBSERVATION_CONJUNCTION, FOLLOWEDBY is FOLLOWED_BY, and
 *       the WITHIN and REPEATS qualifiers are QUALIFIER. Each gives one skip for the whole expression.</li>
 *   <li>{@code START t1 STOP t2} is mapped as if absent and {@link PatternExtraction#windowStop()} is
 *       {@code t2}, so the caller can bound the indicator's expiration by it, or skip it when {@code t2}
 *       has passed. START is ignored because a Defender indicator has no start time. When several
 *       windows yield observables, the earliest STOP applies to all observables of the pattern.</li>
 * </ul>
 *
 * <h2>Values</h2>
 * Values are stripped of surrounding whitespace, and an empty value or IN list is EMPTY_VALUE.
 * <ul>
 *   <li>IP addresses (see {@code IpAddresses}): an IP literal is mapped by its own form, whichever STIX
 *       type contains it. {@code /32} and {@code /128} are the address itself, and a wider CIDR is
 *       IP_RANGE. Non-public addresses are NON_PUBLIC_ADDRESS unless the extractor allows them. Nothing
 *       is resolved through DNS.</li>
 *   <li>Domains (see {@code DomainNames}): lower case, one trailing dot removed and A-labels for
 *       internationalised names. An invalid name is INVALID_DOMAIN, and an IP literal becomes an
 *       IpAddress.</li>
 *   <li>URLs (see {@code Urls}): the scheme must be http or https, and other schemes are
 *       UNSUPPORTED_URL_SCHEME. Scheme and host are normalised, and path, query and fragment are kept
 *       exactly as given. Anything else wrong is INVALID_URL.</li>
 *   <li>Hashes: keys in any case, with or without hyphen ({@code 'SHA-256'}, {@code SHA256},
 *       {@code sha256}). Other algorithms are UNSUPPORTED_HASH_ALGORITHM. Values must be hex of the
 *       algorithm's length and are lower-cased, otherwise they are INVALID_HASH. Certificates take only
 *       SHA-1 thumbprints.</li>
 * </ul>
 *
 * <h2>Result</h2>
 * Observables are distinct and in pattern order. A pattern that does not parse gives one PATTERN_SYNTAX
 * skip whose detail contains the 0-based character position and the reason. {@link #extract(String)}
 * throws nothing for bad input, and the extractor is immutable and safe to share between threads.
 */
public final class PatternExtractor {

    private final ObservationEvaluator evaluator;

    /** Creates an extractor that skips non-public IP addresses. */
    public PatternExtractor() {
        this(false);
    }

    /**
     * Creates an extractor.
     *
     * @param allowNonPublicAddresses whether private, loopback, documentation and other non-public IP
     *     addresses are mapped instead of skipped, for example for tests against a lab network
     */
    public PatternExtractor(boolean allowNonPublicAddresses) {
        ComparisonMapper mapper = new ComparisonMapper(allowNonPublicAddresses);
        this.evaluator = new ObservationEvaluator(new ComparisonEvaluator(mapper));
    }

    /**
     * Extracts the observables of one pattern.
     *
     * @param pattern the STIX pattern text; null is treated as an empty pattern
     * @return the observables, the skipped parts and the window stop; never null
     */
    public PatternExtraction extract(String pattern) {
        ObservationExpression expression;
        try {
            expression = PatternParser.parse(pattern == null ? "" : pattern);
        } catch (PatternParseException e) {
            return PatternExtraction.skipped(SkipReason.PATTERN_SYNTAX, e.getMessage());
        }
        ObservationEvaluator.Result result = evaluator.evaluate(expression);
        return new PatternExtraction(new ArrayList<>(new LinkedHashSet<>(result.observables())), result.skips(),
                result.windowStop());
    }
}
