package io.lambda2azure.benchmarks;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.plan.PlanOptions;
import io.lambda2azure.emitters.bicep.BicepEmitter;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Parse, plan and Bicep emission of generated SAM templates of growing size, one thread: the time should
 * grow linearly with the number of functions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ConversionBenchmark {

    @Param({"10", "100", "1000"})
    int functions;

    @Param({"flex"})
    String plan;

    private String template;

    @Setup(Level.Trial)
    public void generate() {
        template = Templates.sam(functions);
    }

    @Benchmark
    public String parsePlanEmit() throws Exception {
        ServerlessApp app = CloudFormationReader.parse("generated.yaml", template);
        AzureDeployment deployment = AzurePlanner.plan(app, PlanOptions.of(PlanKind.fromId(plan).orElseThrow()));
        return BicepEmitter.emit(deployment).mainBicep();
    }
}
