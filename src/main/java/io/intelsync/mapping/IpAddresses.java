package io.intelsync.mapping;

import java.util.List;

import io.intelsync.defender.IndicatorType;

/**
 * Parsing, normalisation and public-address checks for IP address literals, without name
 * resolution.
 *
 * <p>Accepted forms and their normalised output:
 * <ul>
 *   <li>IPv4 as a strict dotted quad: four decimal numbers 0 to 255 without leading zeros. A leading
 *       zero is rejected because some parsers read {@code 010} as octal 8, so the address is ambiguous.</li>
 *   <li>IPv6 in any RFC 4291 text form (with {@code ::} compression and an embedded dotted quad),
 *       written as all eight groups in lower-case hex without leading zeros, as Defender's documentation
 *       shows: {@code 2001:4860:4860:0:0:0:0:8888}. Zone indexes ({@code %eth0}) are rejected.</li>
 *   <li>IPv4-mapped IPv6 ({@code ::ffff:1.2.3.4}) becomes the IPv4 address, because that is the address
 *       the traffic goes to.</li>
 *   <li>A CIDR suffix that covers the whole address ({@code /32}, {@code /128}) is dropped; a shorter
 *       prefix is a range, which Defender does not accept.</li>
 * </ul>
 */
final class IpAddresses {

    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int IPV6_GROUPS = 8;
    private static final int MAX_IPV6_LENGTH = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255".length();

    /** IPv4 blocks that are not public unicast: special-purpose blocks, multicast and the reserved 240.0.0.0/4. */
    private static final List<Block> NON_PUBLIC_IPV4 = List.of(
            Block.ipv4(0, 0, 0, 0, 8, "\"this network\""),
            Block.ipv4(10, 0, 0, 0, 8, "private-use"),
            Block.ipv4(100, 64, 0, 0, 10, "shared address space (carrier-grade NAT)"),
            Block.ipv4(127, 0, 0, 0, 8, "loopback"),
            Block.ipv4(169, 254, 0, 0, 16, "link-local"),
            Block.ipv4(172, 16, 0, 0, 12, "private-use"),
            Block.ipv4(192, 0, 0, 0, 24, "IETF protocol assignments"),
            Block.ipv4(192, 0, 2, 0, 24, "documentation (TEST-NET-1)"),
            Block.ipv4(192, 168, 0, 0, 16, "private-use"),
            Block.ipv4(198, 18, 0, 0, 15, "benchmarking"),
            Block.ipv4(198, 51, 100, 0, 24, "documentation (TEST-NET-2)"),
            Block.ipv4(203, 0, 113, 0, 24, "documentation (TEST-NET-3)"),
            Block.ipv4(224, 0, 0, 0, 4, "multicast"),
            Block.ipv4(240, 0, 0, 0, 4, "reserved, including the broadcast address 255.255.255.255"));

    /**
     * Named IPv6 blocks that are not public. Every address outside the global unicast block 2000::/3
     * is also treated as not public, so the named blocks outside it only give better messages.
     */
    private static final List<Block> NON_PUBLIC_IPV6 = List.of(
            Block.ipv6(new int[] {0, 0, 0, 0, 0, 0, 0, 0}, 128, "the unspecified address"),
            Block.ipv6(new int[] {0, 0, 0, 0, 0, 0, 0, 1}, 128, "loopback"),
            Block.ipv6(new int[] {0xfc00}, 7, "unique-local"),
            Block.ipv6(new int[] {0xfe80}, 10, "link-local"),
            Block.ipv6(new int[] {0xff00}, 8, "multicast"),
            Block.ipv6(new int[] {0x2001, 0x0db8}, 32, "documentation"),
            Block.ipv6(new int[] {0x3fff}, 20, "documentation"),
            Block.ipv6(new int[] {0x2001, 0x0002, 0}, 48, "benchmarking"),
            Block.ipv6(new int[] {0x2001, 0x0010}, 28, "deprecated ORCHID"));

    private static final Block GLOBAL_UNICAST = Block.ipv6(new int[] {0x2000}, 3, "global unicast");

    private IpAddresses() {
    }

    /**
     * Normalises an IP literal, optionally with a CIDR suffix, to a Defender IpAddress observable.
     *
     * @param value the trimmed, non-empty value
     * @param allowNonPublic whether private, loopback and other non-public addresses are accepted
     */
    static ValueResult normalize(String value, boolean allowNonPublic) {
        String address = value;
        Integer prefixLength = null;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            address = value.substring(0, slash);
            prefixLength = parsePrefixLength(value.substring(slash + 1));
            if (prefixLength == null) {
                return ValueResult.rejected(SkipReason.INVALID_IP, "invalid CIDR prefix length");
            }
        }

        byte[] bytes = parse(address);
        if (bytes == null) {
            return ValueResult.rejected(SkipReason.INVALID_IP, "not an IPv4 or IPv6 address");
        }
        int bits = bytes.length * 8;
        if (prefixLength != null && prefixLength > bits) {
            return ValueResult.rejected(SkipReason.INVALID_IP, "CIDR prefix /" + prefixLength + " is longer than "
                    + bits + " bits");
        }
        if (prefixLength != null && prefixLength < bits) {
            return ValueResult.rejected(SkipReason.IP_RANGE, "CIDR /" + prefixLength
                    + " is a range; Defender accepts single addresses only");
        }

        byte[] target = unmapIpv4(bytes);
        if (!allowNonPublic) {
            String block = nonPublicBlock(target);
            if (block != null) {
                return ValueResult.rejected(SkipReason.NON_PUBLIC_ADDRESS, "address is " + block);
            }
        }
        return ValueResult.accepted(new Observable(IndicatorType.IpAddress, format(target)));
    }

    /** Returns whether {@code value}, without any CIDR suffix, is an IPv4 or IPv6 literal. */
    static boolean isIpLiteral(String value) {
        int slash = value.indexOf('/');
        return parse(slash >= 0 ? value.substring(0, slash) : value) != null;
    }

    /** Parses an IPv4 or IPv6 literal without a CIDR suffix to 4 or 16 bytes, or returns null. */
    static byte[] parse(String text) {
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /** Formats 4 bytes as a dotted quad or 16 bytes as eight uncompressed lower-case hex groups. */
    static String format(byte[] bytes) {
        StringBuilder text = new StringBuilder(39);
        if (bytes.length == IPV4_BYTES) {
            for (int i = 0; i < IPV4_BYTES; i++) {
                text.append(i == 0 ? "" : ".").append(bytes[i] & 0xff);
            }
        } else {
            for (int i = 0; i < IPV6_BYTES; i += 2) {
                text.append(i == 0 ? "" : ":").append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff));
            }
        }
        return text.toString();
    }

    /** Returns the name of the non-public block that contains the address, or null for a public address. */
    static String nonPublicBlock(byte[] bytes) {
        List<Block> blocks = bytes.length == IPV4_BYTES ? NON_PUBLIC_IPV4 : NON_PUBLIC_IPV6;
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return block.name() + " " + block.cidr();
            }
        }
        if (bytes.length == IPV6_BYTES && !GLOBAL_UNICAST.contains(bytes)) {
            return "outside the global unicast block 2000::/3";
        }
        return null;
    }

    private static Integer parsePrefixLength(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private static byte[] unmapIpv4(byte[] bytes) {
        if (bytes.length != IPV6_BYTES) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }

    private static byte[] parseIpv4(String text) {
        byte[] bytes = new byte[IPV4_BYTES];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                continue;
            }
            if (part == IPV4_BYTES) {
                return null;
            }
            int value = parseDecimalOctet(text, start, i);
            if (value < 0) {
                return null;
            }
            bytes[part++] = (byte) value;
            start = i + 1;
        }
        return part == IPV4_BYTES ? bytes : null;
    }

    /** Parses text[from, to) as 0 to 255 without leading zeros, or returns -1. */
    private static int parseDecimalOctet(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3 || length > 1 && text.charAt(from) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] parseIpv6(String text) {
        if (text.length() < 2 || text.length() > MAX_IPV6_LENGTH) {
            return null;
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return null;
        }

        int[] head = new int[IPV6_GROUPS];
        int[] tail = new int[IPV6_GROUPS];
        int headCount;
        int tailCount = 0;
        if (compression < 0) {
            headCount = parseGroups(text, head, true);
            if (headCount != IPV6_GROUPS) {
                return null;
            }
        } else {
            headCount = parseGroups(text.substring(0, compression), head, false);
            tailCount = parseGroups(text.substring(compression + 2), tail, true);
            // "::" stands for at least one zero group.
            if (headCount < 0 || tailCount < 0 || headCount + tailCount > IPV6_GROUPS - 1) {
                return null;
            }
        }

        byte[] bytes = new byte[IPV6_BYTES];
        for (int i = 0; i < headCount; i++) {
            putGroup(bytes, i, head[i]);
        }
        for (int i = 0; i < tailCount; i++) {
            putGroup(bytes, IPV6_GROUPS - tailCount + i, tail[i]);
        }
        return bytes;
    }

    /**
     * Parses colon-separated hex groups. When {@code endsAddress} is true the last group may be a dotted
     * quad, which fills two groups. Returns the number of groups written to {@code groups}, 0 for empty
     * text, or -1 if the text is invalid.
     */
    private static int parseGroups(String text, int[] groups, boolean endsAddress) {
        if (text.isEmpty()) {
            return 0;
        }
        int count = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != ':') {
                continue;
            }
            String group = text.substring(start, i);
            boolean last = i == text.length();
            if (last && endsAddress && group.indexOf('.') >= 0) {
                byte[] ipv4 = parseIpv4(group);
                if (ipv4 == null || count + 2 > IPV6_GROUPS) {
                    return -1;
                }
                groups[count++] = (ipv4[0] & 0xff) << 8 | ipv4[1] & 0xff;
                groups[count++] = (ipv4[2] & 0xff) << 8 | ipv4[3] & 0xff;
                return count;
            }
            int value = parseHexGroup(group);
            if (value < 0 || count == IPV6_GROUPS) {
                return -1;
            }
            groups[count++] = value;
            start = i + 1;
        }
        return count;
    }

    private static int parseHexGroup(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static void putGroup(byte[] bytes, int group, int value) {
        bytes[group * 2] = (byte) (value >>> 8);
        bytes[group * 2 + 1] = (byte) value;
    }

    /** An address block given by its first bytes and prefix length. */
    private record Block(byte[] prefix, int length, String name) {

        static Block ipv4(int a, int b, int c, int d, int length, String name) {
            return new Block(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, length, name);
        }

        static Block ipv6(int[] leadingGroups, int length, String name) {
            byte[] prefix = new byte[IPV6_BYTES];
            for (int i = 0; i < leadingGroups.length; i++) {
                putGroup(prefix, i, leadingGroups[i]);
            }
            return new Block(prefix, length, name);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int fullBytes = length / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int remainingBits = length % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xff << (8 - remainingBits) & 0xff;
            return (address[fullBytes] & mask) == (prefix[fullBytes] & mask);
        }

        String cidr() {
            return format(prefix) + "/" + length;
        }
    }
}
