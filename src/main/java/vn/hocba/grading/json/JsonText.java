package vn.hocba.grading.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text ↔ tree with the streaming parser and generator only. Avoids initialising a full
 * {@code ObjectMapper} (hundreds of classes), which keeps the {@code results} command's start-up
 * short. Floating-point numbers become exact {@code BigDecimal}s (never doubles, no trailing zero
 * stripping); duplicate keys and trailing content are syntax errors.
 */
final class JsonText {

    /**
     * A class gradebook nests some 8 levels and its longest strings are comments (≤ 1000 characters); the
     * stored results parts are of the same shape. Anything far beyond is refused by the parser before
     * it is built into a tree (the tree is built recursively: unbounded nesting would overflow the stack).
     */
    static final int MAX_DEPTH = 64;
    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxStringLength(1_000_000).maxNumberLength(100).maxDocumentLength(32L * 1024 * 1024).build();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(CONSTRAINTS).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonText() {
    }

    static JsonNode parse(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonParseException(parser, "No content");
            }
            JsonNode root = value(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "Trailing content after the document");
            }
            return root;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.INT ? NODES.numberNode(p.getIntValue())
                    : NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> hasExponent(p.getText()) ? new ExponentNumber(p.getDecimalValue(), p.getText())
                    : NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "Unexpected token " + token);
        };
    }

    private static boolean hasExponent(String number) {
        return number.indexOf('e') >= 0 || number.indexOf('E') >= 0;
    }

    /**
     * A number written with an exponent ({@code 1.0E1}): its value is exact, but the text it was
     * written as is kept, because {@code 1.0E1} and {@code 10} are the same decimal to a parser while
     * no one writes a mark so (MarkReader says so rather than guessing).
     */
    static final class ExponentNumber extends com.fasterxml.jackson.databind.node.DecimalNode {

        private final String written;

        ExponentNumber(java.math.BigDecimal value, String written) {
            super(value);
            this.written = written;
        }

        String written() {
            return written;
        }
    }

    private static ObjectNode object(JsonParser p) throws IOException {
        ObjectNode node = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            node.set(name, value(p, p.nextToken()));
        }
        return node;
    }

    private static ArrayNode array(JsonParser p) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            node.add(value(p, t));
        }
        return node;
    }

    /** Pretty-printed text; non-ASCII characters are written as is (UTF-8 output). */
    static String write(JsonNode tree) {
        return write(tree, true);
    }

    /** Text without indentation or line breaks, for storing. */
    static String writeCompact(JsonNode tree) {
        return write(tree, false);
    }

    private static String write(JsonNode tree, boolean pretty) {
        StringWriter out = new StringWriter(16_384);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element);
            }
            g.writeEndArray();
        } else if (node.isTextual()) {
            g.writeString(node.textValue());
        } else if (node.isBigDecimal()) {
            g.writeNumber(node.decimalValue());
        } else if (node.isNumber()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else {
            g.writeNull();
        }
    }
}
