package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trigger binding one function of a function app needs. Azure Functions declares triggers in code,
 * not in IaC, so this is what the generated entry point and the report tell the developer to write.
 *
 * @param awsFunction the logical id of the Lambda function it replaces an event source of
 * @param function    the Azure function's name
 * @param type        the binding type ({@code httpTrigger}, {@code serviceBusTrigger}, ...)
 * @param settings    the binding's settings by name ({@code route}, {@code queueName}, {@code connection},
 *                    ...), as the function's code or function.json writes them
 * @param connection  the prefix of the app settings that hold its identity-based connection
 *                    ({@code ORDERS_SERVICEBUS} for {@code ORDERS_SERVICEBUS__fullyQualifiedNamespace}), if
 *                    it connects to a service
 * @param resource    the symbolic name of the resource it reads, which the app's identity has a role on, if
 *                    any
 * @param eventId     the id of the AWS event source it replaces
 * @param source      where that event source is written
 */
public record Trigger(String awsFunction, String function, String type, Map<String, String> settings,
                      Optional<String> connection, Optional<String> resource, String eventId,
                      SourceLocation source) {

    public Trigger {
        Objects.requireNonNull(awsFunction, "awsFunction");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(type, "type");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
    }

    /** A trigger that connects to no service (HTTP, timer). */
    public Trigger(String awsFunction, String function, String type, Map<String, String> settings, String eventId,
                   SourceLocation source) {
        this(awsFunction, function, type, settings, Optional.empty(), Optional.empty(), eventId, source);
    }
}
