package io.lambda2azure.core.model.event;

/** The three ways AWS exposes a function over HTTP. */
public enum HttpApiKind {
    /** API Gateway REST API (v1): SAM {@code Api}, {@code AWS::ApiGateway::*}. */
    REST_API,
    /** API Gateway HTTP API (v2): SAM {@code HttpApi}, {@code AWS::ApiGatewayV2::*}. */
    HTTP_API,
    /** A Lambda function URL. */
    FUNCTION_URL
}
