package io.intelsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.intelsync.defender.IndicatorAction;

class CollectionListParserTest {

    private static CollectionListParser.Result parse(String text) {
        return CollectionListParser.parse(text, "TAXII_COLLECTIONS");
    }

    private static List<String> ids(CollectionListParser.Result result) {
        return result.collections().stream().map(CollectionConfig::id).toList();
    }

    @Test
    void commaSeparatedIds() {
        CollectionListParser.Result result = parse("a,b,c");
        assertThat(ids(result)).containsExactly("a", "b", "c");
        assertThat(result.collections()).allMatch(c -> c.overrides().equals(CollectionOverrides.NONE));
        assertThat(result.collections().get(2).rank()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void jsonListOfIds() {
        assertThat(ids(parse("[\"x\",\"y\"]"))).containsExactly("x", "y");
    }

    @Test
    void jsonListDropsBlankAndNullEntries() {
        CollectionListParser.Result result = parse("[\"COLL1\",\"  COLL2  \",\"\",\"   \",null,\"COLL3\"]");
        assertThat(ids(result)).containsExactly("COLL1", "COLL2", "COLL3");
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void jsonListOfBlanksIsEmpty() {
        CollectionListParser.Result result = parse("[\"\",\"   \",\"\\t\"]");
        assertThat(result.collections()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void jsonObjectWithOverrides() {
        CollectionListParser.Result result = parse(
                "{\"id1\":{\"action\":\"Block\",\"expire_time\":7,\"rbac_group_names\":[\"G1\",\"G2\"]},\"id2\":null,\"id3\":\"\"}");
        assertThat(result.errors()).isEmpty();
        assertThat(ids(result)).containsExactly("id1", "id2", "id3");
        CollectionOverrides first = result.collections().get(0).overrides();
        assertThat(first.action()).contains(IndicatorAction.Block);
        assertThat(first.expireDays()).isEqualTo(OptionalInt.of(7));
        assertThat(first.rbacGroupNames()).containsExactly("G1", "G2");
        assertThat(result.collections().get(1).overrides()).isEqualTo(CollectionOverrides.NONE);
        assertThat(result.collections().get(2).overrides()).isEqualTo(CollectionOverrides.NONE);
    }

    @Test
    void maxIndicatorsAcceptsNumberAndNumericString() {
        CollectionListParser.Result result = parse(
                "{\"id1\":{\"action\":\"Block\",\"max_indicators\":123},\"id2\":{\"max_indicators\":\"50\"}}");
        assertThat(result.errors()).isEmpty();
        assertThat(result.collections().get(0).overrides().maxIndicators()).isEqualTo(OptionalInt.of(123));
        assertThat(result.collections().get(1).overrides().maxIndicators()).isEqualTo(OptionalInt.of(50));
    }

    @Test
    void objectKeysAreTrimmedAndBlankKeysDropped() {
        CollectionListParser.Result result = parse("{\"  COLL1  \":{\"action\":\"Audit\"},\"\":{\"action\":\"Block\"}}");
        assertThat(ids(result)).containsExactly("COLL1");
        assertThat(result.collections().get(0).overrides().action()).contains(IndicatorAction.Audit);
    }

    @Test
    void duplicateKeyKeepsFirstWithWarning() {
        CollectionListParser.Result result = parse(
                "{\"COLL1\":{\"action\":\"Audit\"},\"  COLL1  \":{\"action\":\"Block\"},\"COLL2\":null}");
        assertThat(ids(result)).containsExactly("COLL1", "COLL2");
        assertThat(result.collections().get(0).overrides().action()).contains(IndicatorAction.Audit);
        assertThat(result.collections().get(1).overrides()).isEqualTo(CollectionOverrides.NONE);
        assertThat(result.warnings()).singleElement().asString().contains("Duplicate taxii_collections key");
    }

    @Test
    void nonNumericExpireTimeIsAnError() {
        CollectionListParser.Result result = parse("{\"col-a\":{\"expire_time\":\"forever\",\"action\":\"Audit\"}}");
        assertThat(ids(result)).containsExactly("col-a");
        assertThat(result.collections().get(0).overrides().expireDays()).isEmpty();
        assertThat(result.collections().get(0).overrides().action()).contains(IndicatorAction.Audit);
        assertThat(result.errors()).singleElement().asString().contains("expire_time").contains("forever");
    }

    @Test
    void outOfRangeMaxIndicatorsIsAnError() {
        assertThat(parse("{\"c\":{\"max_indicators\":99999}}").errors()).singleElement().asString()
                .contains("max_indicators 99999").contains("1 to 15000");
        assertThat(parse("{\"c\":{\"max_indicators\":0}}").errors()).hasSize(1);
        assertThat(parse("{\"c\":{\"max_indicators\":\"unlimited\"}}").errors()).hasSize(1);
    }

    @Test
    void unknownActionIsAnError() {
        assertThat(parse("{\"c\":{\"action\":\"Quarantine\"}}").errors()).singleElement().asString()
                .contains("Quarantine").contains("BlockAndRemediate");
    }

    @Test
    void unknownOverrideKeyIsAnError() {
        assertThat(parse("{\"c\":{\"acton\":\"Block\"}}").errors()).singleElement().asString().contains("acton");
    }

    @Test
    void malformedJsonIsAnError() {
        CollectionListParser.Result result = parse("{\"c\": {\"action\": ");
        assertThat(result.collections()).isEmpty();
        assertThat(result.errors()).singleElement().asString().contains("not a valid JSON object");
    }

    @Test
    void textAfterJsonListIsAnError() {
        CollectionListParser.Result result = parse("[\"a\"] [\"b\", \"c\"]");
        assertThat(result.errors()).singleElement().asString().contains("text after the end of its JSON list");
        assertThat(parse("[\"a\"], [\"b\"]").errors()).hasSize(1);
    }

    @Test
    void idWithSyntaxCharactersIsAnError() {
        assertThat(parse("a, \"b\"").errors()).singleElement().asString().contains("'\"b\"' is not a collection id");
        assertThat(parse("a b,c").errors()).hasSize(1);
        assertThat(parse("{\"x y\": null}").errors()).hasSize(1);
    }

    @Test
    void stringGroupNameBecomesList() {
        CollectionOverrides overrides = parse("{\"c\":{\"rbac_group_names\":\" Servers \"}}").collections().get(0)
                .overrides();
        assertThat(overrides.rbacGroupNames()).containsExactly("Servers");
    }

    @Test
    void educateUrlMustBeHttp() {
        assertThat(parse("{\"c\":{\"educate_url\":\"https://intranet.example/security\"}}").collections().get(0)
                .overrides().educateUrl()).isEqualTo(Optional.of("https://intranet.example/security"));
        assertThat(parse("{\"c\":{\"educate_url\":\"intranet\"}}").errors()).hasSize(1);
    }

    @Test
    void emptyTextGivesNoCollections() {
        assertThat(parse("   ").collections()).isEmpty();
        assertThat(parse("").errors()).isEmpty();
    }
}
