package io.intelsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import io.intelsync.stix.pattern.ObservationExpression;
import io.intelsync.stix.pattern.PatternParseException;
import io.intelsync.stix.pattern.PatternParser;

/**
 * Feeds thousands of mutated and random patterns to the parser and the extractor. The parser may
 * throw only {@link PatternParseException}, the extractor nothing, and a pattern that parses must
 * parse again to the same tree from its own text. Each batch runs under a generous timeout that
 * catches endless loops; it is not a speed test.
 */
class PatternFuzzTest {

    private static final int BATCH_SIZE = 25;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

    private static final PatternExtractor EXTRACTOR = new PatternExtractor();

    /** Seed patterns: every sandbox pattern plus constructs the sandbox data lacks. */
    private static final List<String> SEEDS = Stream.concat(SandboxPatterns.allStixPatterns().stream(), Stream.of(
            "[ipv6-addr:value = '2001:4860:4860::8888'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.5Z'",
            "([file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e'] FOLLOWEDBY [url:value = 'http://a.example/x']) "
                    + "WITHIN 300 SECONDS",
            "[ipv4-addr:value NOT IN ('8.8.8.8', '9.9.9.9') AND x-custom:list[-1].'a b' >= 1.5] REPEATS 2 TIMES",
            "[EXISTS file:name OR artifact:payload_bin = b'dGVzdA==' OR file:magic_number_hex = h'ffd8' "
                    + "OR file:created <= t'2014-01-13T07:03:17Z' OR x:flag == true]",
            "/* comment */ [domain-name:value LIKE '%.example' OR url:value MATCHES '^https?://\\\\w+'] // end"))
            .toList();

    private static final List<String> TOKENS = List.of(
            "[", "]", "(", ")", ",", ":", ".", "*", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "'", "\\'", "\\\\",
            "AND", "OR", "NOT", "FOLLOWEDBY", "IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET", "EXISTS", "WITHIN",
            "SECONDS", "REPEATS", "TIMES", "START", "STOP", "and", "true", "false", "TRUE", "0", "-1", "+7", "007",
            "1.5", ".5", "1.", "t'2016-01-01T00:00:00Z'", "t'2016-13-01T00:00:00Z'", "b'dGVzdA=='", "b'==='",
            "h'ffd8'", "h'f'", "'8.8.8.8'", "'10.0.0.1/8'", "'a.example'", "'http://a.example/x'",
            "'d41d8cd98f00b204e9800998ecf8427e'",
            "file:hashes.MD5", "file:hashes.'SHA-256'", "ipv4-addr:value", "domain-name:value", "url:value",
            "x509-certificate:hashes.'SHA-1'", "network-traffic:dst_port", "a:b[*].c", "a:b[-1]", "/*", "*/", "//",
            "\n", "\u00a0", "\u0000", "é", "€", "\uD83D\uDE00");

    private static final List<String> COMPARISONS = List.of(
            "file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e'",
            "file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'",
            "file:hashes.SSDEEP = '3:a:b'", "file:hashes.MD5 = 'zz'", "file:name = 'x.exe'", "file:size > 10",
            "file:hashes.MD5 NOT = 'd41d8cd98f00b204e9800998ecf8427e'", "ipv4-addr:value = '8.8.8.8'",
            "ipv4-addr:value IN ('9.9.9.9', '10.0.0.1', '223.166.0.0/15')", "ipv6-addr:value = '2001:4860:4860::8888'",
            "domain-name:value = 'a.example'", "domain-name:value = 'bad name'", "url:value = 'http://a.example/x?y='",
            "url:value MATCHES '^ftp'", "x509-certificate:hashes.'SHA-1' = '46aba99aa7158e4609aaa72b50990842fd22ae86'",
            "network-traffic:dst_port = 443", "EXISTS process:name", "domain-name:resolves_to_refs[*].value = '8.8.4.4'");

    private static final List<String> QUALIFIERS = List.of("", "", "", " WITHIN 60 SECONDS", " REPEATS 3 TIMES",
            " START t'2016-01-01T00:00:00Z' STOP t'2030-01-01T00:00:00Z'");

    private static final String CHARACTERS = "[](){}'\\:.,=!<>*-+/ _tbhTZ0123456789aAzZ\n\t\u00a0é€\u0000\uD83D";

    @Property(tries = 200)
    void mutatedPatternsHandled(@ForAll("mutatedPatternBatches") List<String> batch) {
        checkBatch(batch);
    }

    @Property(tries = 100)
    void randomTokensHandled(@ForAll("randomTokenBatches") List<String> batch) {
        checkBatch(batch);
    }

    @Property(tries = 50)
    void randomTextHandled(@ForAll("randomTextBatches") List<String> batch) {
        checkBatch(batch);
    }

    @Property(tries = 100)
    void generatedStructuresHandled(@ForAll("structuredPatternBatches") List<String> batch) {
        checkBatch(batch);
    }

    @Provide
    Arbitrary<List<String>> mutatedPatternBatches() {
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.longs())
                .as((seed, randomSeed) -> mutate(seed, new Random(randomSeed)))
                .list().ofSize(BATCH_SIZE);
    }

    @Provide
    Arbitrary<List<String>> randomTokenBatches() {
        Arbitrary<String> separators = Arbitraries.of("", " ", "  ", "\t");
        Arbitrary<String> token = Combinators.combine(Arbitraries.of(TOKENS), separators).as(String::concat);
        return token.list().ofMinSize(1).ofMaxSize(40).map(tokens -> String.join("", tokens)).list().ofSize(BATCH_SIZE);
    }

    @Provide
    Arbitrary<List<String>> randomTextBatches() {
        Arbitrary<String> text = Arbitraries.strings().withChars(CHARACTERS.toCharArray()).ofMaxLength(80);
        return Arbitraries.oneOf(text, Arbitraries.strings().ofMaxLength(80)).list().ofSize(BATCH_SIZE);
    }

    /** Valid patterns built from mapped and unmapped comparisons with random AND, OR, grouping and qualifiers. */
    @Provide
    Arbitrary<List<String>> structuredPatternBatches() {
        Arbitrary<String> comparisons = Arbitraries.of(COMPARISONS);
        Arbitrary<String> inner = Arbitraries.recursive(() -> comparisons,
                operand -> Combinators.combine(operand, Arbitraries.of(" AND ", " OR "), operand)
                        .as((left, operator, right) -> "(" + left + operator + right + ")"),
                0, 4);
        Arbitrary<String> observation = Combinators.combine(inner, Arbitraries.of(QUALIFIERS))
                .as((comparison, qualifier) -> "[" + comparison + "]" + qualifier);
        Arbitrary<String> pattern = Arbitraries.recursive(() -> observation,
                operand -> Combinators.combine(operand, Arbitraries.of(" AND ", " OR ", " OR ", " FOLLOWEDBY "), operand)
                        .as((left, operator, right) -> "(" + left + operator + right + ")"),
                0, 3);
        return pattern.list().ofSize(BATCH_SIZE);
    }

    /** Applies one to six random edits: deletions, insertions, swaps, truncation, duplication or random tokens. */
    private static String mutate(String pattern, Random random) {
        StringBuilder text = new StringBuilder(pattern);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int position = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(8)) {
                case 0 -> {
                    if (position < text.length()) {
                        text.deleteCharAt(position);
                    }
                }
                case 1 -> text.insert(position, CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
                case 2 -> {
                    if (position + 1 < text.length()) {
                        char first = text.charAt(position);
                        text.setCharAt(position, text.charAt(position + 1));
                        text.setCharAt(position + 1, first);
                    }
                }
                case 3 -> text.setLength(position);
                case 4 -> text.insert(position, "[]()".charAt(random.nextInt(4)));
                case 5 -> text.insert(position, " " + TOKENS.get(random.nextInt(TOKENS.size())) + " ");
                case 6 -> {
                    int end = Math.min(text.length(), position + random.nextInt(40));
                    text.insert(position, text.substring(position, end));
                }
                default -> {
                    int end = Math.min(text.length(), position + random.nextInt(12));
                    text.replace(position, end, TOKENS.get(random.nextInt(TOKENS.size())));
                }
            }
        }
        return text.toString();
    }

    private static void checkBatch(List<String> batch) {
        List<String> results = assertTimeoutPreemptively(BATCH_TIMEOUT,
                () -> batch.stream().map(PatternFuzzTest::checkPattern).toList());

        // jqwik collects statistics only on its own thread, not on the timeout's thread.
        results.forEach(result -> Statistics.label("parse result").collect(result));
    }

    /** Checks one pattern and returns whether it parsed, for the statistics. */
    private static String checkPattern(String pattern) {
        ObservationExpression parsed = null;
        try {
            parsed = PatternParser.parse(pattern);
        } catch (PatternParseException e) {
            assertThat(e.position()).as("error position in %s", pattern).isBetween(0, pattern.length());
            assertThat(e.getMessage()).startsWith("Invalid STIX pattern at position " + e.position() + ": ");
        }
        if (parsed != null) {
            assertThat(PatternParser.parse(parsed.toPatternText())).as("round trip of %s", pattern).isEqualTo(parsed);
        }

        PatternExtraction extraction = EXTRACTOR.extract(pattern);

        assertThat(extraction).isNotNull();
        assertThat(new ArrayList<>(extraction.observables())).doesNotHaveDuplicates();
        boolean syntaxSkip = extraction.skips().stream().anyMatch(skip -> skip.reason() == SkipReason.PATTERN_SYNTAX);
        assertThat(syntaxSkip).as("syntax skip for %s", pattern).isEqualTo(parsed == null);
        return parsed == null ? "rejected" : "parsed";
    }
}
