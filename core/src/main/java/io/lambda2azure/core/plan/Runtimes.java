package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda runtimes to Azure Functions runtimes, as an explicit table per language.
 *
 * <p>Supported versions as of November 2026, from Microsoft Learn "Supported languages"
 * (learn.microsoft.com/azure/azure-functions/supported-languages) and the Flex Consumption runtime list
 * (learn.microsoft.com/azure/azure-functions/flex-consumption-how-to): docs/azure-facts.md §1.5 and §1.6.
 * Versions whose support ended before then (.NET 8 and 9, Python 3.10, PowerShell 7.4, Node.js 20) are
 * not offered. Linux Consumption gets no new versions (.NET 9, Java 21, Node.js 22, Python 3.12 were the
 * last), so it has fewer.
 */
final class Runtimes {

    private Runtimes() {
    }

    /** A language Azure Functions hosts, with its Flex runtime name and linuxFxVersion prefix. */
    private record Language(String flexName, String fxPrefix, List<String> versions, List<String> consumptionVersions) {
    }

    private static final Language PYTHON = new Language("python", "PYTHON",
            List.of("3.11", "3.12", "3.13", "3.14"), List.of("3.11", "3.12"));
    private static final Language NODE = new Language("node", "NODE", List.of("22", "24"), List.of("22"));
    private static final Language JAVA = new Language("java", "JAVA", List.of("11", "17", "21", "25"),
            List.of("11", "17", "21"));
    private static final Language DOTNET = new Language("dotnet-isolated", "DOTNET-ISOLATED", List.of("10.0"),
            List.of());

    private static final Map<String, Language> BY_PREFIX = Map.of("python", PYTHON, "nodejs", NODE, "java", JAVA,
            "dotnet", DOTNET, "dotnetcore", DOTNET);

    private static final Pattern RUNTIME = Pattern.compile("(python|nodejs|java|dotnetcore|dotnet)(\\d+(?:\\.\\d+)?)"
            + "(?:\\.x|\\.al2)?");

    /** What a Lambda runtime becomes. */
    sealed interface Mapping {
    }

    /** A supported language version; {@code changed} when the version differs from Lambda's. */
    record Mapped(AzureResource.Runtime runtime, boolean changed, boolean downgraded, String from) implements Mapping {
    }

    /** An OS-only runtime or a language without a worker: a custom handler. */
    record Custom(AzureResource.Runtime runtime, String from) implements Mapping {
    }

    /** The language has no supported version on this plan. */
    record NotOnPlan(String language, String from) implements Mapping {
    }

    /** Not a Lambda runtime this table knows. */
    record Unknown(String from) implements Mapping {
    }

    static Mapping map(String lambdaRuntime, PlanKind plan) {
        if (lambdaRuntime.startsWith("provided") || lambdaRuntime.startsWith("go1") || lambdaRuntime.startsWith("ruby")) {
            // Flex Consumption reports custom handlers as runtime "custom" version "1.0" (docs/azure-facts.md §1.6).
            return new Custom(new AzureResource.Runtime("custom", "1.0", ""), lambdaRuntime);
        }
        // "nodejs" without a version is Lambda's first Node.js runtime (0.10), long retired.
        Matcher m = RUNTIME.matcher("nodejs".equals(lambdaRuntime) ? "nodejs0.10" : lambdaRuntime);
        if (!m.matches()) {
            return new Unknown(lambdaRuntime);
        }
        Language language = BY_PREFIX.get(m.group(1));
        String requested = m.group(2);
        if (language == DOTNET && !requested.contains(".")) {
            requested = requested + ".0";
        }
        List<String> offered = plan == PlanKind.CONSUMPTION ? language.consumptionVersions() : language.versions();
        if (offered.isEmpty()) {
            return new NotOnPlan(language.flexName(), lambdaRuntime);
        }
        String chosen = null;
        for (String version : offered) {
            if (compare(version, requested) >= 0) {
                chosen = version;
                break;
            }
        }
        boolean downgraded = chosen == null;
        if (downgraded) {
            chosen = offered.get(offered.size() - 1);
        }
        return new Mapped(new AzureResource.Runtime(language.flexName(), chosen, language.fxPrefix() + "|" + chosen),
                !chosen.equals(requested), downgraded, lambdaRuntime);
    }

    /** Compares dotted version numbers numerically. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    static Optional<String> fxPrefix(String flexName) {
        return BY_PREFIX.values().stream().filter(l -> l.flexName().equals(flexName)).map(Language::fxPrefix)
                .findFirst();
    }
}
