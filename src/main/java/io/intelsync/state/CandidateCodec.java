package io.intelsync.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.intelsync.defender.IndicatorType;
import io.intelsync.mapping.Observable;
import io.intelsync.selection.SelectionCandidate;
import io.intelsync.stix.OpenCtiAttributes;
import io.intelsync.stix.StixIndicator;

/** Writes a kept candidate as compact JSON for the state store, and reads it back. */
final class CandidateCodec {

    private final ObjectMapper mapper;

    CandidateCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(SelectionCandidate candidate) {
        StixIndicator indicator = candidate.indicator();
        ObjectNode json = mapper.createObjectNode();
        json.put("id", indicator.id());
        json.put("modified", indicator.modified().toString());
        putIfNotNull(json, "name", indicator.name());
        putIfNotNull(json, "description", indicator.description());
        putIfNotNull(json, "validUntil", indicator.validUntil() == null ? null : indicator.validUntil().toString());
        if (indicator.confidence() != null) {
            json.put("confidence", indicator.confidence());
        }
        OpenCtiAttributes openCti = indicator.openCti();
        if (!openCti.equals(OpenCtiAttributes.NONE)) {
            ObjectNode octi = json.putObject("openCti");
            putIfNotNull(octi, "id", openCti.internalId());
            if (openCti.score() != null) {
                octi.put("score", openCti.score());
            }
            if (openCti.detection() != null) {
                octi.put("detection", openCti.detection());
            }
            putIfNotNull(octi, "mainObservableType", openCti.mainObservableType());
        }
        putIfNotNull(json, "windowStop", candidate.windowStop() == null ? null : candidate.windowStop().toString());
        ArrayNode observables = json.putArray("observables");
        for (Observable observable : candidate.observables()) {
            observables.addArray().add(observable.type().name()).add(observable.value());
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot write the kept indicator " + indicator.id(), ex);
        }
    }

    /** Reads a candidate of the given collection; the sequence orders candidates of equal priority. */
    SelectionCandidate read(String text, String collectionId, int collectionRank, long sequence)
            throws JsonProcessingException {
        JsonNode json = mapper.readTree(text);
        JsonNode octi = json.path("openCti");
        OpenCtiAttributes openCti = octi.isMissingNode() ? OpenCtiAttributes.NONE
                : new OpenCtiAttributes(textOrNull(octi, "id"), octi.has("score") ? octi.get("score").intValue() : null,
                        octi.has("detection") ? octi.get("detection").booleanValue() : null,
                        textOrNull(octi, "mainObservableType"));
        StixIndicator indicator = new StixIndicator(json.get("id").asText(), Instant.parse(json.get("modified").asText()),
                textOrNull(json, "name"), textOrNull(json, "description"), instantOrNull(json, "validUntil"),
                json.has("confidence") ? json.get("confidence").intValue() : null, openCti);
        List<Observable> observables = new ArrayList<>();
        for (JsonNode pair : json.path("observables")) {
            observables.add(new Observable(IndicatorType.valueOf(pair.get(0).asText()), pair.get(1).asText()));
        }
        return new SelectionCandidate(indicator, collectionId, collectionRank, observables,
                instantOrNull(json, "windowStop"), sequence);
    }

    private static void putIfNotNull(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static String textOrNull(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instantOrNull(JsonNode json, String field) {
        String text = textOrNull(json, field);
        return text == null ? null : Instant.parse(text);
    }
}
