package io.lambda2azure.parsers.aws;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP methods API Gateway routes (ANY for all), and the operation keys of an OpenAPI path item it reads.
 * Shared by the CloudFormation and Terraform readers; not part of the library's API.
 */
public final class ApiGatewayMethods {

    /** Methods of API Gateway methods and routes. */
    public static final Set<String> NAMES = Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH",
            "TRACE", "ANY");

    /** Operation keys of an OpenAPI path item, with API Gateway's extension for ANY. */
    public static final List<String> OPENAPI_OPERATIONS = List.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace", "x-amazon-apigateway-any-method");

    private ApiGatewayMethods() {
    }

    /** A route of an HTTP API: its method and path; {@code $default} catches what no other route does. */
    public record Route(String method, String path) {
    }

    /**
     * The route a route key names: {@code GET /orders/{id}}, or {@code $default} (as {@code ANY $default}); empty
     * for a key API Gateway would refuse (an unknown method, a path not starting with {@code /}).
     */
    public static Optional<Route> routeKey(String key) {
        String trimmed = key.strip();
        if ("$default".equals(trimmed)) {
            return Optional.of(new Route("ANY", "$default"));
        }
        int space = trimmed.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        String method = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
        String path = trimmed.substring(space + 1).strip();
        if (!NAMES.contains(method) || !path.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new Route(method, path));
    }
}
