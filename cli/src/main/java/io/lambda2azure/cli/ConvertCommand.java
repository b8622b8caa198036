package io.lambda2azure.cli;

import io.lambda2azure.Conversion;
import io.lambda2azure.ConversionOptions;
import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.Target;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.plan.PlanOptions;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lambda2azure convert}: writes the Azure IaC, the deviation reports, the migration plan and the
 * function apps' host.json files for a template.
 */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = false,
        sortOptions = false,
        description = {
                "Converts a CloudFormation or SAM template or a Terraform configuration into Azure Functions"
                        + " infrastructure as code.",
                "%nWrites bicep/ (main.bicep, main.bicepparam) and terraform/ (versions.tf, variables.tf, main.tf,"
                        + " outputs.tf, terraform.tfvars.example); one set of reports, deviations.md,"
                        + " deviations.json and deviations.sarif; migration-plan.json (per function its app and,"
                        + " per event, the trigger binding or the deviation that replaced it); and"
                        + " functions/<app>/host.json for each function app's code package, into the output"
                        + " directory. Files are written atomically: a failed run leaves no half-written output."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  deviations at or above --fail-on were found (the files are written)",
                "  2  usage error, or the input is missing or invalid; each problem is",
                "     printed on stderr as file:line:column: error: message",
                " 70  internal error; set LAMBDA2AZURE_DEBUG=1 for the stack trace"})
final class ConvertCommand implements Callable<Integer> {

    /** Exit code when deviations at or above {@code --fail-on} exist. */
    static final int EXIT_DEVIATIONS = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>",
            description = "The CloudFormation or SAM template to convert (YAML or JSON), or the Terraform"
                    + " directory or file (.tf, .tf.json).")
    Path template;

    @Option(names = "--input", paramLabel = "<kind>", description = InputKinds.DESCRIPTION)
    String input;

    @Option(names = "--plan", paramLabel = "<plan>", defaultValue = "flex",
            description = "Hosting plan: flex, premium, dedicated, consumption, or auto (the cheapest plan that"
                    + " carries every function without a blocker). Default: ${DEFAULT-VALUE}.")
    String plan;

    @Option(names = "--target", paramLabel = "<target>", defaultValue = "both",
            description = "The IaC to write: bicep, terraform or both. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--out", paramLabel = "<dir>", description = "The output directory (created when missing).")
    Path out;

    @Option(names = "--fail-on", paramLabel = "<severity>", defaultValue = "blocker",
            description = "Exit with 1 when deviations of this severity or higher exist: blocker, warning or never."
                    + " Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--stdout", description = "Print main.bicep (with --target terraform: main.tf) to standard"
            + " output instead of writing files; the reports, migration-plan.json and the host.json files are"
            + " only written with --out.")
    boolean stdout;

    @Option(names = "--topics", paramLabel = "<service>", defaultValue = "servicebus",
            description = "What SNS topics become: servicebus (a topic with a subscription per subscriber) or"
                    + " eventgrid (a topic with push delivery to each subscriber). Default: ${DEFAULT-VALUE}.")
    String topics;

    @Option(names = "--queues", paramLabel = "<service>", defaultValue = "servicebus",
            description = "What SQS queues become: servicebus (sessions, dead-lettering) or storage (Storage"
                    + " queues: cheapest, no ordering). Default: ${DEFAULT-VALUE}.")
    String queues;

    @Option(names = "--group-functions",
            description = "Put compatible functions (same runtime, network and settings) into one function app.")
    boolean groupFunctions;

    @Override
    public Integer call() {
        PrintWriter stdoutWriter = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PlanKind> planKind = plan();
        Optional<Severity> threshold = failOn();
        Optional<io.lambda2azure.core.model.InputKind> kind = InputKinds.parse(input, spec);
        EnumSet<Target> targets = switch (target.toLowerCase(Locale.ROOT)) {
            case "bicep" -> EnumSet.of(Target.BICEP);
            case "terraform" -> EnumSet.of(Target.TERRAFORM);
            case "both" -> EnumSet.allOf(Target.class);
            default -> throw new ParameterException(spec.commandLine(),
                    "--target must be bicep, terraform or both, not '" + target + "'");
        };
        PlanOptions.TopicService topicService = switch (topics.toLowerCase(Locale.ROOT)) {
            case "servicebus" -> PlanOptions.TopicService.SERVICE_BUS;
            case "eventgrid" -> PlanOptions.TopicService.EVENT_GRID;
            default -> throw new ParameterException(spec.commandLine(),
                    "--topics must be servicebus or eventgrid, not '" + topics + "'");
        };
        PlanOptions.QueueService queueService = switch (queues.toLowerCase(Locale.ROOT)) {
            case "servicebus" -> PlanOptions.QueueService.SERVICE_BUS;
            case "storage" -> PlanOptions.QueueService.STORAGE;
            default -> throw new ParameterException(spec.commandLine(),
                    "--queues must be servicebus or storage, not '" + queues + "'");
        };
        if (out == null && !stdout) {
            throw new ParameterException(spec.commandLine(), "--out <dir> is required (or --stdout)");
        }
        Conversion conversion;
        try {
            conversion = Lambda2Azure.convert(template,
                    new ConversionOptions(planKind, groupFunctions, targets, topicService, queueService, kind));
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                err.println(problem.location() + ": error: " + problem.message());
            }
            err.flush();
            return Main.EXIT_USAGE;
        }
        PrintWriter summary = stdout ? err : stdoutWriter;
        if (stdout) {
            stdoutWriter.print(conversion.files().get(targets.contains(Target.BICEP) ? "bicep/main.bicep"
                    : "terraform/main.tf"));
            stdoutWriter.flush();
        } else {
            try {
                Lambda2Azure.write(conversion, out);
            } catch (IOException e) {
                err.println("lambda2azure: error: cannot write " + out + ": " + e.getMessage());
                err.flush();
                return Main.EXIT_USAGE;
            }
            summary.println("Wrote " + String.join(", ", conversion.files().keySet()) + " to " + out);
        }
        var deployment = conversion.deployment();
        long blockers = deployment.count(Severity.BLOCKER);
        long warnings = deployment.count(Severity.WARNING) - blockers;
        long infos = deployment.deviations().size() - blockers - warnings;
        summary.println("Plan: " + deployment.plan().title() + " (" + deployment.planReason() + ")");
        summary.println("Deviations: " + blockers + " blocker, " + warnings + " warning, " + infos + " info"
                + (stdout ? "" : " (see " + out.resolve("deviations.md") + ")"));
        summary.flush();
        if (threshold.isPresent() && deployment.count(threshold.get()) > 0) {
            err.println("lambda2azure: " + deployment.count(threshold.get()) + " deviations at or above "
                    + threshold.get().id() + " (--fail-on " + failOn + ")");
            err.flush();
            return EXIT_DEVIATIONS;
        }
        return Main.EXIT_OK;
    }

    private Optional<PlanKind> plan() {
        if ("auto".equalsIgnoreCase(plan)) {
            return Optional.empty();
        }
        return Optional.of(PlanKind.fromId(plan).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--plan must be flex, premium, dedicated, consumption or auto, not '" + plan + "'")));
    }

    private Optional<Severity> failOn() {
        switch (failOn.toLowerCase(Locale.ROOT)) {
            case "never":
                return Optional.empty();
            case "blocker":
                return Optional.of(Severity.BLOCKER);
            case "warning":
                return Optional.of(Severity.WARNING);
            default:
                throw new ParameterException(spec.commandLine(),
                        "--fail-on must be blocker, warning or never, not '" + failOn + "'");
        }
    }
}
