package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.PlanKind;

import java.util.Objects;
import java.util.Optional;

/**
 * How to plan.
 *
 * @param plan           the hosting plan, or empty for {@code auto}: the first of Flex Consumption, Premium
 *                       and Dedicated that carries every function without a blocker (Consumption is never
 *                       chosen automatically: Linux Consumption is retiring)
 * @param groupFunctions put compatible functions (same runtime, network, condition and settings) into one
 *                       function app instead of one app per function
 * @param topics         what SNS topics become: Service Bus topics (the default) or Event Grid topics
 * @param queues         what SQS queues become: Service Bus queues (the default) or Storage queues
 */
public record PlanOptions(Optional<PlanKind> plan, boolean groupFunctions, TopicService topics,
                          QueueService queues) {

    /** The Azure service SQS queues become. */
    public enum QueueService {
        /** Service Bus queues: sessions for FIFO, dead-lettering, lock durations up to 5 minutes. */
        SERVICE_BUS,
        /** Storage queues: cheapest, no ordering, poison queues instead of dead-lettering. */
        STORAGE
    }

    /** The Azure service SNS topics and their subscriptions become. */
    public enum TopicService {
        /** A Service Bus topic with a subscription per subscriber: pull delivery, sessions, dead-lettering. */
        SERVICE_BUS,
        /** An Event Grid topic with an event subscription per subscriber: push delivery, like SNS. */
        EVENT_GRID
    }

    public PlanOptions {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(queues, "queues");
    }

    /** Options with SQS queues as Service Bus queues. */
    public PlanOptions(Optional<PlanKind> plan, boolean groupFunctions, TopicService topics) {
        this(plan, groupFunctions, topics, QueueService.SERVICE_BUS);
    }

    /** Options with SNS topics as Service Bus topics. */
    public PlanOptions(Optional<PlanKind> plan, boolean groupFunctions) {
        this(plan, groupFunctions, TopicService.SERVICE_BUS, QueueService.SERVICE_BUS);
    }

    /** One app per function on the given plan. */
    public static PlanOptions of(PlanKind plan) {
        return new PlanOptions(Optional.of(plan), false);
    }

    /** One app per function on the plan {@code auto} picks. */
    public static PlanOptions auto() {
        return new PlanOptions(Optional.empty(), false);
    }
}
