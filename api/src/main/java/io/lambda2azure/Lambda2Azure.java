package io.lambda2azure;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.emitters.bicep.BicepEmitter;
import io.lambda2azure.emitters.bicep.BicepFiles;
import io.lambda2azure.emitters.hostjson.HostJson;
import io.lambda2azure.emitters.report.Reports;
import io.lambda2azure.emitters.terraform.TerraformEmitter;
import io.lambda2azure.emitters.terraform.TerraformFiles;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import io.lambda2azure.parsers.terraform.TerraformReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The lambda2azure library: the one entry point for embedding the tool.
 *
 * <pre>{@code
 * ServerlessApp app = Lambda2Azure.read(Path.of("template.yaml"));
 * app.functions().forEach(f -> System.out.println(f.logicalId() + " " + f.runtime()));
 *
 * Conversion conversion = Lambda2Azure.convert(Path.of("template.yaml"), ConversionOptions.bicep(PlanKind.FLEX_CONSUMPTION));
 * Lambda2Azure.write(conversion, Path.of("azure"));
 * }</pre>
 *
 * <p>Every method either returns a complete result or throws {@link InvalidInputException} carrying every
 * problem found in the input, each with its file, line and column. No other exception is thrown for bad
 * input.
 */
public final class Lambda2Azure {

    private Lambda2Azure() {
    }

    /**
     * Reads an AWS CloudFormation or SAM template (YAML or JSON), or a Terraform configuration (a directory
     * of {@code .tf}/{@code .tf.json} files, or one such file), into the neutral serverless model. The kind
     * of input is told by {@link #detect}.
     *
     * @param input the template file, or the Terraform directory or file; its path as given is used in every
     *              source location
     * @return the application the input describes
     * @throws InvalidInputException when the input cannot be read or is not valid; the exception lists every
     *                               problem found, located
     */
    public static ServerlessApp read(Path input) throws InvalidInputException {
        return read(input, detect(input));
    }

    /**
     * Reads an input as the given kind, whatever its name says.
     *
     * @param input the input
     * @param kind  {@link InputKind#TERRAFORM} reads a Terraform directory or file;
     *              {@link InputKind#CLOUDFORMATION} and {@link InputKind#SAM} both read a CloudFormation
     *              template, which is SAM when it declares SAM's transform
     * @return the application the input describes
     * @throws InvalidInputException when the input cannot be read or is not valid, every problem located
     */
    public static ServerlessApp read(Path input, InputKind kind) throws InvalidInputException {
        return kind == InputKind.TERRAFORM ? TerraformReader.read(input) : CloudFormationReader.read(input);
    }

    /**
     * The kind of an input by its name: a directory holding {@code .tf} or {@code .tf.json} files, or a file
     * with one of those extensions, is Terraform; anything else is read as a CloudFormation (or SAM) template.
     *
     * @param input a file or directory
     * @return {@link InputKind#TERRAFORM} or {@link InputKind#CLOUDFORMATION}
     */
    public static InputKind detect(Path input) {
        return TerraformReader.isTerraform(input) ? InputKind.TERRAFORM : InputKind.CLOUDFORMATION;
    }

    /**
     * Reads a template, plans its Azure deployment and renders every output: the IaC of each target; the
     * deviation reports ({@code deviations.md}, {@code deviations.json}, {@code deviations.sarif}) and the
     * migration plan ({@code migration-plan.json}), which are shared by all targets since both IaC outputs
     * describe the same planned deployment; and the {@code host.json} of each function app, as
     * {@code functions/<app symbol>/host.json}, to put at the root of that app's code package.
     * Nothing is written; see {@link #write}.
     *
     * @param template the template file, or the Terraform directory or file
     * @param options  the plan, grouping, targets and, if forced, the kind of input
     * @return the conversion, with every file's text
     * @throws InvalidInputException when the template cannot be read or is invalid
     */
    public static Conversion convert(Path template, ConversionOptions options) throws InvalidInputException {
        ServerlessApp app = read(template, options.input().orElseGet(() -> detect(template)));
        AzureDeployment deployment = AzurePlanner.plan(app, options.planOptions());
        SortedMap<String, String> files = new TreeMap<>();
        if (options.targets().contains(Target.BICEP)) {
            BicepFiles bicep = BicepEmitter.emit(deployment);
            files.put("bicep/main.bicep", bicep.mainBicep());
            files.put("bicep/main.bicepparam", bicep.bicepParam());
        }
        if (options.targets().contains(Target.TERRAFORM)) {
            TerraformFiles terraform = TerraformEmitter.emit(deployment);
            files.put("terraform/versions.tf", terraform.versionsTf());
            files.put("terraform/variables.tf", terraform.variablesTf());
            files.put("terraform/main.tf", terraform.mainTf());
            files.put("terraform/outputs.tf", terraform.outputsTf());
            files.put("terraform/terraform.tfvars.example", terraform.tfvarsExample());
        }
        files.put("deviations.md", Reports.markdown(app, deployment));
        files.put("deviations.json", Reports.json(app, deployment));
        files.put("deviations.sarif", Reports.sarif(app, deployment, version()));
        files.put("migration-plan.json", Reports.migrationPlan(app, deployment));
        for (AzureResource.FunctionApp functionApp : deployment.resources(AzureResource.FunctionApp.class)) {
            files.put(hostJsonPath(functionApp.symbol()), HostJson.render(functionApp));
        }
        return new Conversion(app, deployment, files);
    }

    /**
     * Writes a conversion's files into a directory, atomically per file, after all of them were written
     * to a staging directory: a failure leaves no half-written output.
     *
     * @param conversion      the conversion
     * @param outputDirectory the directory; created when missing
     * @throws IOException when the files cannot be written
     */
    public static void write(Conversion conversion, Path outputDirectory) throws IOException {
        OutputWriter.write(conversion.files(), outputDirectory);
    }

    /** Where a function app's host.json goes: one directory per app, named by its symbol, a valid file name. */
    private static String hostJsonPath(String appSymbol) {
        return "functions/" + appSymbol + "/host.json";
    }

    /** This library's version. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = Lambda2Azure.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
