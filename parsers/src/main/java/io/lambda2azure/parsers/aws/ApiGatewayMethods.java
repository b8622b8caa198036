package io.lambda2azure.parsers.aws;

import java.util.List;
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
}
