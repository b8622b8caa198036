package io.lambda2azure.parsers.aws;

import io.lambda2azure.core.model.event.EventKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kind of event an event source mapping reads, told from the service in the literal text of its source ARN.
 * Shared by the CloudFormation and Terraform readers; not part of the library's API.
 */
public final class EventSourceArns {

    private EventSourceArns() {
    }

    /** The kinds the services named in an ARN's text produce ({@code arn:aws:sqs:...} → queue); often one. */
    public static Set<EventKind> kinds(String arnText) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        if (arnText.contains(":sqs:")) {
            kinds.add(EventKind.QUEUE);
        }
        if (arnText.contains(":dynamodb:")) {
            kinds.add(EventKind.TABLE_STREAM);
        }
        if (arnText.contains(":kinesis:")) {
            kinds.add(EventKind.STREAM);
        }
        if (arnText.contains(":kafka:")) {
            kinds.add(EventKind.KAFKA);
        }
        if (arnText.contains(":mq:")) {
            kinds.add(EventKind.BROKER);
        }
        if (arnText.contains(":rds:")) {
            kinds.add(EventKind.DOCUMENT_DB_STREAM);
        }
        return kinds;
    }
}
