package io.intelsync.sandbox.taxii;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TAXII 2.1 {@code match[...]} and {@code added_after} filters, with the semantics of
 * medallion's {@code BasicFilter}. Each filter keeps the input order.
 */
final class ObjectFilters {

    private ObjectFilters() {
    }

    /** Keeps objects whose STIX type is in the comma-separated list. */
    static List<TaxiiObject> byType(List<TaxiiObject> objects, String types) {
        Set<String> accepted = splitCommas(types);
        return objects.stream().filter(object -> accepted.contains(object.type())).toList();
    }

    /** Keeps objects whose STIX id is in the comma-separated list. */
    static List<TaxiiObject> byId(List<TaxiiObject> objects, String ids) {
        Set<String> accepted = splitCommas(ids);
        return objects.stream().filter(object -> accepted.contains(object.id())).toList();
    }

    /** Keeps objects added strictly after the instant. */
    static List<TaxiiObject> addedAfter(List<TaxiiObject> objects, Instant after) {
        return objects.stream().filter(object -> object.dateAdded().isAfter(after)).toList();
    }

    /**
     * Filters on the STIX spec version. With a list, keeps objects whose spec version is in it. Without
     * one, keeps for each id only the versions with its newest spec version, plus objects whose spec
     * version is unknown.
     */
    static List<TaxiiObject> bySpecVersion(List<TaxiiObject> objects, String specVersions) {
        if (specVersions != null) {
            Set<String> accepted = splitCommas(specVersions);
            return objects.stream()
                    .filter(object -> object.specVersion() != null && accepted.contains(object.specVersion()))
                    .toList();
        }
        Map<String, String> newestSpecVersion = new LinkedHashMap<>();
        for (TaxiiObject object : objects) {
            if (object.specVersion() != null) {
                newestSpecVersion.merge(object.id(), object.specVersion(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        return objects.stream()
                .filter(object -> object.specVersion() == null
                        || object.specVersion().equals(newestSpecVersion.get(object.id())))
                .toList();
    }

    /**
     * Applies {@code match[version]}: a comma-separated list of {@code last} (the default, the
     * newest version of each id), {@code first}, {@code all} and exact version timestamps.
     *
     * @throws TaxiiException 400 if an entry is none of those
     */
    static List<TaxiiObject> byVersion(List<TaxiiObject> objects, String versionSpec) throws TaxiiException {
        Set<String> entries = splitCommas(versionSpec == null ? "last" : versionSpec);
        if (entries.contains("all")) {
            return objects;
        }
        List<Instant> exactVersions = new ArrayList<>();
        for (String entry : entries) {
            if (entry.equals("first") || entry.equals("last")) {
                continue;
            }
            try {
                exactVersions.add(TaxiiTimestamps.parse(entry));
            } catch (DateTimeParseException e) {
                throw TaxiiException.badRequest("The server did not understand the request or filter parameters: "
                        + "match[version] entry '" + entry + "' is not 'first', 'last', 'all' or a timestamp");
            }
        }
        Map<String, TaxiiObject> first = new LinkedHashMap<>();
        Map<String, TaxiiObject> last = new LinkedHashMap<>();
        for (TaxiiObject object : objects) {
            first.merge(object.id(), object, (kept, candidate) -> candidate.version().isBefore(kept.version()) ? candidate : kept);
            last.merge(object.id(), object, (kept, candidate) -> candidate.version().isAfter(kept.version()) ? candidate : kept);
        }
        return objects.stream()
                .filter(object -> exactVersions.contains(object.version())
                        || (entries.contains("first") && first.get(object.id()) == object)
                        || (entries.contains("last") && last.get(object.id()) == object))
                .toList();
    }

    private static Set<String> splitCommas(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
