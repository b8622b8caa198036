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
 * @param input          the kind of input, when it is forced rather than told from the input's name
 */
public record ConversionOptions(Optional<PlanKind> plan, boolean groupFunctions, Set<Target> targets,
                                Optional<InputKind> input) {

    public ConversionOptions {
        Objects.requireNonNull(plan, "plan");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        targets = Set.copyOf(EnumSet.copyOf(targets));
        Objects.requireNonNull(input, "input");
    }

    /** Options with the kind of input told from the input's name. */
    public ConversionOptions(Optional<PlanKind> plan, boolean groupFunctions, Set<Target> targets) {
        this(plan, groupFunctions, targets, Optional.empty());
    }

    /** These options, reading the input as {@code kind}. */
    public ConversionOptions withInput(InputKind kind) {
        return new ConversionOptions(plan, groupFunctions, targets, Optional.of(kind));
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
        return new PlanOptions(plan, groupFunctions);
    }
}
