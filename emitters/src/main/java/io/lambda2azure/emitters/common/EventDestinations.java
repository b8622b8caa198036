package io.lambda2azure.emitters.common;

import io.lambda2azure.core.azure.AzureResource.EventDestination;
import io.lambda2azure.core.azure.Value;

import java.util.List;

/**
 * The parts of an event subscription's destination both emitters write the same way: the function's resource id,
 * the path of the blobs extension's webhook, and the note on deployment order.
 */
public final class EventDestinations {

    private EventDestinations() {
    }

    /**
     * {@code <app id>/functions/<function>}: the resource id Event Grid delivers to with
     * {@code endpointType: AzureFunction} (learn.microsoft.com/azure/event-grid/handler-functions).
     */
    public static Value functionId(EventDestination.Function f) {
        return new Value.Interpolation(List.of(Value.ref(f.app(), Value.Attribute.ID),
                Value.text("/functions/" + f.function())));
    }

    /**
     * {@code /runtime/webhooks/blobs?functionName=Host.Functions.<function>}: the blobs extension's webhook path for
     * a blob trigger with the Event Grid source; the URL then takes {@code &code=} and the {@code blobs_extension}
     * system key (learn.microsoft.com/azure/azure-functions/functions-event-grid-blob-trigger).
     */
    public static String webhookPath(EventDestination.BlobsExtensionWebhook w) {
        return "/runtime/webhooks/blobs?functionName=Host.Functions." + w.function();
    }

    /** Why the function app's code must be deployed before the subscription, for a comment above the destination. */
    public static String deployCodeFirst(EventDestination d) {
        if (d instanceof EventDestination.BlobsExtensionWebhook w) {
            return "Event Grid calls this webhook when the subscription is created, and the blobs_extension key exists"
                    + " once the app runs " + w.function() + ": deploy the function app's code first.";
        }
        if (d instanceof EventDestination.Function f) {
            return "Event Grid checks that " + f.function() + " exists when the subscription is created: deploy the"
                    + " function app's code first.";
        }
        throw new IllegalArgumentException("unknown event destination " + d);
    }
}
