package io.lambda2azure;

import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.plan.PlanOptions;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to convert.
 *
 * @param plan           the hosting plan; empty lets lambda2azure choose ({@code auto})
 * @param groupFunctions put compatible functions into one function app
 * @param targets        the IaC languages to write
 * @param topics         what SNS topics become: Service Bus topics (default) or Event Grid topics
 * @param queues         what SQS queues become: Service Bus queues (default) or Storage queues
 */
public record ConversionOptions(Optional<PlanKind> plan, boolean groupFunctions, Set<Target> targets,
                                PlanOptions.TopicService topics, PlanOptions.QueueService queues) {

    public ConversionOptions {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(queues, "queues");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        targets = Set.copyOf(EnumSet.copyOf(targets));
    }

    /** Options with SNS topics as Service Bus topics. */
    public ConversionOptions(Optional<PlanKind> plan, boolean groupFunctions, Set<Target> targets) {
        this(plan, groupFunctions, targets, PlanOptions.TopicService.SERVICE_BUS, PlanOptions.QueueService.SERVICE_BUS);
    }

    /** Bicep for the given plan, one function app per function. */
    public static ConversionOptions bicep(PlanKind plan) {
        return new ConversionOptions(Optional.of(plan), false, EnumSet.of(Target.BICEP));
    }

    /** Bicep and Terraform for the given plan, one function app per function. */
    public static ConversionOptions both(PlanKind plan) {
        return new ConversionOptions(Optional.of(plan), false, EnumSet.allOf(Target.class));
    }

    PlanOptions planOptions() {
        return new PlanOptions(plan, groupFunctions, topics, queues);
    }
}
