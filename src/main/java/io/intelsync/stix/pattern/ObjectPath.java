package io.intelsync.stix.pattern;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The left-hand side of a comparison: an object type and the steps to a property of it, as in
 * {@code file:hashes.'SHA-256'} or {@code windows-registry-key:values[*].data}.
 *
 * @param objectType the STIX object type, for example {@code file} or {@code ipv4-addr}
 * @param steps the path after the colon, starting with a property name; never empty
 */
public record ObjectPath(String objectType, List<PathStep> steps) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ObjectPath {
        Objects.requireNonNull(objectType, "objectType");
        steps = List.copyOf(steps);
        if (steps.isEmpty() || !(steps.get(0) instanceof PathStep.Property)) {
            throw new IllegalArgumentException("an object path starts with a property name");
        }
    }

    /** One step of an object path. */
    public sealed interface PathStep {

        /** A property name, as in {@code .hashes} or {@code .'SHA-256'}. */
        record Property(String name) implements PathStep {
            public Property {
                Objects.requireNonNull(name, "name");
            }
        }

        /** A list index, as in {@code [0]}. A negative index counts from the end of the list. */
        record Index(int index) implements PathStep {
        }

        /** The index {@code [*]}, which matches any element of a list. */
        record AnyIndex() implements PathStep {
        }
    }

    /** Returns the path in STIX pattern syntax; property names that are not plain identifiers are quoted. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(objectType).append(':');
        for (int i = 0; i < steps.size(); i++) {
            PathStep step = steps.get(i);
            if (step instanceof PathStep.Property property) {
                if (i > 0) {
                    text.append('.');
                }
                String name = property.name();
                text.append(PLAIN_NAME.matcher(name).matches() ? name : Literal.StringLiteral.quote(name));
            } else if (step instanceof PathStep.Index index) {
                text.append('[').append(index.index()).append(']');
            } else {
                text.append("[*]");
            }
        }
        return text.toString();
    }
}
