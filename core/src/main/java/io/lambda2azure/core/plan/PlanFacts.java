package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.PlanKind;

import java.util.List;
import java.util.Optional;

/**
 * What one hosting plan offers. The numbers are Microsoft's, looked up in Microsoft Learn and recorded
 * with their sources in docs/azure-facts.md §1; {@link PlanCatalog} names the page next to each value.
 *
 * @param kind                     the plan
 * @param instanceSizes            the instance sizes, smallest first (the SKU or memory setting to use and
 *                                 the memory it offers)
 * @param defaultTimeoutSeconds    the host's default functionTimeout
 * @param maxTimeoutSeconds        the largest functionTimeout, empty when none is enforced
 * @param maxInstances             the scale-out limit
 * @param vnetIntegration          whether the plan joins virtual networks
 * @param slots                    deployment slots per app, including production (1 means none)
 * @param containers               whether the plan runs Linux container images
 * @param warmInstances            whether the plan keeps instances warm (always ready, pre-warmed, always on)
 * @param appsPerPlan              how many function apps one plan can host
 */
record PlanFacts(PlanKind kind, List<InstanceSize> instanceSizes, int defaultTimeoutSeconds,
                 Optional<Integer> maxTimeoutSeconds, int maxInstances, boolean vnetIntegration, int slots,
                 boolean containers, boolean warmInstances, int appsPerPlan) {

    /**
     * One instance size.
     *
     * @param sku      the SKU name ({@code EP1}), or {@code FC1} for Flex Consumption
     * @param tier     the SKU tier
     * @param memoryMB the memory of one instance in MB (for Flex Consumption, the instanceMemoryMB value)
     */
    record InstanceSize(String sku, String tier, int memoryMB) {
    }

    /** The smallest size with at least that much memory, or the largest when none has. */
    InstanceSize sizeFor(int memoryMB) {
        return instanceSizes.stream().filter(s -> s.memoryMB() >= memoryMB).findFirst()
                .orElse(instanceSizes.get(instanceSizes.size() - 1));
    }

    int largestMemoryMB() {
        return instanceSizes.get(instanceSizes.size() - 1).memoryMB();
    }
}
