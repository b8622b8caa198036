package io.lambda2azure.emitters.report;

import io.lambda2azure.emitters.json.StableJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.SourceLocation;

/**
 * {@code deviations.json}: every deviation with its kind's texts, for programs. The format is documented in
 * {@code docs/deviations-json.md}; keys come in the order given there.
 */
final class JsonReport {

    /** Raised on incompatible changes only; adding keys is compatible. */
    static final int FORMAT_VERSION = 1;

    private JsonReport() {
    }

    static String render(ServerlessApp app, AzureDeployment deployment) {
        ObjectNode root = StableJson.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("source", deployment.source());
        ObjectNode plan = root.putObject("plan");
        plan.put("id", deployment.plan().id());
        plan.put("title", deployment.plan().title());
        plan.put("reason", deployment.planReason());
        ObjectNode summary = root.putObject("summary");
        summary.put("functions", app.functions().size());
        summary.put("functionApps", deployment.resources(AzureResource.FunctionApp.class).size());
        for (Severity severity : new Severity[] {Severity.BLOCKER, Severity.WARNING, Severity.INFO}) {
            summary.put(severity.id(), deployment.deviations().stream().filter(d -> d.severity() == severity).count());
        }
        ArrayNode deviations = root.putArray("deviations");
        for (Deviation d : deployment.deviations()) {
            deviations.add(deviation(d));
        }
        return StableJson.write(root);
    }

    private static ObjectNode deviation(Deviation d) {
        DeviationKind kind = d.kind();
        ObjectNode node = StableJson.object();
        node.put("id", kind.id());
        node.put("severity", d.severity().id());
        node.put("area", Reports.areaId(kind.area()));
        node.put("title", kind.title());
        node.put("message", d.message());
        node.put("impact", kind.impact());
        node.put("mitigation", kind.mitigation());
        node.put("helpUrl", kind.helpUrl());
        node.set("source", location(d.source()));
        if (d.target().isPresent()) {
            ObjectNode target = node.putObject("target");
            target.put("resource", d.target().get().resource());
            if (d.target().get().property().isPresent()) {
                target.put("property", d.target().get().property().get());
            } else {
                target.putNull("property");
            }
        } else {
            node.putNull("target");
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
}
