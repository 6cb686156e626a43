package vn.hocba.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One operation of {@code /v3/api-docs}: method, path template, its parameters (name, where, schema) and the
 * media type of its body. {@link #key()} ("METHOD /path/{var}") is how the tables of expected rights name it.
 */
record ApiOperation(String method, String path, String operationId, List<Parameter> parameters, String bodyType,
        JsonNode bodySchema) {

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    String key() {
        return method + " " + path;
    }

    /** The name of the body's file field when the operation takes an upload (springdoc may call such a body JSON), or null. */
    String fileField() {
        if (bodySchema == null) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = bodySchema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if ("binary".equals(e.getValue().path("format").asText())) {
                return e.getKey();
            }
        }
        return null;
    }

    boolean changesState() {
        return !method.equals("GET");
    }

    /** Every operation of the document, in the order of its paths. */
    static List<ApiOperation> all(String apiDocs) {
        try {
            JsonNode doc = new ObjectMapper().readTree(apiDocs);
            List<ApiOperation> result = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> p = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> o = ops.next();
                    List<Parameter> params = new ArrayList<>();
                    for (JsonNode param : o.getValue().path("parameters")) {
                        params.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                                param.path("required").asBoolean(), resolve(doc, param.path("schema"))));
                    }
                    JsonNode content = o.getValue().path("requestBody").path("content");
                    String bodyType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                    JsonNode schema = bodyType == null ? null : resolve(doc, content.path(bodyType).path("schema"));
                    result.add(new ApiOperation(o.getKey().toUpperCase(), p.getKey(), o.getValue().path("operationId").asText(),
                            params, bodyType, schema));
                }
            }
            return result;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces every {@code $ref} by the schema it names (depth-limited: schemas may refer to themselves). */
    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        return resolve(doc, schema, 0);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return schema;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(doc, doc.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = schema.deepCopy();
            if (schema.has("properties")) {
                com.fasterxml.jackson.databind.node.ObjectNode props = copy.putObject("properties");
                schema.get("properties").fields().forEachRemaining(e -> props.set(e.getKey(), resolve(doc, e.getValue(), depth + 1)));
            }
            if (schema.has("items")) {
                copy.set("items", resolve(doc, schema.get("items"), depth + 1));
            }
            return copy;
        }
        return schema;
    }

    /**
     * The path with every variable filled by {@code values} (name → value) and the required query parameters
     * appended; empty when a variable has no value.
     */
    Optional<String> concrete(BiFunction<String, String, Optional<String>> values) {
        String result = path;
        StringBuilder query = new StringBuilder();
        for (Parameter p : parameters) {
            Optional<String> v = values.apply(path, p.name());
            if (p.in().equals("path")) {
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                result = result.replace("{" + p.name() + "}", SuiteBrowser.enc(v.get()));
            } else if (p.in().equals("query") && p.required()) {
                query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(SuiteBrowser.enc(v.orElse("1")));
            }
        }
        return Optional.of(result + query);
    }
}
