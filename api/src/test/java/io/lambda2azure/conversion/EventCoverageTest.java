package io.lambda2azure.conversion;

import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.plan.PlanOptions;
import io.lambda2azure.core.source.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the corpus and the examples, for every plan: no event source is dropped silently (each becomes a
 * trigger or an event gap with its deviation), and every generated trigger that connects to a service names
 * connection settings the app has and an entity its identity holds a role on. Checked on the Azure model,
 * not on text.
 */
class EventCoverageTest {

    /** Trigger types that connect to nothing the deployment grants roles on. */
    private static final List<String> UNCONNECTED = List.of("httpTrigger", "timerTrigger", "eventGridTrigger",
            "kafkaTrigger");

    private static List<Path> inputs() throws IOException {
        List<Path> all = new ArrayList<>(CorpusConversionTest.corpusTemplates());
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            examples.map(e -> e.resolve("template.yaml")).filter(Files::isRegularFile).sorted().forEach(all::add);
        }
        return all;
    }

    @Test
    void everyEventBecomesATriggerOrADeviationAndEveryTriggerHasItsConnectionAndRole() throws IOException {
        Map<String, int[]> byKind = new TreeMap<>(); // event kind -> {events, triggers, gaps}
        int templates = 0;
        List<String> failures = new ArrayList<>();
        for (Path input : inputs()) {
            ServerlessApp app;
            try {
                app = Lambda2Azure.read(input);
            } catch (InvalidInputException e) {
                continue; // invalid inputs are the parsers' CorpusTest's concern
            }
            templates++;
            for (PlanKind plan : PlanKind.values()) {
                AzureDeployment d = AzurePlanner.plan(app, PlanOptions.of(plan));
                for (Function f : app.functions()) {
                    AzureResource.FunctionApp host = d.resources(AzureResource.FunctionApp.class).stream()
                            .filter(a -> a.awsFunctions().contains(f.logicalId())).findFirst().orElseThrow();
                    for (EventSource e : f.events()) {
                        long triggers = host.triggers().stream().filter(t -> t.awsFunction().equals(f.logicalId())
                                && t.eventId().equals(e.id())).count();
                        long gaps = host.eventGaps().stream().filter(g -> g.awsFunction().equals(f.logicalId())
                                && g.eventId().equals(e.id())).count();
                        if (triggers + gaps != 1) {
                            failures.add(input + " " + plan.id() + " " + f.logicalId() + "." + e.id() + ": " + triggers
                                    + " triggers, " + gaps + " gaps");
                        }
                        if (plan == PlanKind.FLEX_CONSUMPTION) {
                            int[] counts = byKind.computeIfAbsent(e.kind().id(), k -> new int[3]);
                            counts[0]++;
                            counts[1] += (int) triggers;
                            counts[2] += (int) gaps;
                        }
                    }
                    host.eventGaps().forEach(g -> {
                        if (d.deviations().stream().noneMatch(dev -> dev.kind().id().equals(g.deviation())
                                && dev.source().equals(g.source()))) {
                            failures.add(input + " " + plan.id() + " gap " + g + " has no deviation at its source");
                        }
                    });
                }
                for (AzureResource.FunctionApp host : d.resources(AzureResource.FunctionApp.class)) {
                    for (Trigger t : host.triggers()) {
                        check(input + " " + plan.id(), d, host, t, failures);
                    }
                }
            }
        }
        System.out.printf("event coverage over %d readable inputs (Flex Consumption): %s%n", templates,
                byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + " events = "
                        + e.getValue()[1] + " triggers + " + e.getValue()[2] + " gaps").toList());
        assertThat(failures).isEmpty();
        assertThat(templates).isGreaterThan(10);
        assertThat(byKind.values().stream().mapToInt(c -> c[1]).sum()).as("triggers generated").isPositive();
    }

    private static void check(String where, AzureDeployment d, AzureResource.FunctionApp host, Trigger t,
                              List<String> failures) {
        String at = where + " " + host.symbol() + "/" + t.function() + " (" + t.type() + ")";
        if (t.connection().isEmpty()) {
            if (!UNCONNECTED.contains(t.type())) {
                failures.add(at + ": connects to a service but names no connection");
            }
            return;
        }
        String prefix = t.connection().get() + "__";
        List<String> names = host.appSettings().stream().map(AppSetting::name).filter(n -> n.startsWith(prefix)).toList();
        if (!names.contains(prefix + "credential") || !names.contains(prefix + "clientId")
                || names.stream().noneMatch(n -> n.endsWith("fullyQualifiedNamespace") || n.endsWith("accountEndpoint")
                || n.endsWith("blobServiceUri") || n.endsWith("queueServiceUri") || n.endsWith("serviceUri"))) {
            failures.add(at + ": connection settings " + names + " are incomplete");
        }
        if (!t.settings().getOrDefault("connection", "").equals(t.connection().get())) {
            failures.add(at + ": the binding's connection setting is not " + t.connection().get());
        }
        for (String value : t.settings().values()) {
            if (value.matches("%[A-Za-z0-9_.]+%")) {
                String setting = value.substring(1, value.length() - 1);
                if (host.appSettings().stream().noneMatch(s -> s.name().equals(setting))) {
                    failures.add(at + ": binding expression " + value + " names no app setting");
                }
            }
        }
        if (t.resource().isEmpty()) {
            // A source outside the template: the deviation names the role to assign by hand.
            if (d.deviations().stream().noneMatch(dev -> dev.kind().equals(DeviationCatalog.EXTERNAL_EVENT_SOURCE)
                    && dev.source().equals(t.source()))) {
                failures.add(at + ": reads an outside resource without a deviation saying which role it needs");
            }
            return;
        }
        String scope = t.resource().get();
        if (d.resource(scope).isEmpty()) {
            failures.add(at + ": reads " + scope + ", which the deployment does not have");
        }
        boolean granted = d.resources(AzureResource.RoleAssignment.class).stream()
                .anyMatch(r -> r.scope().equals(scope) && r.principal().equals(host.identity()))
                || d.resources(AzureResource.CosmosSqlRoleAssignment.class).stream()
                .anyMatch(r -> r.database().equals(java.util.Optional.of(scope)) && r.principal().equals(host.identity()));
        if (!granted) {
            failures.add(at + ": the identity " + host.identity() + " has no role on " + scope);
        }
    }
}
