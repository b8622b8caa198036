package io.lambda2azure.parsers.aws;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.References;
import io.lambda2azure.core.model.event.EventKind;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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

    /**
     * Whether a permission for this service only grants what an event of the function already declares, so that it
     * belongs to that event instead of being an event of its own: for Alexa, an event of the same skill (or either
     * without a skill id); for API Gateway's {@code .../authorizers/...}, an authorizer that calls the function;
     * else an event this service delivers (a function URL aside) tied to a resource the source ARN names, or any
     * such event when the ARN names none of the input's resources.
     *
     * @param named        the input's resources the source ARN names, the function left out
     * @param toAuthorizer whether the source ARN is an API Gateway authorizer's
     * @param token        the permission's event source token (an Alexa skill id)
     * @param existing     the function's events read so far
     * @param tied         the input's resources an event is tied to ({@link #tiedResources} and what the reader
     *                     adds)
     * @param authorizes   whether an authorizer of, or on an API of, the named resources calls the function
     */
    public boolean alreadyDeclared(Set<String> named, boolean toAuthorizer, Optional<Expr> token,
                                   List<EventSource> existing, Function<EventSource, Set<String>> tied,
                                   BooleanSupplier authorizes) {
        if (this == ALEXA) {
            return existing.stream().anyMatch(e -> e instanceof EventSource.Alexa a
                    && (a.skillId().isEmpty() || token.isEmpty() || a.skillId().equals(token)));
        }
        if (this == API_GATEWAY && toAuthorizer) {
            return authorizes.getAsBoolean();
        }
        for (EventSource event : existing) {
            if (!kinds.contains(event.kind())
                    || event instanceof EventSource.Http h && h.apiKind() == HttpApiKind.FUNCTION_URL) {
                continue;
            }
            if (named.isEmpty() || named.stream().anyMatch(tied.apply(event)::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The input's resources an event is tied to, as far as the event itself says: the resource that declares it
     * (the part of its id before {@code .} or {@code [}; a SAM event's id is its own name) and the API, bucket,
     * topic, log group, user pool or event bus it names.
     */
    public static Set<String> tiedResources(EventSource event) {
        Set<String> tied = new HashSet<>();
        if (event.origin() != EventOrigin.SAM_EVENT) {
            String id = event.id();
            int end = id.length();
            for (char c : new char[] {'.', '['}) {
                int at = id.indexOf(c);
                if (at > 0 && at < end) {
                    end = at;
                }
            }
            tied.add(id.substring(0, end));
        }
        if (event instanceof EventSource.Http h) {
            h.apiId().ifPresent(tied::add);
        } else if (event instanceof EventSource.ObjectStorage s) {
            tied.addAll(References.of(s.bucket()));
        } else if (event instanceof EventSource.Topic t) {
            tied.addAll(References.of(t.topic()));
        } else if (event instanceof EventSource.LogSubscription l) {
            tied.addAll(References.of(l.logGroup()));
        } else if (event instanceof EventSource.Cognito c) {
            tied.addAll(References.of(c.userPool()));
        } else if (event instanceof EventSource.EventBusRule r) {
            r.eventBus().ifPresent(b -> tied.addAll(References.of(b)));
        }
        return tied;
    }
}
