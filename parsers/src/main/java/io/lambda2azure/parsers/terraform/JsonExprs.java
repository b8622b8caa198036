package io.lambda2azure.parsers.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lambda2azure.core.expr.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON text written as a literal string (a heredoc policy, {@code jsondecode("...")}) as a model value. */
final class JsonExprs {

    private static final ObjectMapper JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactory(
                    ).setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonExprs() {
    }

    /** The value of a literal string holding a JSON object or array, if it is one. */
    static Optional<Expr> decode(Expr value) {
        if (!(value instanceof Expr.StringLiteral s)) {
            return Optional.empty();
        }
        String text = s.value().strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(expr(JSON.readTree(text)));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Expr expr(JsonNode node) {
        if (node.isObject()) {
            Map<String, Expr> entries = new LinkedHashMap<>();
            node.properties().forEach(e -> entries.put(e.getKey(), expr(e.getValue())));
            return new Expr.MapExpr(entries);
        }
        if (node.isArray()) {
            List<Expr> items = new ArrayList<>();
            node.forEach(i -> items.add(expr(i)));
            return new Expr.ListExpr(items);
        }
        if (node.isNumber()) {
            return new Expr.NumberLiteral(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Expr.BooleanLiteral(node.booleanValue());
        }
        if (node.isNull()) {
            return new Expr.NullLiteral();
        }
        return Expr.string(node.asText());
    }
}
