package io.lambda2azure.emitters.report;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource.EventGap;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What became of each event source of each Lambda function: the trigger that replaces it, or the event gap
 * (the deviation) that says why none does. The reports that list bindings per function read this, so they
 * agree on the order and on the pairing.
 *
 * <p>Functions come in input order, each function's events in input order. A trigger or gap belongs to the
 * event with the same function, event id and source location. The planner accounts for every event exactly
 * once; a deployment that does not (one not planned from this application) is refused with
 * {@link IllegalArgumentException} rather than reported with events silently missing or doubled.
 */
final class FunctionEvents {

    /**
     * One Lambda function and the function app that hosts it.
     *
     * @param function the Lambda function
     * @param app      its function app
     * @param events   its events in input order, each with its outcome
     */
    record Hosted(Function function, FunctionApp app, List<Outcome> events) {
    }

    /**
     * One event source and what replaced it: exactly one of {@code trigger} and {@code gap} is present.
     */
    record Outcome(EventSource event, Optional<Trigger> trigger, Optional<EventGap> gap) {

        /** Where the event is written. */
        SourceLocation source() {
            return event.location();
        }
    }

    private record Key(String awsFunction, String eventId, SourceLocation source) {
    }

    private FunctionEvents() {
    }

    /**
     * Every function of the application with its app and events.
     *
     * @throws IllegalArgumentException when a function has no app, an event has neither a trigger nor a gap, or
     *                                  a trigger or gap is left over (no such event, or a second one for it)
     */
    static List<Hosted> of(ServerlessApp app, AzureDeployment deployment) {
        Map<String, FunctionApp> hosts = new HashMap<>();
        // Lookups are indexed so that large templates stay linear (docs/performance.md).
        // An input may declare two identical events (same id and place): each takes one outcome, in order.
        Map<Key, ArrayDeque<Object>> outcomes = new LinkedHashMap<>();
        for (FunctionApp fa : deployment.resources(FunctionApp.class)) {
            fa.awsFunctions().forEach(id -> hosts.put(id, fa));
            for (Trigger t : fa.triggers()) {
                outcomes.computeIfAbsent(new Key(t.awsFunction(), t.eventId(), t.source()), k -> new ArrayDeque<>()).add(t);
            }
            for (EventGap g : fa.eventGaps()) {
                outcomes.computeIfAbsent(new Key(g.awsFunction(), g.eventId(), g.source()), k -> new ArrayDeque<>()).add(g);
            }
        }
        List<Hosted> hosted = new ArrayList<>();
        for (Function f : app.functions()) {
            FunctionApp fa = hosts.get(f.logicalId());
            if (fa == null) {
                throw new IllegalArgumentException("no function app hosts " + f.logicalId()
                        + ": the deployment was not planned from this application");
            }
            List<Outcome> events = new ArrayList<>();
            for (EventSource event : f.events()) {
                Key key = new Key(f.logicalId(), event.id(), event.location());
                ArrayDeque<Object> found = outcomes.get(key);
                if (found == null) {
                    throw new IllegalArgumentException("event " + event.id() + " of " + f.logicalId() + " at "
                            + event.location() + " has neither a trigger nor an event gap in function app "
                            + fa.symbol());
                }
                Object outcome = found.poll();
                if (found.isEmpty()) {
                    outcomes.remove(key);
                }
                events.add(outcome instanceof Trigger t ? new Outcome(event, Optional.of(t), Optional.empty())
                        : new Outcome(event, Optional.empty(), Optional.of((EventGap) outcome)));
            }
            hosted.add(new Hosted(f, fa, List.copyOf(events)));
        }
        if (!outcomes.isEmpty()) {
            Key stray = outcomes.keySet().iterator().next();
            throw new IllegalArgumentException("a trigger or event gap of " + stray.awsFunction() + " replaces event "
                    + stray.eventId() + " at " + stray.source() + ", which has no such event or already has one");
        }
        return List.copyOf(hosted);
    }
}
