package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.PlanKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of each hosting plan. Every number is from Microsoft Learn (page named next to it) and
 * recorded in docs/azure-facts.md §1 with the date of the copy read.
 */
public final class PlanCatalog {

    private PlanCatalog() {
    }

    private static final Map<PlanKind, PlanFacts> FACTS = Map.of(
            PlanKind.FLEX_CONSUMPTION, new PlanFacts(PlanKind.FLEX_CONSUMPTION,
                    // instanceMemoryMB 512, 2048 (default), 4096: learn.microsoft.com/azure/azure-functions/flex-consumption-plan
                    List.of(new PlanFacts.InstanceSize("FC1", "FlexConsumption", 512),
                            new PlanFacts.InstanceSize("FC1", "FlexConsumption", 2048),
                            new PlanFacts.InstanceSize("FC1", "FlexConsumption", 4096)),
                    // functionTimeout default 30 min, no maximum enforced: .../functions-scale#timeout
                    1800, Optional.empty(),
                    // up to 1000 instances per function group: .../flex-consumption-plan
                    1000, true, 1, false, true, 1),
            PlanKind.PREMIUM, new PlanFacts(PlanKind.PREMIUM,
                    // EP1 3.5 GB, EP2 7 GB, EP3 14 GB: learn.microsoft.com/azure/azure-functions/functions-premium-plan
                    List.of(new PlanFacts.InstanceSize("EP1", "ElasticPremium", 3584),
                            new PlanFacts.InstanceSize("EP2", "ElasticPremium", 7168),
                            new PlanFacts.InstanceSize("EP3", "ElasticPremium", 14336)),
                    // default 30 min, unbounded; Linux scale-out 20 to 100 by region, 3 slots: .../functions-scale
                    1800, Optional.empty(), 20, true, 3, true, true, 100),
            PlanKind.DEDICATED, new PlanFacts(PlanKind.DEDICATED,
                    // PremiumV3 P0v3 4 GiB, P1v3 8 GiB, P2v3 16 GiB, P3v3 32 GiB:
                    // learn.microsoft.com/azure/app-service/overview-hosting-plans
                    List.of(new PlanFacts.InstanceSize("P0v3", "PremiumV3", 4096),
                            new PlanFacts.InstanceSize("P1v3", "PremiumV3", 8192),
                            new PlanFacts.InstanceSize("P2v3", "PremiumV3", 16384),
                            new PlanFacts.InstanceSize("P3v3", "PremiumV3", 32768)),
                    // default 30 min, unbounded with Always On; 10 to 30 instances; slots by tier: .../functions-scale
                    1800, Optional.empty(), 10, true, 20, true, true, Integer.MAX_VALUE),
            PlanKind.CONSUMPTION, new PlanFacts(PlanKind.CONSUMPTION,
                    // 1.5 GB per instance: .../functions-scale (service limits)
                    List.of(new PlanFacts.InstanceSize("Y1", "Dynamic", 1536)),
                    // default 5 min, maximum 10 min; Linux 100 instances; 2 slots: .../functions-scale
                    300, Optional.of(600), 100, false, 2, false, false, 100));

    /** The facts of one plan. */
    static PlanFacts of(PlanKind kind) {
        return FACTS.get(kind);
    }

    /**
     * Flex Consumption's default maximum instance count (100) and the lowest value it accepts (40):
     * learn.microsoft.com/azure/azure-functions/flex-consumption-plan (the Lambda migration page says 1;
     * the plan page and Microsoft's quickstart template use 40, so 40 is what a deployment accepts).
     */
    static final int FLEX_DEFAULT_MAX_INSTANCES = 100;
    static final int FLEX_MIN_MAX_INSTANCES = 40;

    /** Premium always-ready instances per app: at most 20 (.../functions-premium-plan). */
    static final int PREMIUM_MAX_ALWAYS_READY = 20;

    /** HTTP-triggered functions must answer within 230 seconds on every plan (.../functions-scale#timeout). */
    static final int HTTP_RESPONSE_LIMIT_SECONDS = 230;
}
