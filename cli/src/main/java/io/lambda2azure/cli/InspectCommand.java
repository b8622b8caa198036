package io.lambda2azure.cli;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lambda2azure inspect}: shows what was understood of a template. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = false,
        sortOptions = false,
        description = {
                "Shows what was understood of a CloudFormation or SAM template or a Terraform configuration.",
                "%nReads the template (YAML or JSON) or the Terraform directory or file (.tf, .tf.json) and prints"
                        + " its parameters, its functions with their events, the resources they use, roles,"
                        + " outputs, and everything that is not supported or has no place in the model yet, each"
                        + " with its file:line:column."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  2  usage error, or the input is missing or invalid; each problem is",
                "     printed on stderr as file:line:column: error: message",
                " 70  internal error; set LAMBDA2AZURE_DEBUG=1 for the stack trace"})
final class InspectCommand implements Callable<Integer> {

    private final TemplateReader reader;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>",
            description = "The CloudFormation or SAM template to read (YAML or JSON), or the Terraform directory"
                    + " or file (.tf, .tf.json).")
    Path template;

    @Option(names = "--input", paramLabel = "<kind>", description = InputKinds.DESCRIPTION)
    String input;

    @Option(names = "--json",
            description = "Print JSON instead of text (format: docs/inspect-json.md).")
    boolean json;

    InspectCommand(TemplateReader reader) {
        this.reader = reader;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<io.lambda2azure.core.model.InputKind> kind = InputKinds.parse(input, spec);
        ServerlessApp app;
        try {
            app = reader.read(template, kind);
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                err.println(problem.location() + ": error: " + problem.message());
            }
            err.flush();
            return Main.EXIT_USAGE;
        }
        out.print(json ? InspectJson.render(app) : InspectText.render(app));
        out.flush();
        return Main.EXIT_OK;
    }
}
