package io.lambda2azure.emitters.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.emitters.json.StableJson;

import java.util.Map;
import java.util.Optional;

/**
 * {@code migration-plan.json}: per Lambda function, the function app that hosts it and, per event source,
 * the trigger binding its code declares or the deviation that replaced it. For tools (scaffolding, tracking
 * the migration); documented in {@code docs/migration-plan-json.md}, keys in the order given there.
 */
final class MigrationPlanReport {

    /** Raised on incompatible changes only; adding keys is compatible. */
    static final int SCHEMA_VERSION = 1;

    private MigrationPlanReport() {
    }

    static String render(ServerlessApp app, AzureDeployment deployment) {
        ObjectNode root = StableJson.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("source", deployment.source());
        ObjectNode plan = root.putObject("plan");
        plan.put("id", deployment.plan().id());
        plan.put("title", deployment.plan().title());
        plan.put("reason", deployment.planReason());
        ArrayNode functions = root.putArray("functions");
        for (FunctionEvents.Hosted hosted : FunctionEvents.of(app, deployment)) {
            functions.add(function(hosted, deployment));
        }
        return StableJson.write(root);
    }

    private static ObjectNode function(FunctionEvents.Hosted hosted, AzureDeployment deployment) {
        FunctionApp fa = hosted.app();
        ObjectNode node = StableJson.object();
        node.put("awsFunction", hosted.function().logicalId());
        ObjectNode app = node.putObject("functionApp");
        app.put("symbol", fa.symbol());
        app.put("name", Texts.value(fa.name()));
        ObjectNode plan = node.putObject("plan");
        plan.put("id", fa.planKind().id());
        plan.put("resource", fa.plan());
        Optional<AzureResource.HostingPlan> hostingPlan = deployment.resource(fa.plan())
                .filter(r -> r instanceof AzureResource.HostingPlan).map(r -> (AzureResource.HostingPlan) r);
        putOrNull(plan, "sku", hostingPlan.map(AzureResource.HostingPlan::skuName));
        if (fa.runtime().isPresent()) {
            AzureResource.Runtime runtime = fa.runtime().get();
            ObjectNode r = node.putObject("runtime");
            // A runtime supplied at deployment has no name or version, only the parameters that hold them.
            putOrNull(r, "name", Optional.of(runtime.name()).filter(s -> !s.isEmpty()));
            putOrNull(r, "version", Optional.of(runtime.version()).filter(s -> !s.isEmpty()));
            putOrNull(r, "nameParameter", runtime.nameParameter());
            putOrNull(r, "versionParameter", runtime.versionParameter());
        } else {
            node.putNull("runtime");
        }
        ArrayNode events = node.putArray("events");
        for (FunctionEvents.Outcome outcome : hosted.events()) {
            ObjectNode event = events.addObject();
            event.put("id", outcome.event().id());
            event.put("kind", outcome.event().kind().id());
            event.set("source", location(outcome.source()));
            if (outcome.trigger().isPresent()) {
                event.set("binding", binding(outcome.trigger().get()));
                event.putNull("deviation");
            } else {
                event.putNull("binding");
                event.put("deviation", outcome.gap().get().deviation());
            }
        }
        return node;
    }

    private static ObjectNode binding(Trigger trigger) {
        ObjectNode node = StableJson.object();
        node.put("type", trigger.type());
        node.put("name", trigger.function());
        putOrNull(node, "connection", trigger.connection());
        putOrNull(node, "resource", trigger.resource());
        ObjectNode settings = node.putObject("settings");
        for (Map.Entry<String, String> setting : trigger.settings().entrySet()) {
            settings.put(setting.getKey(), setting.getValue());
        }
        return node;
    }

    private static ObjectNode location(SourceLocation location) {
        ObjectNode node = StableJson.object();
        node.put("file", location.file());
        node.put("line", location.line());
        node.put("column", location.column());
        return node;
    }

    private static void putOrNull(ObjectNode node, String key, Optional<String> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.putNull(key);
        }
    }
}
