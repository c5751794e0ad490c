package io.intelsync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intelsync.stix.pattern.ComparisonExpression;
import io.intelsync.stix.pattern.ComparisonOperator;
import io.intelsync.stix.pattern.Literal;
import io.intelsync.stix.pattern.ObjectPath;

/**
 * Decides whether a single comparison maps to Defender and turns its values into observables.
 *
 * <p>A comparison maps when its path is one of the supported paths, it has no {@code NOT}, and its
 * operator is {@code =} or {@code IN}. Such a comparison yields one {@link ValueResult} per value;
 * each value may still be rejected, for example as an invalid hash.
 */
final class ComparisonMapper {

    /** The Defender value that a supported object path holds. */
    enum ValueKind {
        IP_ADDRESS(SkipReason.INVALID_IP),
        DOMAIN_NAME(SkipReason.INVALID_DOMAIN),
        URL(SkipReason.INVALID_URL),
        FILE_HASH(SkipReason.INVALID_HASH),
        CERTIFICATE_HASH(SkipReason.INVALID_HASH);

        private final SkipReason invalidValue;

        ValueKind(SkipReason invalidValue) {
            this.invalidValue = invalidValue;
        }
    }

    private static final Map<String, ValueKind> VALUE_PROPERTY_KINDS = Map.of(
            "ipv4-addr", ValueKind.IP_ADDRESS,
            "ipv6-addr", ValueKind.IP_ADDRESS,
            "domain-name", ValueKind.DOMAIN_NAME,
            "hostname", ValueKind.DOMAIN_NAME,
            "url", ValueKind.URL);

    private static final Map<String, ValueKind> HASH_KINDS = Map.of(
            "file", ValueKind.FILE_HASH,
            "x509-certificate", ValueKind.CERTIFICATE_HASH);

    private final boolean allowNonPublicAddresses;

    ComparisonMapper(boolean allowNonPublicAddresses) {
        this.allowNonPublicAddresses = allowNonPublicAddresses;
    }

    /**
     * Returns whether AND may narrow a comparison on this object type by other comparisons on the same
     * object without blocking it. That holds for files and certificates, because their hash identifies
     * the content. The other properties (name, size, issuer) describe where the content was seen.
     */
    static boolean isIdentifiedByHash(String objectType) {
        return HASH_KINDS.containsKey(objectType);
    }

    /** Returns why {@code leaf} (a comparison or EXISTS test) cannot map, or null if it maps. */
    static SkipReason unsupportedReason(ComparisonExpression leaf) {
        ObjectPath path = leaf instanceof ComparisonExpression.Comparison comparison ? comparison.path()
                : ((ComparisonExpression.Exists) leaf).path();
        String type = path.objectType();
        if (!VALUE_PROPERTY_KINDS.containsKey(type) && !HASH_KINDS.containsKey(type)) {
            return SkipReason.UNSUPPORTED_OBJECT_TYPE;
        }
        if (kindOf(path) == null) {
            return SkipReason.UNSUPPORTED_PROPERTY;
        }
        if (!(leaf instanceof ComparisonExpression.Comparison comparison)) {
            return SkipReason.UNSUPPORTED_OPERATOR;
        }
        if (comparison.negated()) {
            return SkipReason.NEGATION;
        }
        ComparisonOperator operator = comparison.operator();
        if (operator != ComparisonOperator.EQUAL && operator != ComparisonOperator.IN) {
            return SkipReason.UNSUPPORTED_OPERATOR;
        }
        return null;
    }

    /**
     * Normalises every value of a comparison for which {@link #unsupportedReason} returned null: one
     * result for {@code =}, one per element for {@code IN}, and one EMPTY_VALUE result for an empty IN list.
     */
    List<ValueResult> map(ComparisonExpression.Comparison comparison) {
        ValueKind kind = kindOf(comparison.path());
        if (!(comparison.value() instanceof Literal.SetLiteral set)) {
            return List.of(mapValue(kind, comparison.path(), comparison.value()));
        }
        if (set.elements().isEmpty()) {
            return List.of(ValueResult.rejected(SkipReason.EMPTY_VALUE, "empty IN list"));
        }
        List<ValueResult> results = new ArrayList<>(set.elements().size());
        for (Literal element : set.elements()) {
            results.add(mapValue(kind, comparison.path(), element));
        }
        return results;
    }

    private ValueResult mapValue(ValueKind kind, ObjectPath path, Literal literal) {
        if (!(literal instanceof Literal.StringLiteral string)) {
            return ValueResult.rejected(kind.invalidValue, "not a string literal");
        }
        String value = string.value().strip();
        if (value.isEmpty()) {
            return ValueResult.rejected(SkipReason.EMPTY_VALUE, "empty value");
        }
        return switch (kind) {
            case IP_ADDRESS -> IpAddresses.normalize(value, allowNonPublicAddresses);
            case DOMAIN_NAME -> DomainNames.normalize(value, allowNonPublicAddresses);
            case URL -> Urls.normalize(value, allowNonPublicAddresses);
            case FILE_HASH -> Hashes.normalizeFileHash(hashKey(path), value);
            case CERTIFICATE_HASH -> Hashes.normalizeCertificateHash(hashKey(path), value);
        };
    }

    /** Returns the value kind of a supported path ({@code <type>:value} or {@code <type>:hashes.<key>}), or null. */
    private static ValueKind kindOf(ObjectPath path) {
        List<ObjectPath.PathStep> steps = path.steps();
        ValueKind valueKind = VALUE_PROPERTY_KINDS.get(path.objectType());
        if (valueKind != null) {
            return steps.size() == 1 && isProperty(steps.get(0), "value") ? valueKind : null;
        }
        ValueKind hashKind = HASH_KINDS.get(path.objectType());
        boolean hashPath = steps.size() == 2 && isProperty(steps.get(0), "hashes")
                && steps.get(1) instanceof ObjectPath.PathStep.Property;
        return hashKind != null && hashPath ? hashKind : null;
    }

    private static String hashKey(ObjectPath path) {
        return ((ObjectPath.PathStep.Property) path.steps().get(1)).name();
    }

    private static boolean isProperty(ObjectPath.PathStep step, String name) {
        return step instanceof ObjectPath.PathStep.Property property && property.name().equals(name);
    }
}
