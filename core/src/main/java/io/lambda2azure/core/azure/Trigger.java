package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The trigger binding one function of a function app needs. Azure Functions declares triggers in code,
 * not in IaC, so this is what the generated entry point and the report tell the developer to write.
 *
 * @param function   the Azure function's name
 * @param type       the binding type ({@code httpTrigger}, {@code timerTrigger}, ...)
 * @param settings   the binding's settings by name ({@code route}, {@code methods}, {@code schedule}, ...)
 * @param eventId    the id of the AWS event source it replaces
 * @param source     where that event source is written
 */
public record Trigger(String function, String type, Map<String, String> settings, String eventId,
                      SourceLocation source) {

    public Trigger {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(type, "type");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
    }
}
