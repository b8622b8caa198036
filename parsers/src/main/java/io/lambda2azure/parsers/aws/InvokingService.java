package io.lambda2azure.parsers.aws;

import io.lambda2azure.core.model.event.EventKind;

import java.util.Optional;
import java.util.Set;

/**
 * An AWS service that a Lambda permission lets invoke a function, named by the principal's prefix
 * ({@code s3.amazonaws.com}), and the kinds of event it delivers. Shared by the CloudFormation and Terraform
 * readers, which link permissions to the events of the same services; not part of the library's API.
 */
public enum InvokingService {
    API_GATEWAY("apigateway.", EventKind.HTTP),
    S3("s3.", EventKind.OBJECT_STORAGE),
    SNS("sns.", EventKind.TOPIC),
    EVENTS("events.", EventKind.SCHEDULE, EventKind.EVENT_BUS_RULE),
    SCHEDULER("scheduler.", EventKind.SCHEDULE),
    LOGS("logs.", EventKind.LOG_SUBSCRIPTION),
    IOT("iot.", EventKind.IOT_RULE),
    COGNITO("cognito-idp.", EventKind.COGNITO),
    ALEXA("alexa-appkit.", EventKind.ALEXA);

    private final String prefix;
    private final Set<EventKind> kinds;

    InvokingService(String prefix, EventKind... kinds) {
        this.prefix = prefix;
        this.kinds = Set.of(kinds);
    }

    /** The kinds of event this service delivers. */
    public Set<EventKind> kinds() {
        return kinds;
    }

    /** The service a principal ({@code sns.amazonaws.com}) names, if it is one of these. */
    public static Optional<InvokingService> of(String principal) {
        for (InvokingService service : values()) {
            if (principal.startsWith(service.prefix)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
