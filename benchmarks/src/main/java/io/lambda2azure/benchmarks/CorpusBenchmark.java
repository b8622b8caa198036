package io.lambda2azure.benchmarks;

import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.plan.PlanOptions;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.emitters.bicep.BicepEmitter;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole corpus (../shared/corpus: SAM translator inputs and cfn-lint templates), read from memory,
 * parsed, planned for all four plans and emitted as Bicep: one operation is the whole corpus. Set
 * -Dlambda2azure.shared to the shared folder when not running from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@Threads(1)
public class CorpusBenchmark {

    private final List<Map.Entry<String, String>> templates = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("lambda2azure.shared", "../shared")).resolve("corpus");
        for (String folder : List.of("sam-translator", "cfn-lint")) {
            try (Stream<Path> files = Files.list(corpus.resolve(folder))) {
                for (Path file : files.sorted().toList()) {
                    templates.add(Map.entry(file.toString(), Files.readString(file)));
                }
            }
        }
    }

    @Benchmark
    public int wholeCorpusAllPlans() {
        int bytes = 0;
        for (Map.Entry<String, String> template : templates) {
            ServerlessApp app;
            try {
                app = CloudFormationReader.parse(template.getKey(), template.getValue());
            } catch (InvalidInputException e) {
                continue;
            }
            for (PlanKind plan : PlanKind.values()) {
                bytes += BicepEmitter.emit(AzurePlanner.plan(app, PlanOptions.of(plan))).mainBicep().length();
            }
        }
        return bytes;
    }
}
