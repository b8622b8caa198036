package io.lambda2azure.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top command: only options and subcommands; run alone, it shows its usage and fails. */
@Command(name = "lambda2azure",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = false,
        sortOptions = false,
        description = "Moves AWS Lambda workloads (CloudFormation, SAM, Terraform) to Azure Functions infrastructure"
                + " as code.",
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  convert: deviations at or above --fail-on were found",
                "  2  usage error, or the input is missing or invalid; each problem is",
                "     printed on stderr as file:line:column: error: message",
                " 70  internal error; set LAMBDA2AZURE_DEBUG=1 for the stack trace"})
final class Lambda2AzureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("lambda2azure: error: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }
}
