package io.intelsync.sandbox.taxii;

import io.intelsync.sandbox.taxii.SyntheticObject.DefenderValue;
import io.intelsync.sandbox.taxii.SyntheticObject.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the objects of a synthetic collection from a seed, one at a time and in any order, so
 * that a collection of millions of objects needs no memory. Object {@code i} depends only on the
 * seed, the collection size and {@code i}.
 *
 * <p>The mix, per 1,000 objects: 60 are not indicators, 30 are revoked, 20 have a {@code pattern_type}
 * other than {@code stix}, 10 are not for detection, 10 have a {@code valid_until} in the past, 15
 * name only a private IPv4 address, and the other 855 are indicators that yield Defender indicators.
 * Of those, 85 in 100 yield one value, 10 yield two and 5 yield three, joined by {@code OR}. Values
 * are public IPv4 addresses (40 in 100), domain names (35) and SHA-256 hashes (25), and no two
 * objects of a collection share a value, so Defender's de-duplication never applies.
 *
 * <p>{@code date_added} is {@link #FIRST_DATE_ADDED} plus {@code i} microseconds. {@code modified} is
 * uniform over the {@link #MODIFIED_SPAN} from {@link #MODIFIED_FROM}, on a grid of half as many
 * steps as the collection has objects, so that equal {@code modified} times are common and the
 * selection's tie-break is exercised. {@code created} is up to 30 days before {@code modified}.
 */
public final class SyntheticObjects {

    /** The {@code date_added} of object 0. */
    public static final Instant FIRST_DATE_ADDED = Instant.parse("2025-01-01T00:00:00Z");

    /** The earliest {@code modified} time. */
    public static final Instant MODIFIED_FROM = Instant.parse("2021-01-01T00:00:00Z");

    /** The range of {@code modified} times, four years. */
    public static final Duration MODIFIED_SPAN = Duration.ofDays(4 * 365);

    /**
     * The largest collection size. It keeps {@code date_added} within 100 seconds and leaves room
     * for the three values of every object in the block of unique IPv4 addresses.
     */
    public static final long MAX_COUNT = 100_000_000;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** First octets 11 to 99 contain no special-purpose IPv4 block, so every address there is public. */
    private static final int FIRST_PUBLIC_OCTET = 11;
    private static final int PUBLIC_OCTETS = 89;
    private static final String[] OTHER_TYPES = {"malware", "identity", "attack-pattern"};
    private static final String[] OTHER_PATTERN_TYPES = {"yara", "sigma", "snort"};
    private static final String[] DOMAIN_PREFIXES = {"cdn", "login", "update", "mail", "static", "api"};
    private static final String[] DOMAIN_SUFFIXES = {"com", "net", "org", "info", "xyz", "ru"};

    private final long seed;
    private final long count;
    private final long modifiedSteps;
    private final long modifiedStepMicros;

    /**
     * @param seed the seed; the same seed and count give the same objects
     * @param count the number of objects, from 0 to {@link #MAX_COUNT}
     */
    public SyntheticObjects(long seed, long count) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("Invalid synthetic collection size " + count + ": use 0 to " + MAX_COUNT);
        }
        this.seed = seed;
        this.count = count;
        this.modifiedSteps = Math.max(1, count / 2);
        this.modifiedStepMicros = MODIFIED_SPAN.toNanos() / 1000 / modifiedSteps;
    }

    public long seed() {
        return seed;
    }

    public long count() {
        return count;
    }

    /** Returns the {@code date_added} of object {@code index}. */
    public static Instant dateAdded(long index) {
        return FIRST_DATE_ADDED.plusNanos(index * 1000);
    }

    /**
     * Generates object {@code index}.
     *
     * @throws IndexOutOfBoundsException if the index is not below {@link #count()}
     */
    public SyntheticObject object(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("Synthetic object " + index + " is outside 0 to " + (count - 1));
        }
        SplittableRandom random = new SplittableRandom(mix64(seed + GOLDEN_GAMMA * (index + 1)));
        Instant modified = MODIFIED_FROM.plusNanos(random.nextLong(modifiedSteps) * modifiedStepMicros * 1000);
        Instant created = modified.minusSeconds(random.nextLong(30L * 24 * 3600 + 1));
        String uuid = uuid(index, random);

        int draw = random.nextInt(1000);
        if (draw < 60) {
            String type = OTHER_TYPES[random.nextInt(OTHER_TYPES.length)];
            return new SyntheticObject(index, type + "--" + uuid, type, created, modified, dateAdded(index),
                    Kind.OTHER_TYPE, null, null, null, null, List.of());
        }

        int score = random.nextInt(101);
        String id = "indicator--" + uuid;
        Kind kind = kindOf(draw);
        String patternType = kind == Kind.OTHER_PATTERN_TYPE
                ? OTHER_PATTERN_TYPES[random.nextInt(OTHER_PATTERN_TYPES.length)] : "stix";
        Instant validUntil = kind == Kind.EXPIRED ? modified.plus(Duration.ofDays(1)) : null;
        if (kind == Kind.NON_PUBLIC_ADDRESS) {
            String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            return new SyntheticObject(index, id, "indicator", created, modified, dateAdded(index), kind, patternType,
                    "[ipv4-addr:value = '" + address + "']", validUntil, score, List.of());
        }

        List<DefenderValue> values = new ArrayList<>();
        List<String> comparisons = new ArrayList<>();
        int valueCount = valueCount(random.nextInt(100));
        for (int k = 0; k < valueCount; k++) {
            addValue(3 * index + k, random, values, comparisons);
        }
        String pattern = valueCount == 1 || random.nextBoolean()
                ? "[" + String.join(" OR ", comparisons) + "]"
                : "[" + String.join("] OR [", comparisons) + "]";
        List<DefenderValue> expected = kind == Kind.INDICATOR ? values : List.of();
        return new SyntheticObject(index, id, "indicator", created, modified, dateAdded(index), kind, patternType,
                pattern, validUntil, score, expected);
    }

    private static Kind kindOf(int draw) {
        if (draw < 90) {
            return Kind.REVOKED;
        }
        if (draw < 110) {
            return Kind.OTHER_PATTERN_TYPE;
        }
        if (draw < 120) {
            return Kind.NOT_FOR_DETECTION;
        }
        if (draw < 130) {
            return Kind.EXPIRED;
        }
        if (draw < 145) {
            return Kind.NON_PUBLIC_ADDRESS;
        }
        return Kind.INDICATOR;
    }

    private static int valueCount(int draw) {
        if (draw < 85) {
            return 1;
        }
        return draw < 95 ? 2 : 3;
    }

    /**
     * Adds the comparison and the expected Defender indicator of value slot {@code slot}. Each slot
     * gives a distinct value of each type, because the value is built from a bijective function of
     * the slot.
     */
    private void addValue(long slot, SplittableRandom random, List<DefenderValue> values, List<String> comparisons) {
        int draw = random.nextInt(100);
        if (draw < 40) {
            String address = publicIpv4(slot);
            values.add(new DefenderValue("IpAddress", address));
            comparisons.add("ipv4-addr:value = '" + address + "'");
        } else if (draw < 75) {
            String label = Long.toUnsignedString(mix64(slot ^ seed), 36);
            String domain = DOMAIN_PREFIXES[random.nextInt(DOMAIN_PREFIXES.length)] + "-" + label + "."
                    + DOMAIN_SUFFIXES[random.nextInt(DOMAIN_SUFFIXES.length)];
            values.add(new DefenderValue("DomainName", domain));
            comparisons.add("domain-name:value = '" + domain + "'");
        } else {
            String hash = String.format(Locale.ROOT, "%016x%016x%016x%016x", mix64(slot ^ seed), random.nextLong(),
                    random.nextLong(), random.nextLong());
            values.add(new DefenderValue("FileSha256", hash));
            // Some feeds write hashes in upper case; Defender's value is lower case.
            String written = random.nextInt(10) == 0 ? hash.toUpperCase(Locale.ROOT) : hash;
            comparisons.add("file:hashes.'SHA-256' = '" + written + "'");
        }
    }

    /**
     * Returns a public IPv4 address that is unique for each slot below 89 * 2^24. The first octet,
     * from 11 to 99, comes from the slot's high bits and the seed. The other three octets are a
     * bijective scramble of the slot's low 24 bits.
     */
    private String publicIpv4(long slot) {
        int firstOctet = FIRST_PUBLIC_OCTET + (int) Math.floorMod((slot >>> 24) + seed, PUBLIC_OCTETS);
        long low = ((slot & 0xFFFFFF) * 0x9E3779B1L + (seed & 0xFFFFFF)) & 0xFFFFFF;
        return firstOctet + "." + (low >>> 16) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
    }

    /** Returns a version 4 UUID whose last 48 bits are the index, so ids are unique within a collection. */
    private static String uuid(long index, SplittableRandom random) {
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFF_0000_0000_0000L) | 0x8000_0000_0000_0000L | index;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /** SplitMix64's finaliser, a bijection on 64-bit values. */
    private static long mix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
