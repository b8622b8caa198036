package io.lambda2azure.emitters.report;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.deviation.Area;
import io.lambda2azure.core.model.ServerlessApp;

import java.util.Locale;
import java.util.Objects;

/**
 * The deviation reports of a conversion: what was carried over, how, and what differs.
 *
 * <ul>
 *   <li>{@link #markdown} — {@code deviations.md}, the migration team's document: a summary, then per design
 *       area the mapping of AWS features to Azure and the gaps, then per Lambda function the binding or the
 *       deviation of each event.</li>
 *   <li>{@link #json} — {@code deviations.json}, the deviations for programs (docs/deviations-json.md).</li>
 *   <li>{@link #sarif} — {@code deviations.sarif}, the deviations as SARIF 2.1.0 for code scanning.</li>
 *   <li>{@link #migrationPlan} — {@code migration-plan.json}, per Lambda function its function app and, per
 *       event source, the trigger binding or the deviation that replaced it, for tools
 *       (docs/migration-plan-json.md).</li>
 * </ul>
 *
 * <p>Every report is deterministic (the same input gives the same bytes), uses {@code \n} line ends and
 * ends with a newline. Source locations are written with the file as the user gave it, so links and
 * SARIF locations are relative whenever the input path was.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * {@code deviations.md}.
     *
     * @param app        the application read from the input
     * @param deployment the deployment planned from it
     * @return the Markdown document
     * @throws IllegalArgumentException when the deployment was not planned from the application (see
     *                                  {@link #migrationPlan})
     */
    public static String markdown(ServerlessApp app, AzureDeployment deployment) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(deployment, "deployment");
        return new MarkdownReport(app, deployment).render();
    }

    /**
     * {@code deviations.json}: format version 1, documented in {@code docs/deviations-json.md}.
     *
     * @param app        the application read from the input
     * @param deployment the deployment planned from it
     * @return the JSON document, pretty-printed with a 2-space indent
     */
    public static String json(ServerlessApp app, AzureDeployment deployment) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(deployment, "deployment");
        return JsonReport.render(app, deployment);
    }

    /**
     * {@code deviations.sarif}: a SARIF 2.1.0 log with one run.
     *
     * @param app         the application read from the input
     * @param deployment  the deployment planned from it
     * @param toolVersion lambda2azure's version, written as the tool driver's version
     * @return the SARIF document, pretty-printed with a 2-space indent
     */
    public static String sarif(ServerlessApp app, AzureDeployment deployment, String toolVersion) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(toolVersion, "toolVersion");
        return SarifReport.render(deployment, toolVersion);
    }

    /**
     * {@code migration-plan.json}: schema version 1, documented in {@code docs/migration-plan-json.md}.
     *
     * @param app        the application read from the input
     * @param deployment the deployment planned from it
     * @return the JSON document, pretty-printed with a 2-space indent
     * @throws IllegalArgumentException when the deployment was not planned from the application: a function
     *                                  without a function app, or an event without exactly one trigger or
     *                                  event gap
     */
    public static String migrationPlan(ServerlessApp app, AzureDeployment deployment) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(deployment, "deployment");
        return MigrationPlanReport.render(app, deployment);
    }

    /** The stable id of an area in JSON output: the enum constant in lower case ({@code compute}). */
    static String areaId(Area area) {
        return area.name().toLowerCase(Locale.ROOT);
    }
}
