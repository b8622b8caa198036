package io.lambda2azure.cli;

import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.DeviationKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code lambda2azure explain}: describes a deviation kind, or lists them all. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = false,
        description = "Explains a deviation id (such as L2A104): what differs on Azure, its impact and what to do."
                + " Without an id, lists every deviation kind.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<id>", description = "A deviation id, such as L2A104.")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (id == null) {
            for (DeviationKind kind : DeviationCatalog.all()) {
                out.println(kind.id() + "  " + String.format("%-8s", kind.severity().id()) + kind.title());
            }
            out.flush();
            return Main.EXIT_OK;
        }
        DeviationKind kind = DeviationCatalog.byId(id).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown deviation id '" + id + "'; run 'lambda2azure explain' for the list"));
        out.println(kind.id() + " " + kind.severity().id() + ": " + kind.title());
        out.println();
        out.println("Area:       " + kind.area().title());
        out.println("Impact:     " + kind.impact());
        out.println("Mitigation: " + kind.mitigation());
        out.println("Learn more: " + kind.helpUrl());
        out.flush();
        return Main.EXIT_OK;
    }
}
