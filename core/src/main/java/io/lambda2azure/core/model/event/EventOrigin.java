package io.lambda2azure.core.model.event;

/** How the input declared an event source; the same source can be written several ways. */
public enum EventOrigin {
    /** An entry of a SAM function's {@code Events}. */
    SAM_EVENT,
    /** An {@code AWS::Lambda::EventSourceMapping} (or {@code aws_lambda_event_source_mapping}). */
    EVENT_SOURCE_MAPPING,
    /** A route or method of an API Gateway resource that integrates the function. */
    API_GATEWAY,
    /** A function URL resource or SAM {@code FunctionUrlConfig}. */
    FUNCTION_URL,
    /** A subscription, notification, rule target or trigger declared on the source resource. */
    SOURCE_RESOURCE,
    /** Only an invoke permission ({@code AWS::Lambda::Permission}) names the source. */
    PERMISSION
}
