package io.intelsync.taxii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.cycle.CollectionRead;

/**
 * Streams the objects of a TAXII envelope ({@code {"more": …, "next": …, "objects": [ … ]}}) one at a time
 * with Jackson's streaming parser, so that a page is never held as a whole tree. When the last object has
 * been returned, the envelope's {@code more} and {@code next} (in whatever position they appear) and the
 * page's {@code X-TAXII-Date-Added-Last} are passed to the {@link CollectionRead}, with a hash of the page's
 * object ids and versions that lets it notice a server that serves the same page again.
 *
 * <p>All three envelope members are optional: medallion answers {@code {}} for an empty page. A
 * {@code next} may be a JSON string or number; it is kept as the server wrote it, so {@code 1} stays
 * {@code 1}.
 */
public final class TaxiiEnvelopeReader {

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public TaxiiEnvelopeReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    /** Returns an iterator over the objects of the page in the exchange's body; used by the page route's split. */
    public Iterator<JsonNode> objects(Exchange exchange) {
        CollectionRead read = exchange.getProperty(TaxiiRequests.READ_PROPERTY, CollectionRead.class);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new TaxiiResponseException("Response for collection " + read.collectionId() + " has Content-Type '"
                    + contentType + "', not " + TaxiiMediaTypes.TAXII_JSON + "; check that taxii.api-root is a TAXII "
                    + "API root and no proxy or login page answers instead");
        }
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        String dateAddedLast = exchange.getMessage().getHeader(TaxiiMediaTypes.DATE_ADDED_LAST, String.class);
        return objects(body, read, dateAddedLast);
    }

    /**
     * Returns an iterator over the objects of one envelope that reports the page to {@code read} at its end.
     *
     * @param dateAddedLast the page's {@code X-TAXII-Date-Added-Last} as the server wrote it, or null
     */
    public Iterator<JsonNode> objects(InputStream body, CollectionRead read, String dateAddedLast) {
        if (body == null) {
            throw new TaxiiResponseException("Empty response body for collection " + read.collectionId()
                    + "; expected a TAXII envelope");
        }
        try {
            JsonParser parser = factory.createParser(body);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.close();
                throw new TaxiiResponseException("Response for collection " + read.collectionId()
                        + " is not a JSON object; expected a TAXII envelope");
            }
            return new EnvelopeIterator(parser, read, dateAddedLast);
        } catch (IOException ex) {
            throw invalid(read, ex);
        }
    }

    private static TaxiiResponseException invalid(CollectionRead read, IOException ex) {
        String reason = ex instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : ex.getMessage();
        return new TaxiiResponseException("Invalid TAXII envelope for collection " + read.collectionId() + " after "
                + read.objects() + " objects: " + reason, ex);
    }

    // Closeable, so that Camel's split closes the response stream when a step fails before the end of the page.
    private final class EnvelopeIterator implements Iterator<JsonNode>, java.io.Closeable {
        private final JsonParser parser;
        private final CollectionRead read;
        private final String dateAddedLast;
        private long fingerprint;
        private boolean inObjects;
        private boolean finished;
        private boolean more;
        private String next;
        private JsonNode pending;
        private boolean envelopeMember;
        private String otherMember;
        private String errorTitle;

        EnvelopeIterator(JsonParser parser, CollectionRead read, String dateAddedLast) {
            this.parser = parser;
            this.read = read;
            this.dateAddedLast = dateAddedLast;
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !finished) {
                try {
                    pending = advance();
                } catch (IOException ex) {
                    close();
                    throw invalid(read, ex);
                } catch (RuntimeException ex) {
                    close();
                    throw ex;
                }
            }
            return pending != null;
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonNode result = pending;
            pending = null;
            read.countObject();
            fingerprint = fingerprint * 1_000_003L + (result.path("id").asText() + "|" + result.path("modified").asText())
                    .hashCode() + 1;
            return result;
        }

        // Returns the next object, or null after the envelope ends and the page was reported.
        private JsonNode advance() throws IOException {
            while (true) {
                if (inObjects) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inObjects = false;
                        continue;
                    }
                    if (token == JsonToken.START_OBJECT) {
                        return mapper.readTree(parser);
                    }
                    if (token == null) {
                        throw new TaxiiResponseException("Envelope for collection " + read.collectionId()
                                + " ended inside its objects array");
                    }
                    parser.skipChildren();
                    continue;
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT || token == null) {
                    finish();
                    return null;
                }
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("objects") || field.equals("more") || field.equals("next")) {
                    envelopeMember = true;
                } else if (otherMember == null) {
                    otherMember = field;
                }
                if (field.equals("title") && value == JsonToken.VALUE_STRING) {
                    errorTitle = parser.getText();
                }
                switch (field) {
                    case "objects" -> {
                        if (value == JsonToken.START_ARRAY) {
                            inObjects = true;
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw new TaxiiResponseException("Envelope for collection " + read.collectionId()
                                    + " has 'objects' that is not an array");
                        }
                    }
                    case "more" -> more = value == JsonToken.VALUE_TRUE
                            || (value == JsonToken.VALUE_STRING && "true".equalsIgnoreCase(parser.getText()));
                    case "next" -> next = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    default -> parser.skipChildren();
                }
            }
        }

        private void finish() {
            finished = true;
            close();
            // medallion answers {} for an empty page; any other object without envelope members is not a page.
            if (!envelopeMember && otherMember != null) {
                throw new TaxiiResponseException("Response for collection " + read.collectionId()
                        + " is not a TAXII envelope (it has '" + otherMember + "' but no objects, more or next)"
                        + (errorTitle == null ? "" : "; it looks like a TAXII error message: " + errorTitle));
            }
            read.pageRead(more, next, dateAddedLast, fingerprint);
        }

        @Override
        public void close() {
            finished = true;
            try {
                parser.close();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
