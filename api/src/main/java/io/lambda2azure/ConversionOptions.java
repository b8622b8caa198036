package io.lambda2azure;

import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.model.InputKind;
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
 * @param input          the kind of input, when it is forced rather than told from the input's name
 */
public record ConversionOptions(Optional<PlanKind> plan, boolean groupFunctions, Set<Target> targets,
                                PlanOptions.TopicService topics, PlanOptions.QueueService queues,
                                Optional<InputKind> input) {

    public ConversionOptions {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(input, "input");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        targets = Set.copyOf(EnumSet.copyOf(targets));
    }

    /** Options with Service Bus topics and queues, the kind of input told from the input's name. */
    public ConversionOptions(Optional<PlanKind> plan, boolean groupFunctions, Set<Target> targets) {
        this(plan, groupFunctions, targets, PlanOptions.TopicService.SERVICE_BUS, PlanOptions.QueueService.SERVICE_BUS,
                Optional.empty());
    }

    /** These options, reading the input as {@code kind}. */
    public ConversionOptions withInput(InputKind kind) {
        return new ConversionOptions(plan, groupFunctions, targets, topics, queues, Optional.of(kind));
    }

    /** These options, with SNS topics and SQS queues as the given services. */
    public ConversionOptions withServices(PlanOptions.TopicService topics, PlanOptions.QueueService queues) {
        return new ConversionOptions(plan, groupFunctions, targets, topics, queues, input);
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
